package io.stconn.it;

import static io.stconn.it.Servers.APP_PASSWORD;
import static io.stconn.it.Servers.APP_USER;
import static io.stconn.it.Servers.DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stconn.it.Servers.Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dialect = "mysql"} against the MariaDB server of this machine: through MySQL Connector/J
 * when it is on the class path (it is on the tests' class path), through MariaDB's driver when it
 * is not (stconn loaded in a class loader that holds MariaDB's driver only).
 */
class MySqlIT {
    private static final String CONNECTOR_J = "com.mysql.cj.jdbc.Driver";

    @TempDir
    Path tmp;

    @RegisterExtension
    final OpenedPools pools = new OpenedPools();

    // before each test, not all: a skip in @BeforeAll would hide the tests from the report
    @BeforeEach
    void server() {
        Servers.require(Server.MARIADB);
    }

    /** Streamlit's "Connect Streamlit to MySQL" tutorial, as written there. */
    private Project tutorial(String name, String charset, String password) {
        return Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"mysql\"\n"
                        + "host = \"127.0.0.1\"\n"
                        + "port = 3306\n"
                        + "database = \"" + DATABASE + "\"\n"
                        + "username = \"" + APP_USER + "\"\n"
                        + "password = " + Project.toml(password) + "\n"
                        + "query = { charset = \"" + charset + "\" }\n");
    }

    @Test
    void tutorialSecretsUseConnectorJWhenItIsThere() throws Exception {
        String name = Project.uniqueName("mysqlcj");
        Project project = tutorial(name, "utf8mb4", APP_PASSWORD);
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(c.getMetaData().getDriverName()).isEqualTo("MySQL Connector/J");
            assertThat(Servers.pets(c)).containsExactly("John:cat", "Mary:dog", "Robert:bird");
            assertThat(Dbs.one(c, "SELECT @@character_set_client")).isEqualTo("utf8mb4");
        }
    }

    /** charset is Connector/J's characterEncoding; latin1 shows on the server as the client's character set. */
    @Test
    void charsetBecomesCharacterEncodingOnTheServer() throws Exception {
        String name = Project.uniqueName("mysqllatin");
        Project project = tutorial(name, "latin1", APP_PASSWORD);
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(Dbs.one(c, "SELECT @@character_set_client")).isEqualTo("latin1");
        }
    }

    @Test
    void sqlAlchemyUrlWithPyMySql() throws Exception {
        String name = Project.uniqueName("mysqlurl");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = \"mysql+pymysql://" + APP_USER + ":" + Project.encode(APP_PASSWORD)
                        + "@127.0.0.1:3306/" + DATABASE + "?charset=utf8mb4\"\n");
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(c.getMetaData().getDriverName()).isEqualTo("MySQL Connector/J");
            assertThat(Servers.pets(c)).hasSize(3);
        }
    }

    /** The server has no TLS: Connector/J told sslMode=REQUIRED refuses to go on. */
    @Test
    void sslModeRequiredReachesConnectorJ() {
        String name = Project.uniqueName("mysqlssl");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = \"mysql://" + APP_USER + ":" + Project.encode(APP_PASSWORD)
                        + "@127.0.0.1/" + DATABASE + "?ssl_mode=REQUIRED\"\n");
        SQLException e = Errors.connectError(project.url(name));
        assertThat(e.getSQLState()).startsWith("08");
        assertThat(e.getMessage()).containsIgnoringCase("ssl");
    }

    @Test
    void wrongPasswordThroughConnectorJIsClass28() {
        String name = Project.uniqueName("mysqlwrong");
        String wrong = "wrong-" + APP_PASSWORD;
        SQLException e = Errors.connectError(tutorial(name, "utf8mb4", wrong).url(name));
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("Access denied", APP_USER);
        assertThat(Leaks.everythingShownBy(e)).doesNotContain(wrong, APP_PASSWORD);
    }

    @Test
    void tutorialSecretsUseMariaDbDriverWhenConnectorJIsAbsent() throws Exception {
        String name = Project.uniqueName("mysqlmaria");
        Project project = tutorial(name, "utf8mb4", APP_PASSWORD);
        try (IsolatedStconn stconn = IsolatedStconn.with(org.mariadb.jdbc.Driver.class)) {
            assertThat(stconn.sees(CONNECTOR_J)).as("Connector/J is not in the isolated class loader").isFalse();
            try (Connection c = stconn.connect(project.url(name))) {
                assertThat(c.getMetaData().getDriverName()).isEqualTo("MariaDB Connector/J");
                assertThat(c.getMetaData().getURL()).startsWith("jdbc:mariadb://127.0.0.1");
                assertThat(Servers.pets(c)).containsExactly("John:cat", "Mary:dog", "Robert:bird");
            }
        }
    }

    @Test
    void wrongPasswordThroughMariaDbDriverIsClass28() throws Exception {
        String name = Project.uniqueName("mysqlmariawrong");
        String wrong = "wrong-" + APP_PASSWORD;
        Project project = tutorial(name, "utf8mb4", wrong);
        try (IsolatedStconn stconn = IsolatedStconn.with(org.mariadb.jdbc.Driver.class)) {
            assertThatThrownBy(() -> stconn.connect(project.url(name)).close())
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("28000");
                        assertThat(e.getMessage()).contains("Access denied", "jdbc:mariadb:");
                        assertThat(Leaks.everythingShownBy(e)).doesNotContain(wrong, APP_PASSWORD);
                    });
        }
    }
}
