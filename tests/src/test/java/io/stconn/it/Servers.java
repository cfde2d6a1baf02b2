package io.stconn.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL and MariaDB servers of this machine, with the roles, passwords and database that
 * {@code .ci/setup-databases.sh} creates (keep the two in step). A test that needs one calls
 * {@link #require}: in CI ({@code CI=true}) a missing server fails the test, on a laptop without it
 * the test is skipped with a message saying how to get it.
 */
final class Servers {
    static final String HOST = "127.0.0.1";
    static final String DATABASE = "stconn_it";
    static final String APP_USER = "stconn_app";
    static final String APP_PASSWORD = "stconn-app-pw-7301";
    /** Logs in only with the password that holds every character a URL must encode. */
    static final String SPECIAL_USER = "stconn_special";
    static final String SPECIAL_PASSWORD = "P@ss w:/rd%41#?&=+\u00fc\u20ac'\"\\";

    /** Each server as the real driver reaches it directly, never through stconn. */
    enum Server {
        POSTGRESQL("PostgreSQL", "STCONN_IT_POSTGRESQL_PORT", 5432, "jdbc:postgresql"),
        MARIADB("MariaDB", "STCONN_IT_MARIADB_PORT", 3306, "jdbc:mariadb");

        final String label;
        final int port;
        final String directUrl;

        /** The port may be moved by an environment variable: another server, or none (to see the tests skip). */
        Server(String label, String portVariable, int defaultPort, String scheme) {
            this.label = label;
            String moved = System.getenv(portVariable);
            this.port = moved == null || moved.isBlank() ? defaultPort : Integer.parseInt(moved.strip());
            this.directUrl = scheme + "://" + HOST + ":" + port + "/" + DATABASE;
        }
    }

    // null: ready; otherwise why not (checked once per JVM and server)
    private static final Map<Server, String> PROBLEMS = new ConcurrentHashMap<>();

    private Servers() {
    }

    /** Fails (in CI) or skips (elsewhere) unless the server is up with the test roles and database. */
    static void require(Server server) {
        String problem = PROBLEMS.computeIfAbsent(server, Servers::probe);
        if (problem.isEmpty()) {
            return;
        }
        String message = server.label + " test server not ready at " + HOST + ":" + server.port + " (" + problem
                + "). Run `bash .ci/run`, which starts the servers and calls .ci/setup-databases.sh; or start "
                + server.label + " yourself and run `bash .ci/setup-databases.sh` to create the roles and database.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true: " + message);
        }
        Assumptions.abort(message);
    }

    /** A direct connection (no stconn) as the application role, for setting up and checking. */
    static Connection direct(Server server) throws SQLException {
        return DriverManager.getConnection(server.directUrl, APP_USER, APP_PASSWORD);
    }

    /**
     * A {@code [connections.<name>]} section in the form of Streamlit's tutorials (dialect, host,
     * database, username, password) reaching the test database as the application role.
     */
    static String tutorialSection(String name, String dialect) {
        return "[connections." + name + "]\n"
                + "dialect = \"" + dialect + "\"\n"
                + "host = \"" + HOST + "\"\n"
                + "database = \"" + DATABASE + "\"\n"
                + "username = \"" + APP_USER + "\"\n"
                + "password = " + Project.toml(APP_PASSWORD) + "\n";
    }

    /** Streamlit's tutorial table, as "name:pet" in name order: John:cat, Mary:dog, Robert:bird. */
    static List<String> pets(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, pet FROM mytable ORDER BY name")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + ":" + rs.getString(2));
            }
        }
        return rows;
    }

    private static String probe(Server server) {
        try (Connection c = direct(server)) {
            Dbs.one(c, "SELECT COUNT(*) FROM mytable");
            return "";
        } catch (SQLException | AssertionError e) {
            return "login as " + APP_USER + " to database " + DATABASE + " failed: " + e.getMessage();
        }
    }
}
