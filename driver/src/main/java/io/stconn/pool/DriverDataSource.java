package io.stconn.pool;

import io.stconn.SqlState;
import io.stconn.internal.BaseDataSource;
import io.stconn.internal.Masking;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;


/**
 * The real driver instance as a DataSource for HikariCP, so that HikariCP never looks the driver
 * up through DriverManager (which hides drivers loaded by other class loaders).
 */
final class DriverDataSource extends BaseDataSource {
    private final Driver driver;
    private final String url;
    private final Properties properties;
    /**
     * The physical connections made and not yet seen closed. HikariCP aborts borrowed connections
     * when its pool shuts down, but a driver may do nothing on abort (H2 does): closing them here
     * is what makes deregistration end every connection. Only pool growth touches this set.
     */
    private final Set<Connection> opened = ConcurrentHashMap.newKeySet();

    DriverDataSource(Driver driver, String url, Properties properties) {
        this.driver = driver;
        this.url = url;
        this.properties = properties;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties props = new Properties();
        props.putAll(properties);
        if (username != null) {
            props.setProperty("user", username);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return connect(props);
    }

    private Connection connect(Properties props) throws SQLException {
        Connection connection = driver.connect(url, props);
        if (connection == null) {
            throw SqlState.CONNECTION_FAILED.exception("Driver " + driver.getClass().getName() + " does not accept the URL "
                    + Masking.url(url) + ": check the url (or dialect) against the driver's documentation");
        }
        opened.removeIf(DriverDataSource::closed);
        opened.add(connection);
        return connection;
    }

    /** Closes every physical connection still open (after the pool shut down). */
    void closeOpened() {
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException | RuntimeException e) {
                // the pool is gone; a connection that cannot even close is the driver's to clean up
            }
        }
        opened.clear();
    }

    private static boolean closed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }

    @Override
    public String toString() {
        return "DriverDataSource[" + driver.getClass().getName() + " " + Masking.url(url) + "]";
    }
}
