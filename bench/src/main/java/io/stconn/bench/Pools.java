package io.stconn.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The baseline pools and the checks every benchmark's setup makes before measuring. */
final class Pools {
    /** Held: java.util.logging keeps loggers only weakly. */
    private static final Logger HIKARI_LOGGER = Logger.getLogger("com.zaxxer.hikari");

    static {
        // the baseline logs as stconn does: HikariCP's INFO lines off (StconnDriver does the same)
        HIKARI_LOGGER.setLevel(Level.WARNING);
    }

    private Pools() {
    }

    /** Plain HikariCP with the settings stconn gives its pools by default. */
    static HikariDataSource hikari(String jdbcUrl, String user) {
        return hikari("baseline", jdbcUrl, user);
    }

    static HikariDataSource hikari(String poolName, String jdbcUrl, String user) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        config.setMaximumPoolSize(Projects.MAXIMUM_POOL_SIZE);
        config.setMinimumIdle(Projects.MINIMUM_IDLE);
        return new HikariDataSource(config);
    }

    /** One borrow and a query, so that the pool is started and the database answers. */
    static void warm(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            check(c);
        }
    }

    static void check(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            if (!rs.next() || rs.getInt(1) != 1) {
                throw new SQLException("SELECT 1 did not answer 1");
            }
        }
    }
}
