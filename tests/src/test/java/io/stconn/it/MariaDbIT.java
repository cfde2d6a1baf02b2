package io.stconn.it;

import static io.stconn.it.Servers.APP_PASSWORD;
import static io.stconn.it.Servers.APP_USER;
import static io.stconn.it.Servers.DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.it.Servers.Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real MariaDB server of this machine through MariaDB's own driver ({@code dialect = "mariadb"}). */
class MariaDbIT {
    @TempDir
    Path tmp;

    @RegisterExtension
    final OpenedPools pools = new OpenedPools();

    // before each test, not all: a skip in @BeforeAll would hide the tests from the report
    @BeforeEach
    void server() {
        Servers.require(Server.MARIADB);
    }

    /** Streamlit's "Connect Streamlit to MySQL" tutorial secrets, with the mariadb dialect. */
    @Test
    void tutorialSecretsWithQueryCharset() throws Exception {
        String name = Project.uniqueName("mariatutorial");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"mariadb\"\n"
                        + "host = \"127.0.0.1\"\n"
                        + "port = 3306\n"
                        + "database = \"" + DATABASE + "\"\n"
                        + "username = \"" + APP_USER + "\"\n"
                        + "password = " + Project.toml(APP_PASSWORD) + "\n"
                        + "query = { charset = \"utf8mb4\" }\n");
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(Servers.pets(c)).containsExactly("John:cat", "Mary:dog", "Robert:bird");
            assertThat(Dbs.one(c, "SELECT CONCAT(CURRENT_USER(), ' ', DATABASE())")).isEqualTo(APP_USER + "@% " + DATABASE);
            assertThat(Dbs.one(c, "SELECT @@character_set_connection")).isEqualTo("utf8mb4");
            assertThat(c.getMetaData().getDriverName()).isEqualTo("MariaDB Connector/J");
        }
    }

    @Test
    void sqlAlchemyUrlWithPythonDriver() throws Exception {
        String name = Project.uniqueName("mariaurl");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = \"mariadb+mariadbconnector://" + APP_USER + ":" + Project.encode(APP_PASSWORD)
                        + "@127.0.0.1:3306/" + DATABASE + "?charset=utf8mb4&connect_timeout=7\"\n");
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(Servers.pets(c)).hasSize(3);
        }
    }

    /** The server has no TLS: only a driver that was really told to require it refuses to go on. */
    @Test
    void sslModeRequiredReachesTheDriverAsSslMode() {
        String name = Project.uniqueName("mariassl");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = \"mariadb://" + APP_USER + ":" + Project.encode(APP_PASSWORD)
                        + "@127.0.0.1/" + DATABASE + "?ssl_mode=REQUIRED\"\n");
        SQLException e = Errors.connectError(project.url(name));
        assertThat(e.getSQLState()).startsWith("08");
        assertThat(e.getMessage()).containsIgnoringCase("ssl");
    }

    @Test
    void wrongPasswordIsRefusedWithClass28AndTheMessageHoldsNoPassword() {
        ServerCases.wrongPasswordIsRefused(tmp, Project.uniqueName("mariawrong"), "mariadb", "28000",
                "Access denied");
    }

    @Test
    void secondConnectionForTheSameNameUsesTheSamePoolAndCloseReturnsIt() throws Exception {
        ServerCases.secondConnectionSharesThePool(tmp, pools, Project.uniqueName("mariapool"), "mariadb", 3306);
    }
}
