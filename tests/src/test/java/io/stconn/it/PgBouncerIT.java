package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.it.BouncerLoad.Result;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PgBouncer in transaction mode (127.0.0.1:6432, started by .ci/run with .ci/pgbouncer) in front
 * of the test PostgreSQL: eight pools of ten, as eight app instances would hold, with pgjdbc told
 * {@code prepareThreshold=0} each way a user can tell it, and nothing may fail.
 */
class PgBouncerIT {
    private static final String BOUNCER = "postgresql://postgres@127.0.0.1:6432/" + BouncerLoad.DATABASE;
    private static final String POOL_OF_TEN = "create_engine_kwargs = { pool_size = 10, max_overflow = 0 }\n";
    private static final int POOLS = 8;
    private static final int THREADS = 10;
    private static final int OPS = 150;

    @TempDir
    Path tmp;

    @RegisterExtension
    final OpenedPools pools = new OpenedPools();

    @BeforeEach
    void bouncer() throws SQLException {
        String problem = null;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:6432/" + BouncerLoad.DATABASE
                + "?prepareThreshold=0", BouncerLoad.SUPERUSER, "")) {
            Dbs.one(c, "SELECT 1");
        } catch (SQLException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            String message = "PgBouncer not ready at 127.0.0.1:6432 in front of database " + BouncerLoad.DATABASE
                    + " (" + problem + "). Run `bash .ci/run`, or `bash .ci/setup-databases.sh` and then"
                    + " `bash .ci/start-pgbouncer.sh`.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true: " + message);
            }
            Assumptions.abort(message);
        }
        try (Connection c = BouncerLoad.direct(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS stconn_bouncer_ops (tag text, pool int, n int)");
            s.execute("TRUNCATE stconn_bouncer_ops");
        }
    }

    /** Eight connections of one secrets file, each one pool of ten, all alike but for their names. */
    private List<String> eightPools(String section, String... urlParams) {
        StringBuilder toml = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < POOLS; i++) {
            String name = Project.uniqueName("bouncer" + i);
            names.add(name);
            toml.append(section.replace("NAME", name));
        }
        Project project = Project.in(tmp).secrets(toml.toString());
        List<String> urls = new ArrayList<>();
        for (String name : names) {
            String url = project.url(name, urlParams);
            pools.track(url);
            urls.add(url);
        }
        return urls;
    }

    private static void assertNoFailures(Result result, String tag) throws SQLException {
        System.out.println("PgBouncer " + tag + ": " + result.operations() + " operations, " + result.failures()
                + " failures, peak server backends " + result.peakBackends() + " for " + POOLS + " pools of " + THREADS);
        assertThat(result.failures()).as("failures, first: %s", result.firstFailures()).isZero();
        assertThat(result.operations()).isEqualTo(POOLS * THREADS * OPS);
        assertThat(BouncerLoad.rows(tag)).isEqualTo(POOLS * THREADS * OPS);
        // PgBouncer's default_pool_size (.ci/pgbouncer/pgbouncer.ini): 80 clients share 20 server connections
        assertThat(result.peakBackends()).isBetween(1, 20);
    }

    /** One connection of a pool of ten on PgBouncer: its url, then any further lines. */
    private static String section(String url, String... lines) {
        return "[connections.NAME]\nurl = \"" + url + "\"\n" + String.join("\n", lines) + "\n" + POOL_OF_TEN;
    }

    /** The same connection in parts (as Streamlit, stconn reads the query table only when there is no url). */
    private static String partsSection(String... lines) {
        return "[connections.NAME]\ndialect = \"postgresql\"\nhost = \"127.0.0.1\"\nport = 6432\n"
                + "database = \"" + BouncerLoad.DATABASE + "\"\nusername = \"postgres\"\n" + String.join("\n", lines)
                + "\n" + POOL_OF_TEN;
    }

    @Test
    void prepareThresholdZeroInTheSecretsUrl() throws Exception {
        List<String> urls = eightPools(section(BOUNCER + "?prepareThreshold=0"));
        assertNoFailures(BouncerLoad.run(urls, THREADS, OPS, "url"), "url");
    }

    @Test
    void prepareThresholdZeroInTheQueryTable() throws Exception {
        List<String> urls = eightPools(partsSection("query = { prepareThreshold = \"0\" }"));
        assertNoFailures(BouncerLoad.run(urls, THREADS, OPS, "query"), "query");
    }

    /** As a connection property of the jdbc:stconn: URL (a kwarg), the way a tool's driver settings pass it. */
    @Test
    void prepareThresholdZeroAsAConnectionProperty() throws Exception {
        List<String> urls = eightPools(section(BOUNCER), "prepareThreshold=0");
        assertNoFailures(BouncerLoad.run(urls, THREADS, OPS, "kwarg"), "kwarg");
    }

    /** The control: pgjdbc's default server-side prepared statements do not survive transaction pooling. */
    @Test
    void withoutPrepareThresholdZeroOperationsFail() throws Exception {
        List<String> urls = eightPools(section(BOUNCER));
        Result result = BouncerLoad.run(urls.subList(0, 1), THREADS, 30, "control");
        System.out.println("PgBouncer without prepareThreshold=0: " + result.operations() + " operations, "
                + result.failures() + " failures, first: " + result.firstFailures());
        assertThat(result.failures()).isPositive();
    }

    /**
     * A connection given back inside an aborted transaction is rolled back by the pool before
     * anyone borrows it again: the next borrower of the only connection works normally, and the
     * server holds no aborted transaction.
     */
    @Test
    void aConnectionGivenBackInAnAbortedTransactionIsNeverHandedOutInThatState() throws Exception {
        String name = Project.uniqueName("bouncerabort");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\nurl = \"" + BOUNCER
                + "?prepareThreshold=0&ApplicationName=" + name + "\"\n"
                + "create_engine_kwargs = { pool_size = 1, max_overflow = 0 }\n");
        String url = project.url(name);
        try (Connection c = pools.connect(url); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT 1 / 0"));
            assertThat(e.getSQLState()).isEqualTo("22012");
            // given back without a rollback, as code that forgets one does
        }
        try (Connection again = pools.connect(url)) {
            assertThat(again.getAutoCommit()).isTrue();
            assertThat(Dbs.one(again, "SELECT 41 + 1")).isEqualTo("42");
        }
        try (Connection c = BouncerLoad.direct()) {
            assertThat(Dbs.one(c, "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + BouncerLoad.DATABASE
                    + "' AND state = 'idle in transaction (aborted)'")).isEqualTo("0");
        }
    }
}
