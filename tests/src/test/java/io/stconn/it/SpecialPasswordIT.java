package io.stconn.it;

import static io.stconn.it.Servers.DATABASE;
import static io.stconn.it.Servers.SPECIAL_PASSWORD;
import static io.stconn.it.Servers.SPECIAL_USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.it.Servers.Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A password holding {@code @ : / % # ? & = + space ' " \} and non-ASCII letters logs in for real
 * on PostgreSQL (scram-sha-256, not trust) and MariaDB, in every way a user can write it: as the
 * password key, percent-encoded in a SQLAlchemy url, as a connect() Property, as a jdbc:stconn: URL
 * parameter. A wrong one is refused with SQLState class 28 and shows up nowhere.
 */
class SpecialPasswordIT {
    @TempDir
    Path tmp;

    @RegisterExtension
    final OpenedPools pools = new OpenedPools();

    /** The database as a dialect reaches it; MySQL is Connector/J talking to the MariaDB server. */
    enum Target {
        POSTGRESQL(Server.POSTGRESQL, "postgresql", "postgresql+psycopg2", "?sslmode=disable", "SELECT current_user"),
        MARIADB(Server.MARIADB, "mariadb", "mariadb+mariadbconnector", "", "SELECT SUBSTRING_INDEX(CURRENT_USER(), '@', 1)"),
        MYSQL(Server.MARIADB, "mysql", "mysql+pymysql", "?charset=utf8mb4", "SELECT SUBSTRING_INDEX(CURRENT_USER(), '@', 1)");

        final Server server;
        final String dialect;
        /** The url scheme as the Streamlit tutorials write it, with the Python driver. */
        final String scheme;
        final String urlQuery;
        final String currentUser;

        Target(Server server, String dialect, String scheme, String urlQuery, String currentUser) {
            this.server = server;
            this.dialect = dialect;
            this.scheme = scheme;
            this.urlQuery = urlQuery;
            this.currentUser = currentUser;
        }
    }

    /** Where the password is written. */
    enum Form {
        PASSWORD_KEY {
            @Override
            String section(Target t, String password, Login login) {
                return parts(t) + "username = \"" + SPECIAL_USER + "\"\npassword = " + Project.toml(password) + "\n";
            }
        },
        PERCENT_ENCODED_IN_URL {
            @Override
            String section(Target t, String password, Login login) {
                return "url = \"" + t.scheme + "://" + SPECIAL_USER + ":" + Project.encode(password) + "@127.0.0.1:"
                        + t.server.port + "/" + DATABASE + t.urlQuery + "\"\n";
            }
        },
        CONNECT_PROPERTY {
            @Override
            String section(Target t, String password, Login login) {
                login.properties.setProperty("user", SPECIAL_USER);
                login.properties.setProperty("password", password);
                return "url = \"" + t.scheme + "://127.0.0.1:" + t.server.port + "/" + DATABASE + t.urlQuery + "\"\n";
            }
        },
        STCONN_URL_PARAMETER {
            @Override
            String section(Target t, String password, Login login) {
                login.urlParameters.add("password=" + password);
                return parts(t) + "username = \"" + SPECIAL_USER + "\"\n";
            }
        };

        abstract String section(Target t, String password, Login login);

        static String parts(Target t) {
            return "dialect = \"" + t.dialect + "\"\nhost = \"127.0.0.1\"\nport = " + t.server.port
                    + "\ndatabase = \"" + DATABASE + "\"\n";
        }
    }

    /** What the connect call adds besides the secrets. */
    static final class Login {
        final Properties properties = new Properties();
        final List<String> urlParameters = new ArrayList<>();
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Target target : Target.values()) {
            for (Form form : Form.values()) {
                cases.add(Arguments.of(Named.of(target.name().toLowerCase(), target), form));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}, password as {1}")
    @MethodSource("cases")
    void specialPasswordLogsIn(Target target, Form form) throws Exception {
        Servers.require(target.server);
        String name = Project.uniqueName("special");
        Login login = new Login();
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n" + form.section(target, SPECIAL_PASSWORD, login));
        try (Connection c = pools.connect(project.url(name, login.urlParameters.toArray(String[]::new)), login.properties)) {
            assertThat(Dbs.one(c, target.currentUser)).isEqualTo(SPECIAL_USER);
            assertThat(Dbs.one(c, "SELECT COUNT(*) FROM mytable")).isEqualTo("3");
        }
    }

    @ParameterizedTest(name = "{0}, wrong password as {1}")
    @MethodSource("cases")
    void wrongSpecialPasswordIsClass28AndShownNowhere(Target target, Form form) throws Exception {
        Servers.require(target.server);
        String name = Project.uniqueName("specialwrong");
        String wrong = SPECIAL_PASSWORD.replace("P@ss", "P@ssX");
        Login login = new Login();
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n" + form.section(target, wrong, login));
        SQLException e = Errors.connectError(project.url(name, login.urlParameters.toArray(String[]::new)), login.properties);
        assertThat(e.getSQLState()).as("SQLState of: %s", e.getMessage()).startsWith("28");
        String shown = Leaks.everythingShownBy(e);
        for (String secret : List.of(wrong, SPECIAL_PASSWORD, Project.encode(wrong), Project.encode(SPECIAL_PASSWORD))) {
            assertThat(shown).doesNotContain(secret);
        }
        // the part of the password after the user name separator, the likeliest piece to leak from a URL
        assertThat(shown).doesNotContain("w:/rd%41");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void theSpecialRoleHasNoTrustLogin(Target target) {
        Servers.require(target.server);
        String name = Project.uniqueName("specialnone");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n" + Form.parts(target)
                + "username = \"" + SPECIAL_USER + "\"\n");
        SQLException e = Errors.connectError(project.url(name));
        // pgjdbc refuses before asking the server (08004, "no password was provided"); MariaDB says 28000
        assertThat(e.getSQLState()).as("SQLState of: %s", e.getMessage()).isIn("28000", "08004");
        assertThat(e.getMessage()).containsIgnoringCase("password");
    }
}
