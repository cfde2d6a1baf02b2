package io.stconn.it;

import io.stconn.spi.ConnectionConfig;
import io.stconn.spi.ConnectionType;
import io.stconn.spi.PoolTarget;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A custom connection type as a user would write one: key {@code folder} names a folder of the
 * project, and the connection is the H2 file database {@code <project>/<folder>/db}. Registered
 * for ServiceLoader under the short name {@code h2folder}.
 */
public final class H2FolderType implements ConnectionType {
    public static final String NAME = "h2folder";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PoolTarget target(ConnectionConfig config) throws SQLException {
        String folder = config.string("folder");
        if (folder == null) {
            throw new SQLException("connection " + config.name() + " of type h2folder needs a 'folder' key", "22004");
        }
        Path db = config.projectDir().resolve(folder).resolve("db").toAbsolutePath();
        return PoolTarget.ofDriver(new org.h2.Driver(), "jdbc:h2:" + db, new Properties());
    }
}
