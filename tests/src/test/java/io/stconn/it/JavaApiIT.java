package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stconn.QueryResult;
import io.stconn.Stconn;
import io.stconn.StconnConnection;
import io.stconn.it.Servers.Server;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java API, {@code st.connection} for Java: {@code Stconn.builder(name)...connect()} and
 * {@code query(sql, ttl, params)}. A query's result is cached for its ttl, keyed by the connection
 * (name and kwargs), the SQL and the parameters. The proof that a cached call did not reach the
 * database is a sequence: each real execution advances it, a cached one does not. Connection
 * failures (class 08) are retried three times, one second apart; nothing else is.
 */
class JavaApiIT {
    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path tmp;

    private final List<StconnConnection> opened = new ArrayList<>();
    private String postgresSchema;

    /** A database with a sequence; {@code next} advances it and returns the new value as column tick. */
    enum Db {
        H2, POSTGRESQL
    }

    private record Ticker(String name, Path projectDir, String next, String nextTagged) {
    }

    @AfterEach
    void resetAndDrop() throws SQLException {
        for (StconnConnection c : opened) {
            c.reset();
        }
        if (postgresSchema != null) {
            try (Connection c = Servers.direct(Server.POSTGRESQL); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + postgresSchema + " CASCADE");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Db.class)
    void queryIsServedFromTheCacheForItsTtl(Db db) throws Exception {
        Ticker t = ticker(db);
        StconnConnection conn = open(Stconn.builder(t.name()).projectDir(t.projectDir()));
        Duration ttl = Duration.ofSeconds(2);

        long first = tick(conn.query(t.next(), ttl));
        long started = System.nanoTime();
        assertThat(tick(conn.query(t.next(), ttl))).as("the second call, from the cache").isEqualTo(first);
        assertThat(tick(conn.query(t.next(), ttl))).as("and the third").isEqualTo(first);
        assertThat(System.nanoTime() - started).as("still within the ttl").isLessThan(ttl.toNanos());

        Await.sleep(ttl.toMillis() + 300);
        assertThat(tick(conn.query(t.next(), ttl))).as("after the ttl the database is asked, once").isEqualTo(first + 1);

        assertThat(tick(conn.query(t.next(), Duration.ZERO))).as("ttl 0: no cache").isEqualTo(first + 2);
        assertThat(tick(conn.query(t.next(), Duration.ZERO))).isEqualTo(first + 3);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Db.class)
    void differentParamsDoNotShareACacheEntry(Db db) throws Exception {
        Ticker t = ticker(db);
        StconnConnection conn = open(Stconn.builder(t.name()).projectDir(t.projectDir()));

        QueryResult a = conn.query(t.nextTagged(), ONE_MINUTE, "a");
        QueryResult b = conn.query(t.nextTagged(), ONE_MINUTE, "b");
        QueryResult aAgain = conn.query(t.nextTagged(), ONE_MINUTE, "a");

        assertThat(b.rows().get(0).get("tag")).isEqualTo("b");
        assertThat(tick(b)).as("other params: the database").isEqualTo(tick(a) + 1);
        assertThat(tick(aAgain)).as("the same params: the cache").isEqualTo(tick(a));
        assertThat(aAgain.rows().get(0).get("tag")).isEqualTo("a");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Db.class)
    void differentKwargsDoNotShareACacheEntry(Db db) throws Exception {
        Ticker t = ticker(db);
        StconnConnection plain = open(Stconn.builder(t.name()).projectDir(t.projectDir()));
        StconnConnection sameKwargs = open(Stconn.builder(t.name()).projectDir(t.projectDir()));
        StconnConnection withTtl = open(Stconn.builder(t.name()).projectDir(t.projectDir()).ttl(Duration.ofHours(1)));
        StconnConnection withHikari = open(Stconn.builder(t.name()).projectDir(t.projectDir())
                .kwarg("hikari.maximumPoolSize", 3));

        long first = tick(plain.query(t.next(), ONE_MINUTE));
        assertThat(tick(sameKwargs.query(t.next(), ONE_MINUTE))).as("same name and kwargs: one cache").isEqualTo(first);
        assertThat(tick(withTtl.query(t.next(), ONE_MINUTE))).as("kwarg ttl=1h: its own entry").isEqualTo(first + 1);
        assertThat(tick(withHikari.query(t.next(), ONE_MINUTE))).as("kwarg hikari.maximumPoolSize: its own entry")
                .isEqualTo(first + 2);
        assertThat(tick(plain.query(t.next(), ONE_MINUTE))).as("the first entry is still served").isEqualTo(first);
    }

    @Test
    void resetForgetsCachedResults() throws Exception {
        Ticker t = ticker(Db.H2);
        StconnConnection conn = open(Stconn.builder(t.name()).projectDir(t.projectDir()));
        long first = tick(conn.query(t.next()));
        assertThat(tick(conn.query(t.next()))).as("no ttl: cached until reset").isEqualTo(first);

        conn.reset();

        assertThat(tick(conn.query(t.next()))).isEqualTo(first + 1);
    }

    @ParameterizedTest(name = "cached query: {0}")
    @ValueSource(booleans = {true, false})
    void connectionFailureIsRetriedThreeTimesOneSecondApart(boolean cached) throws Exception {
        String name = Project.uniqueName("javaapi_down");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Project project = Project.in(tmp, name).secrets(
                "[connections." + name + "]\n"
                        + "type = \"sql\"\n"
                        + "dialect = \"postgresql\"\n"
                        + "host = \"127.0.0.1\"\n"
                        + "port = " + closedPort + "\n"
                        + "database = \"shop\"\n"
                        + "username = \"app\"\n"
                        + "password = " + Project.toml(Project.PASSWORD) + "\n");
        StconnConnection conn = open(Stconn.builder(name).projectDir(project.dir()));

        SQLException error;
        long millis;
        List<LogRecord> retries;
        try (RetryLog log = new RetryLog()) {
            long start = System.nanoTime();
            error = catchThrowableOfType(SQLException.class,
                    () -> conn.query("SELECT 1", cached ? ONE_MINUTE : Duration.ZERO));
            millis = (System.nanoTime() - start) / 1_000_000;
            retries = log.records();
        }

        assertThat((Object) error).as("the query fails in the end").isNotNull();
        assertThat(error.getSQLState()).as("connection refused: %s", error.getMessage()).startsWith("08");
        Leaks.assertNoPassword(error);
        assertThat(millis).as("three attempts with a pause of one second between them").isBetween(2_000L, 15_000L);
        assertThat(retries).extracting(LogRecord::getLevel).containsOnly(Level.WARNING);
        assertThat(retries).extracting(JavaApiIT::message)
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).contains(name, "attempt 2 of 3"))
                .anySatisfy(m -> assertThat(m).contains(name, "attempt 3 of 3"));

        long start = System.nanoTime();
        conn.reset();
        assertThat((System.nanoTime() - start) / 1_000_000).as("reset() does not connect").isLessThan(1_000);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Db.class)
    void syntaxErrorIsNotRetried(Db db) throws Exception {
        Ticker t = ticker(db);
        StconnConnection conn = open(Stconn.builder(t.name()).projectDir(t.projectDir()));
        conn.query("SELECT 1", Duration.ZERO); // the pool is up: what follows times the error alone

        SQLException error;
        long millis;
        List<LogRecord> retries;
        try (RetryLog log = new RetryLog()) {
            long start = System.nanoTime();
            error = catchThrowableOfType(SQLException.class, () -> conn.query("SELEC 1", ONE_MINUTE));
            millis = (System.nanoTime() - start) / 1_000_000;
            retries = log.records();
        }

        assertThat((Object) error).isNotNull();
        assertThat(error.getSQLState()).as("syntax error: %s", error.getMessage()).startsWith("42");
        assertThat(millis).as("failed at once").isLessThan(1_000);
        assertThat(retries).isEmpty();
    }

    private StconnConnection open(Stconn.Builder builder) throws SQLException {
        StconnConnection conn = builder.connect();
        opened.add(conn);
        return conn;
    }

    private Ticker ticker(Db db) throws SQLException {
        String name = Project.uniqueName("javaapi_" + db.name().toLowerCase(java.util.Locale.ROOT));
        if (db == Db.H2) {
            Path file = Dbs.h2File(tmp.resolve("dbs").resolve(name), name);
            try (Connection c = DriverManager.getConnection("jdbc:h2:" + file); Statement s = c.createStatement()) {
                s.execute("CREATE SEQUENCE ticks START WITH 1");
            }
            Project project = Project.in(tmp, name).secrets(
                    "[connections." + name + "]\n"
                            + "type = \"sql\"\n"
                            + "dialect = \"h2\"\n"
                            + "database = " + Project.toml(file) + "\n");
            return new Ticker(name, project.dir(), "SELECT NEXT VALUE FOR ticks AS tick",
                    "SELECT NEXT VALUE FOR ticks AS tick, CAST(? AS VARCHAR(10)) AS tag");
        }
        Servers.require(Server.POSTGRESQL);
        postgresSchema = name;
        try (Connection c = Servers.direct(Server.POSTGRESQL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + postgresSchema);
            s.execute("CREATE SEQUENCE " + postgresSchema + ".ticks");
        }
        Project project = Project.in(tmp, name).secrets(
                "[connections." + name + "]\n"
                        + "type = \"sql\"\n"
                        + "dialect = \"postgresql\"\n"
                        + "host = " + Project.toml(Servers.HOST) + "\n"
                        + "port = " + Server.POSTGRESQL.port + "\n"
                        + "database = " + Project.toml(Servers.DATABASE) + "\n"
                        + "username = " + Project.toml(Servers.APP_USER) + "\n"
                        + "password = " + Project.toml(Servers.APP_PASSWORD) + "\n");
        String sequence = "'" + postgresSchema + ".ticks'";
        return new Ticker(name, project.dir(), "SELECT nextval(" + sequence + ") AS tick",
                "SELECT nextval(" + sequence + ") AS tick, CAST(? AS varchar(10)) AS tag");
    }

    private static long tick(QueryResult result) {
        assertThat(result.size()).isEqualTo(1);
        return ((Number) result.rows().get(0).get("tick")).longValue();
    }

    private static String message(LogRecord r) {
        return r.getMessage();
    }

    /** The records of logger io.stconn.StconnConnection, where the Java API announces each retry. */
    private static final class RetryLog extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger(StconnConnection.class.getName());
        private final List<LogRecord> records = new CopyOnWriteArrayList<>();

        RetryLog() {
            setLevel(Level.ALL);
            logger.addHandler(this);
        }

        List<LogRecord> records() {
            return List.copyOf(records);
        }

        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
