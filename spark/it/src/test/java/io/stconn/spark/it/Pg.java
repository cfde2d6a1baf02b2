package io.stconn.spark.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of this machine with the role and database that
 * {@code .ci/setup-databases.sh} creates. In CI ({@code CI=true}) a missing server fails the test;
 * elsewhere the test is skipped with a message saying how to get it.
 */
final class Pg {
    static final String DIRECT_URL = "jdbc:postgresql://127.0.0.1:5432/stconn_it";
    static final String USER = "stconn_app";
    static final String PASSWORD = "stconn-app-pw-7301";
    /** The same database in the SQLAlchemy form a Streamlit app's secrets give it. */
    static final String SECRETS_URL = "postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:5432/stconn_it";

    private Pg() {
    }

    static void require() {
        try (Connection c = direct()) {
            one(c, "SELECT 1");
        } catch (SQLException e) {
            notReady("PostgreSQL", "127.0.0.1:5432", e);
        }
    }

    /** Fails (in CI) or skips (elsewhere) the test that needs this server, saying how to get it. */
    static void notReady(String server, String address, SQLException e) {
        String message = server + " test server not ready at " + address + " (" + e.getMessage() + "). Run `bash"
                + " .ci/run`, or start " + server + " and run `bash .ci/setup-databases.sh`.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true: " + message, e);
        }
        Assumptions.abort(message);
    }

    /** A connection straight to the server (no stconn), for setting up and checking. */
    static Connection direct() throws SQLException {
        return DriverManager.getConnection(DIRECT_URL, USER, PASSWORD);
    }

    static void exec(String... statements) throws SQLException {
        try (Connection c = direct(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static String one(String sql) throws SQLException {
        try (Connection c = direct()) {
            return one(c, sql);
        }
    }

    static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Server connections open now under this application name (pgjdbc's ApplicationName). */
    static int backends(String applicationName) throws SQLException {
        return Integer.parseInt(one("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                + applicationName.replace("'", "''") + "'"));
    }
}
