package io.stconn.type;

import io.stconn.spi.ConnectionConfig;
import io.stconn.spi.ConnectionType;
import io.stconn.spi.PoolTarget;

import java.sql.SQLException;
import java.util.Properties;

/**
 * A connection type registered through ServiceLoader under the short name {@code echo} (see
 * src/test/resources/META-INF/services). It pools an H2 in-memory database named after the
 * connection and echoes every configuration value into the driver properties, so tests can see
 * exactly what a type receives.
 */
public final class EchoConnectionType implements ConnectionType {
    public static final String NAME = "echo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PoolTarget target(ConnectionConfig config) throws SQLException {
        Properties echoed = new Properties();
        config.values().forEach((key, value) -> echoed.setProperty(key, value.text()));
        return PoolTarget.ofDriver(new org.h2.Driver(), "jdbc:h2:mem:echo_" + config.name(), echoed);
    }
}
