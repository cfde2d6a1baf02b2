package io.stconn.type;

import io.stconn.spi.ConnectionConfig;
import io.stconn.spi.ConnectionType;
import io.stconn.spi.PoolTarget;

import java.sql.SQLException;
import java.util.Properties;

/** A connection type found only by its class name: it is not in any META-INF/services file. */
public final class UnregisteredConnectionType implements ConnectionType {

    @Override
    public String name() {
        return "unregistered";
    }

    @Override
    public PoolTarget target(ConnectionConfig config) throws SQLException {
        return PoolTarget.ofDriver(new org.h2.Driver(), "jdbc:h2:mem:unregistered_" + config.name(), new Properties());
    }
}
