package io.stconn.it;

import io.stconn.SqlState;

import static io.stconn.it.Servers.APP_PASSWORD;
import static io.stconn.it.Servers.APP_USER;
import static io.stconn.it.Servers.DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.it.Servers.Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * create_engine_kwargs and the hikari table, observed where they end up: HikariCP's JMX beans of
 * the live pool ({@code type=PoolConfig (stconn-<name>)}, {@code type=Pool (stconn-<name>)}), the
 * connections it hands out, and the PostgreSQL session on the other side.
 */
class PoolSettingsIT {
    @TempDir
    Path tmp;

    @RegisterExtension
    final OpenedPools pools = new OpenedPools();

    // before each test, not all: a skip in @BeforeAll would hide the tests from the report
    @BeforeEach
    void server() {
        Servers.require(Server.POSTGRESQL);
    }

    private Project postgres(String name, String more) {
        return Project.in(tmp, name).secrets(
                "[connections." + name + "]\n"
                        + "url = \"postgresql+psycopg2://" + APP_USER + ":" + Project.encode(APP_PASSWORD)
                        + "@127.0.0.1:5432/" + DATABASE + "\"\n" + more);
    }

    @Test
    void createEngineKwargsBecomeTheLivePoolsSettings() throws Exception {
        String name = Project.uniqueName("engine");
        Project project = postgres(name, "create_engine_kwargs = { pool_size = 3, max_overflow = 2, pool_timeout = 7,"
                + " pool_recycle = 1800, pool_pre_ping = true, isolation_level = \"SERIALIZABLE\" }\n");
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(OpenedPools.poolConfig(name, "MaximumPoolSize")).as("pool_size + max_overflow").isEqualTo(5);
            assertThat(OpenedPools.poolConfig(name, "MinimumIdle")).as("opened on demand").isEqualTo(0);
            assertThat(OpenedPools.poolConfig(name, "ConnectionTimeout")).as("pool_timeout in ms").isEqualTo(7_000L);
            assertThat(OpenedPools.poolConfig(name, "MaxLifetime")).as("pool_recycle in ms").isEqualTo(1_800_000L);
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
            assertThat(Dbs.one(c, "SHOW transaction_isolation")).isEqualTo("serializable");
            // as SQLAlchemy's pool, none is opened ahead: the one in use is all there is
            ObjectName pool = Pools.only(name);
            assertThat(Pools.awaitSettled(pool)).as("total: the one in use").isEqualTo(1);
            assertThat(Pools.idle(pool)).isZero();
        }
    }

    @Test
    void hikariTableWinsOverCreateEngineKwargs() throws Exception {
        String name = Project.uniqueName("hikaritable");
        Project project = postgres(name, "create_engine_kwargs = { pool_size = 3, isolation_level = \"SERIALIZABLE\" }\n"
                + "[connections." + name + ".hikari]\n"
                + "maximumPoolSize = 4\n"
                + "minimumIdle = 1\n"
                + "idleTimeout = 120000\n"
                + "validationTimeout = 2000\n"
                + "leakDetectionThreshold = 60000\n"
                + "transactionIsolation = \"TRANSACTION_REPEATABLE_READ\"\n");
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(OpenedPools.poolConfig(name, "MaximumPoolSize")).isEqualTo(4);
            assertThat(OpenedPools.poolConfig(name, "MinimumIdle")).isEqualTo(1);
            assertThat(OpenedPools.poolConfig(name, "IdleTimeout")).isEqualTo(120_000L);
            assertThat(OpenedPools.poolConfig(name, "ValidationTimeout")).isEqualTo(2_000L);
            assertThat(OpenedPools.poolConfig(name, "LeakDetectionThreshold")).isEqualTo(60_000L);
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
            assertThat(Dbs.one(c, "SHOW transaction_isolation")).isEqualTo("repeatable read");
        }
    }

    @Test
    void hikariPrefixedUrlParametersJoinTheHikariTable() throws Exception {
        String name = Project.uniqueName("hikarikw");
        Project project = postgres(name, "");
        String url = project.url(name, "hikari.maximumPoolSize=2", "hikari.connectionTimeout=3000");
        try (Connection c = pools.connect(url)) {
            assertThat(OpenedPools.poolConfig(name, "MaximumPoolSize")).isEqualTo(2);
            assertThat(OpenedPools.poolConfig(name, "ConnectionTimeout")).isEqualTo(3_000L);
            assertThat(Servers.pets(c)).hasSize(3);
        }
    }

    @Test
    void isolationLevelWithASpaceAndTheAutocommitKwarg() throws Exception {
        String name = Project.uniqueName("isolation");
        Project project = postgres(name, "create_engine_kwargs = { isolation_level = \"READ COMMITTED\" }\n");
        try (Connection c = pools.connect(project.url(name, "autocommit=false"))) {
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            assertThat(c.getAutoCommit()).isFalse();
            c.rollback();
        }
    }

    @Test
    void isolationLevelAutocommitMeansAutoCommit() throws Exception {
        String name = Project.uniqueName("autocommit");
        Project project = postgres(name, "create_engine_kwargs = { isolation_level = \"AUTOCOMMIT\" }\n");
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    @Test
    void sqlAlchemyOnlyKeysGiveOneWarningNamingThem() throws Exception {
        String name = Project.uniqueName("sqlaonly");
        Project project = postgres(name, "create_engine_kwargs = { pool_size = 2, echo = true, pool_use_lifo = true,"
                + " future = true }\n");
        List<LogRecord> records;
        try (StconnLog log = new StconnLog()) {
            try (Connection first = pools.connect(project.url(name)); Connection second = pools.connect(project.url(name))) {
                assertThat(Servers.pets(first)).isEqualTo(Servers.pets(second));
            }
            records = log.records();
        }
        List<String> warnings = records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogRecord::getMessage)
                .filter(m -> m.contains(name))
                .toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("echo", "future", "pool_use_lifo").doesNotContain("pool_size");
        assertThat(OpenedPools.poolConfig(name, "MaximumPoolSize")).as("pool_size + the default max_overflow 10")
                .isEqualTo(12);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "maximumPoolSize | 0      | maxPoolSize cannot be less than 1",
        "connectionTimeout | 100  | connectionTimeout cannot be less than 250ms",
        "maxPoolSize     | 3      | the setting does not exist in HikariCP",
        "idleTimeout     | \"soon\" | soon",
    })
    void invalidHikariSettingGivesHikarisOwnMessage(String key, String value, String hikariMessage) {
        String name = Project.uniqueName("badhikari");
        Project project = postgres(name, "hikari = { " + key + " = " + value + " }\n");
        SQLException e = Errors.connectError(project.url(name));
        Errors.assertError(e, SqlState.INVALID_POOL_SETTING, "Invalid pool setting", name);
        assertThat(e.getMessage().replace("io.stconn.shaded.hikari", "com.zaxxer.hikari")).contains(hikariMessage);
    }

    @Test
    void createEngineKwargNotANumberIsNamedWithItsLine() {
        String name = Project.uniqueName("badengine");
        Project project = postgres(name, "create_engine_kwargs = { pool_timeout = \"soon\" }\n");
        SQLException e = Errors.connectError(project.url(name));
        Errors.assertError(e, SqlState.INVALID_VALUE, "pool_timeout", "soon", "secrets.toml", "not a number of seconds");
    }

    /** The records of the logger io.stconn (and below) while open; that logger is what getParentLogger returns. */
    private static final class StconnLog extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger("io.stconn");
        private final List<LogRecord> records = new ArrayList<>();

        StconnLog() {
            setLevel(Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            records.add(record);
        }

        synchronized List<LogRecord> records() {
            return List.copyOf(records);
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
