package io.stconn.bench.cold;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Cold start, HikariCP configured in code with stconn's default settings. Argument: the H2 URL. */
public final class HikariFirstRow {
    private static final Logger HIKARI_LOGGER = Logger.getLogger("com.zaxxer.hikari");

    private HikariFirstRow() {
    }

    public static void main(String[] args) throws Exception {
        // as stconn does for its relocated copy: HikariCP's INFO lines off
        HIKARI_LOGGER.setLevel(Level.WARNING);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setMaximumPoolSize(15);
        config.setMinimumIdle(5);
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            FirstRow.print(rs.getInt(1));
        }
    }
}
