package io.stconn.it;

import static io.stconn.it.Servers.APP_PASSWORD;
import static io.stconn.it.Servers.APP_USER;
import static io.stconn.it.Servers.DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.it.Servers.Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real PostgreSQL server of this machine, configured the way Streamlit's tutorials write the
 * secrets, each case ending in a query on the server that shows what reached it.
 */
class PostgresIT {
    @TempDir
    Path tmp;

    @RegisterExtension
    final OpenedPools pools = new OpenedPools();

    // before each test, not all: a skip in @BeforeAll would hide the tests from the report
    @BeforeEach
    void server() {
        Servers.require(Server.POSTGRESQL);
    }

    /** Streamlit's "Connect Streamlit to PostgreSQL" tutorial, port as the string it writes there. */
    @Test
    void tutorialSecretsWithDialectHostPortDatabaseUsernamePassword() throws Exception {
        String name = Project.uniqueName("pgtutorial");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"postgresql\"\n"
                        + "host = \"127.0.0.1\"\n"
                        + "port = \"5432\"\n"
                        + "database = \"" + DATABASE + "\"\n"
                        + "username = \"" + APP_USER + "\"\n"
                        + "password = " + Project.toml(APP_PASSWORD) + "\n");
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(Servers.pets(c)).containsExactly("John:cat", "Mary:dog", "Robert:bird");
            assertThat(Dbs.one(c, "SELECT current_user || '@' || current_database()"))
                    .isEqualTo(APP_USER + "@" + DATABASE);
            assertThat(c.getMetaData().getDriverName()).isEqualTo("PostgreSQL JDBC Driver");
        }
    }

    @Test
    void sqlAlchemyUrlWithPythonDriverAndSslmodeDisable() throws Exception {
        String name = Project.uniqueName("pgurl");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = \"postgresql+psycopg2://" + APP_USER + ":" + Project.encode(APP_PASSWORD)
                        + "@127.0.0.1:5432/" + DATABASE + "?sslmode=disable\"\n");
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(Servers.pets(c)).hasSize(3);
            assertThat(Dbs.one(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).isEqualTo("f");
        }
    }

    /** The server has no TLS: only a driver that was really told sslmode=require refuses to go on. */
    @Test
    void sslmodeRequireReachesPgjdbc() {
        String name = Project.uniqueName("pgssl");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = \"postgresql://" + APP_USER + ":" + Project.encode(APP_PASSWORD)
                        + "@127.0.0.1/" + DATABASE + "?sslmode=require\"\n");
        SQLException e = Errors.connectError(project.url(name));
        assertThat(e.getSQLState()).startsWith("08");
        assertThat(e.getMessage()).contains("does not support SSL");
        assertThat(Leaks.everythingShownBy(e)).doesNotContain(APP_PASSWORD);
    }

    @Test
    void applicationNameQueryParameterBecomesApplicationName() throws Exception {
        String name = Project.uniqueName("pgappname");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"postgres\"\n"
                        + "host = \"127.0.0.1\"\n"
                        + "database = \"" + DATABASE + "\"\n"
                        + "username = \"" + APP_USER + "\"\n"
                        + "password = " + Project.toml(APP_PASSWORD) + "\n"
                        + "query = { application_name = \"pets dashboard\" }\n");
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(Dbs.one(c, "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()"))
                    .isEqualTo("pets dashboard");
        }
    }

    /** The create_engine_kwargs a Streamlit user copies from SQLAlchemy's docs, connect_args included. */
    @Test
    void createEngineKwargsReachThePoolAndConnectArgsTheDriver() throws Exception {
        String name = Project.uniqueName("pgengine");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = \"postgresql+psycopg2://" + APP_USER + ":" + Project.encode(APP_PASSWORD)
                        + "@127.0.0.1:5432/" + DATABASE + "\"\n"
                        + "create_engine_kwargs = { pool_size = 3, max_overflow = 2, pool_recycle = 1800,"
                        + " connect_args = { options = \"-c statement_timeout=4321\" } }\n");
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(Dbs.one(c, "SHOW statement_timeout")).isEqualTo("4321ms");
            assertThat(Servers.pets(c)).hasSize(3);
            assertThat(OpenedPools.poolConfig(name, "MaximumPoolSize")).isEqualTo(5);
            assertThat(OpenedPools.poolConfig(name, "MinimumIdle")).as("opened on demand").isEqualTo(0);
            assertThat(OpenedPools.poolConfig(name, "MaxLifetime")).isEqualTo(1_800_000L);
        }
    }

    @Test
    void jdbcUrlWithUsernameAndPasswordKeys() throws Exception {
        String name = Project.uniqueName("pgjdbc");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = \"jdbc:postgresql://127.0.0.1:5432/" + DATABASE + "\"\n"
                        + "username = \"" + APP_USER + "\"\n"
                        + "password = " + Project.toml(APP_PASSWORD) + "\n");
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(Servers.pets(c)).hasSize(3);
        }
    }

    /** A GUI tool's user and password fields (connect() Properties) complete secrets that have none. */
    @Test
    void userAndPasswordFromConnectPropertiesLogIn() throws Exception {
        String name = Project.uniqueName("pgprops");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"postgresql\"\n"
                        + "host = \"127.0.0.1\"\n"
                        + "database = \"" + DATABASE + "\"\n");
        Properties info = new Properties();
        info.setProperty("user", APP_USER);
        info.setProperty("password", APP_PASSWORD);
        try (Connection c = pools.connect(project.url(name), info)) {
            assertThat(Dbs.one(c, "SELECT current_user")).isEqualTo(APP_USER);
        }
    }

    @Test
    void wrongPasswordIsRefusedWithClass28AndTheMessageHoldsNoPassword() {
        ServerCases.wrongPasswordIsRefused(tmp, Project.uniqueName("pgwrong"), "postgresql", "28P01",
                "password authentication failed");
    }

    @Test
    void secondConnectionForTheSameNameUsesTheSamePoolAndCloseReturnsIt() throws Exception {
        ServerCases.secondConnectionSharesThePool(tmp, pools, Project.uniqueName("pgpool"), "postgresql", 5432);
    }
}
