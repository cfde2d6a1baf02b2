package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2 configured only in a temporary project's secrets, reached through plain DriverManager. */
class H2IT {
    private static final String MODE = "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MODE'";

    @TempDir
    Path tmp;

    @Test
    void jdbcUrlInSecretsIsUsedAsIs() throws Exception {
        String name = Project.uniqueName("h2jdbc");
        Path db = Dbs.h2File(tmp.resolve("dbs/jdbcurl"), "from-jdbc-url");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + db) + "\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("from-jdbc-url");
        }
    }

    @Test
    void partsWithAbsoluteDatabasePath() throws Exception {
        String name = Project.uniqueName("h2parts");
        Path db = Dbs.h2File(tmp.resolve("dbs/parts"), "from-parts");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"h2\"\n"
                        + "database = " + Project.toml(db) + "\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("from-parts");
        }
    }

    @Test
    void partsWithRelativeDatabasePathResolveAgainstTheProject() throws Exception {
        String name = Project.uniqueName("h2rel");
        Project project = Project.in(tmp);
        Dbs.h2File(project.resolve("data/relative"), "relative-to-project");
        project.secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"h2\"\n"
                        + "database = \"data/relative\"\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("relative-to-project");
        }
    }

    @Test
    void inMemoryDatabaseLivesAsLongAsItsPool() throws Exception {
        String name = Project.uniqueName("h2mem");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"h2\"\n"
                        + "database = " + Project.toml("mem:" + name) + "\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            Dbs.mark(c, "in-memory");
        }
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("in-memory");
        }
    }

    @Test
    void metadataAndUnwrapReachTheRealH2Connection() throws Exception {
        String name = Project.uniqueName("h2meta");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:mem:" + name) + "\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
            assertThat(c.getMetaData().getURL()).startsWith("jdbc:h2:mem:" + name);
            assertThat(c.isWrapperFor(JdbcConnection.class)).isTrue();
            assertThat(c.unwrap(JdbcConnection.class)).isInstanceOf(JdbcConnection.class);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t(id INT PRIMARY KEY)");
                s.execute("INSERT INTO t VALUES (1), (2)");
            }
            assertThat(Dbs.one(c, "SELECT COUNT(*) FROM t")).isEqualTo("2");
        }
    }

    @Test
    void secondConnectionForTheSameNameUsesTheSamePoolAndCloseReturnsIt() throws Exception {
        String name = Project.uniqueName("h2pool");
        Path db = Dbs.h2File(tmp.resolve("dbs/pool"), "pooled");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"h2\"\n"
                        + "database = " + Project.toml(db) + "\n");
        SamePool.assertSecondConnectionSharesThePoolAndCloseReturnsIt(project.url(name), name);
    }

    @Test
    void quotedSectionNameIsWrittenPercentEncodedInTheUrl() throws Exception {
        String name = "my db/" + Project.uniqueName("quoted");
        Path db = Dbs.h2File(tmp.resolve("dbs/quoted"), "quoted-name");
        Project project = Project.in(tmp).secrets(
                "[connections." + Project.toml(name) + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + db) + "\n");
        try (Connection c = DriverManager.getConnection(project.url(Project.encode(name)))) {
            assertThat(Dbs.marker(c)).isEqualTo("quoted-name");
        }
    }

    @Test
    void concurrentFirstConnectionsShareOnePool() throws Exception {
        String name = Project.uniqueName("h2race");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:mem:" + name) + "\n");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try (Connection c = DriverManager.getConnection(project.url(name))) {
                        return Dbs.one(c, "SELECT 1");
                    }
                }));
            }
            start.countDown();
            for (Future<String> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo("1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Pools.of(name)).as("one pool, however many first callers").hasSize(1);
    }

    // ---- SEMANTICS 5: query, create_engine_kwargs and hikari settings reach the driver and the pool

    @Test
    void queryTableBecomesDriverProperties() throws Exception {
        String name = Project.uniqueName("h2query");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"h2\"\n"
                        + "database = " + Project.toml("mem:" + name) + "\n"
                        + "[connections." + name + ".query]\n"
                        + "MODE = \"MySQL\"\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.one(c, MODE)).isEqualTo("MySQL");
        }
    }

    @Test
    void connectArgsBecomeDriverProperties() throws Exception {
        String name = Project.uniqueName("h2connectargs");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:mem:" + name) + "\n"
                        + "create_engine_kwargs = { connect_args = { MODE = \"PostgreSQL\" } }\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.one(c, MODE)).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void isolationLevelInSqlAlchemySpellingReachesTheConnections() throws Exception {
        String name = Project.uniqueName("h2isolation");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:mem:" + name) + "\n"
                        + "create_engine_kwargs = { isolation_level = \"REPEATABLE READ\" }\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
        }
    }

    @Test
    void createEngineKwargsMapOntoThePool() throws Exception {
        String name = Project.uniqueName("h2engine");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:mem:" + name) + "\n"
                        + "[connections." + name + ".create_engine_kwargs]\n"
                        + "pool_size = 2\n"
                        + "max_overflow = 1\n"
                        + "pool_timeout = 7\n"
                        + "pool_recycle = 600\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.one(c, "SELECT 1")).isEqualTo("1");
            ObjectName config = Pools.configOf(name);
            assertThat(Pools.number(config, "MaximumPoolSize")).as("pool_size + max_overflow").isEqualTo(3);
            assertThat(Pools.number(config, "ConnectionTimeout")).as("pool_timeout in ms").isEqualTo(7_000);
            assertThat(Pools.number(config, "MaxLifetime")).as("pool_recycle in ms").isEqualTo(600_000);
            assertThat(Pools.awaitSettled(Pools.only(name))).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void hikariSettingsComeFromTheSecretsTableAndFromHikariKwargs() throws Exception {
        String fromSecrets = Project.uniqueName("h2hikari");
        String fromKwarg = Project.uniqueName("h2hikarikw");
        Project project = Project.in(tmp).secrets(
                "[connections." + fromSecrets + "]\n"
                        + "url = " + Project.toml("jdbc:h2:mem:" + fromSecrets) + "\n"
                        + "[connections." + fromSecrets + ".hikari]\n"
                        + "maximumPoolSize = 4\n"
                        + "[connections." + fromKwarg + "]\n"
                        + "url = " + Project.toml("jdbc:h2:mem:" + fromKwarg) + "\n"
                        + "[connections." + fromKwarg + ".hikari]\n"
                        + "maximumPoolSize = 4\n");
        try (Connection c = DriverManager.getConnection(project.url(fromSecrets))) {
            assertThat(Pools.number(Pools.configOf(fromSecrets), "MaximumPoolSize")).isEqualTo(4);
        }
        try (Connection c = DriverManager.getConnection(project.url(fromKwarg, "hikari.maximumPoolSize=6"))) {
            assertThat(Pools.number(Pools.configOf(fromKwarg), "MaximumPoolSize")).as("the kwarg wins").isEqualTo(6);
        }
    }
}
