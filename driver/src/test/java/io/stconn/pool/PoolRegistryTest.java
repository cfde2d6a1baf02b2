package io.stconn.pool;

import io.stconn.SqlState;

import io.stconn.internal.Envs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stconn.internal.Env;
import io.stconn.spi.Environment;
import io.stconn.request.RequestParser;
import io.stconn.resolve.Resolver;
import io.stconn.secrets.SecretsStore;
import io.stconn.secrets.SecretsWatch;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SEMANTICS.md section 7 on H2 in memory: one pool per request, shared; ttl and max_entries retire
 * pools gracefully; closeAll leaves nothing behind; a changed configuration is never served.
 * Every pool here holds exactly one physical connection, so H2's SESSION_ID() tells pools apart;
 * HikariCP's MBeans tell their names.
 */
class PoolRegistryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path root;
    private Path secretsFile;
    private Environment env;
    private PoolRegistry registry;
    private final StringBuilder sections = new StringBuilder();
    private Set<Thread> threadsBefore;

    @BeforeEach
    void setUp() throws IOException {
        Path project = Files.createDirectories(root.resolve("project"));
        Path home = Files.createDirectories(root.resolve("home"));
        secretsFile = project.resolve(".streamlit").resolve("secrets.toml");
        Map<Env, String> values = new HashMap<>();
        values.put(Env.USER_HOME, home.toString());
        values.put(Env.STCONN_PROJECT_DIR, project.toString());
        values.put(Env.STREAMLIT_SECRETS_FILES, null);
        env = Envs.overriding(values);
        registry = new PoolRegistry(new Resolver(new SecretsStore(), env));
        threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    @AfterEach
    void closeEverything() {
        registry.closeAll();
    }

    /** A [connections.<name>] section for an H2 memory database, pooled with one connection. */
    private void section(String name, String database) throws IOException {
        sections.append("[connections.").append(name).append("]\n")
                .append("url = \"jdbc:h2:mem:").append(database).append(";DB_CLOSE_DELAY=-1\"\n")
                .append("username = \"sa\"\n")
                .append("password = \"\"\n")
                .append("create_engine_kwargs = { pool_size = 1, max_overflow = 0, pool_timeout = 2 }\n\n");
        writeSecrets(sections.toString());
    }

    private void writeSecrets(String text) throws IOException {
        Files.createDirectories(secretsFile.getParent());
        boolean existed = Files.exists(secretsFile);
        FileTime before = existed ? Files.getLastModifiedTime(secretsFile) : null;
        Files.writeString(secretsFile, text);
        if (existed) {
            // a rewrite is always seen, whatever the file system's clock resolution
            Files.setLastModifiedTime(secretsFile, FileTime.fromMillis(before.toMillis() + 10_000));
        }
    }

    private Connection connect(String url) throws SQLException {
        return connect(url, null);
    }

    private Connection connect(String url, Properties info) throws SQLException {
        return registry.connection(RequestParser.parse(url, info, env));
    }

    private static String scalar(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The H2 session of the physical connection behind a pooled one. */
    private static String session(Connection connection) throws SQLException {
        return scalar(connection, "SELECT SESSION_ID()");
    }

    /** One borrow and return: the session of the pool's single physical connection. */
    private String sessionOf(String url) throws SQLException {
        try (Connection c = connect(url)) {
            return session(c);
        }
    }

    /** Names of the HikariCP pools registered with JMX, that is, open. */
    private static Set<String> openPools() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            return server.queryNames(new ObjectName("com.zaxxer.hikari:*"), null).stream()
                    .map(n -> n.getKeyProperty("type"))
                    .filter(t -> t != null && t.startsWith("Pool (") && t.endsWith(")"))
                    .map(t -> t.substring("Pool (".length(), t.length() - 1))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> openPoolsOf(String name) {
        return openPools().stream().filter(p -> p.equals("stconn-" + name) || p.startsWith("stconn-" + name + "-"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Live stconn threads, except those already running when the test began (other registries' own). */
    private Set<String> stconnThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !threadsBefore.contains(t))
                .map(Thread::getName)
                .filter(n -> n.startsWith("stconn-"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // closed under it by closeAll, as closeAll promises
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    // ---- one request, one pool ----

    @Test
    void theSameRequestGetsTheSamePool() throws Exception {
        section("same_pool", "pool_same");

        try (Connection first = connect("jdbc:stconn:same_pool")) {
            first.createStatement().execute("CREATE TABLE shared(id INT)");
            first.createStatement().execute("INSERT INTO shared VALUES (42)");
        }
        String firstSession = sessionOf("jdbc:stconn:same_pool");
        try (Connection second = connect("jdbc:stconn:same_pool")) {
            assertThat(scalar(second, "SELECT id FROM shared")).isEqualTo("42");
            assertThat(session(second)).isEqualTo(firstSession);
            assertThat(second.getMetaData().getURL()).startsWith("jdbc:h2:mem:pool_same");
        }
        assertThat(openPoolsOf("same_pool")).containsExactly("stconn-same_pool");
    }

    @Test
    void theSamePoolServesEveryThreadAndEveryCallWithEqualKwargs() throws Exception {
        section("shared_pool", "pool_shared");
        String session = sessionOf("jdbc:stconn:shared_pool?role=r&warehouse=w");

        String[] fromThread = new String[1];
        Thread other = new Thread(() -> {
            try {
                fromThread[0] = sessionOf("jdbc:stconn:shared_pool?warehouse=w&role=r");
            } catch (SQLException e) {
                fromThread[0] = e.toString();
            }
        });
        other.start();
        other.join();

        assertThat(fromThread[0]).isEqualTo(session);
        assertThat(openPoolsOf("shared_pool")).hasSize(1);
    }

    @Test
    void anyDifferentKwargGetsAnotherPool() throws Exception {
        section("kwarg_pool", "pool_kwarg");

        String plain = sessionOf("jdbc:stconn:kwarg_pool");
        String withRole = sessionOf("jdbc:stconn:kwarg_pool?role=analyst");

        assertThat(withRole).isNotEqualTo(plain);
        assertThat(sessionOf("jdbc:stconn:kwarg_pool")).isEqualTo(plain);
        assertThat(openPoolsOf("kwarg_pool")).containsExactly("stconn-kwarg_pool", "stconn-kwarg_pool-2");
    }

    @Test
    void twoUsersNeverShareAPool() throws Exception {
        section("user_pool", "pool_users");
        try (Connection admin = connect("jdbc:stconn:user_pool")) {
            // ADMIN: the URL's DB_CLOSE_DELAY setting needs it
            admin.createStatement().execute("CREATE USER alice PASSWORD 'alice-pw' ADMIN");
            admin.createStatement().execute("CREATE USER bob PASSWORD 'bob-pw' ADMIN");
        }
        Properties alice = new Properties();
        alice.setProperty("user", "alice");
        alice.setProperty("password", "alice-pw");
        Properties bob = new Properties();
        bob.setProperty("user", "bob");
        bob.setProperty("password", "bob-pw");

        try (Connection a = connect("jdbc:stconn:user_pool", alice); Connection b = connect("jdbc:stconn:user_pool", bob);
             Connection sa = connect("jdbc:stconn:user_pool")) {
            assertThat(scalar(a, "SELECT CURRENT_USER()")).isEqualTo("ALICE");
            assertThat(scalar(b, "SELECT CURRENT_USER()")).isEqualTo("BOB");
            assertThat(scalar(sa, "SELECT CURRENT_USER()")).isEqualTo("SA");
        }
        assertThat(openPoolsOf("user_pool")).hasSize(3);
    }

    /**
     * Two copies of the driver in one JVM (two web applications, a tool's per-driver class loaders)
     * each keep a registry; their pools share the JVM's MBean server, where names must not collide.
     */
    @Test
    void poolNamesAreUniqueInTheJvm() throws Exception {
        section("twice", "pool_twice");
        PoolRegistry other = new PoolRegistry(new Resolver(new SecretsStore(), env));
        try {
            sessionOf("jdbc:stconn:twice");
            try (Connection c = other.connection(RequestParser.parse("jdbc:stconn:twice", null, env))) {
                assertThat(scalar(c, "SELECT 1")).isEqualTo("1");
                assertThat(openPoolsOf("twice")).as("both pools visible in JMX").hasSize(2);
            }
        } finally {
            other.closeAll();
        }
    }

    // ---- closeAll ----

    @Test
    void closeAllClosesEveryPoolAndLeavesNoThread() throws Exception {
        section("close_a", "pool_close_a");
        section("close_b", "pool_close_b");
        sessionOf("jdbc:stconn:close_a");
        sessionOf("jdbc:stconn:close_b?ttl=1h");
        Connection held = connect("jdbc:stconn:close_a?max_entries=1");
        assertThat(openPoolsOf("close_a")).hasSize(2);
        assertThat(stconnThreads()).isNotEmpty();

        registry.closeAll();

        assertThat(openPoolsOf("close_a")).isEmpty();
        assertThat(openPoolsOf("close_b")).isEmpty();
        assertThat(eventually(() -> stconnThreads().isEmpty())).as("threads left: %s", stconnThreads()).isTrue();
        closeQuietly(held);
    }

    @Test
    void anIdleRegistryKeepsNoThreadOfItsOwn() throws Exception {
        section("idle_threads", "pool_idle_threads");
        sessionOf("jdbc:stconn:idle_threads?ttl=300ms");
        assertThat(stconnThreads()).isNotEmpty();

        // the pool expires and closes; the janitor then has nothing to do and ends
        assertThat(eventually(() -> stconnThreads().isEmpty())).as("threads left: %s", stconnThreads()).isTrue();
    }

    // ---- ttl ----

    @Test
    void aTtlRetiresThePoolAfterItPasses() throws Exception {
        section("ttl_pool", "pool_ttl");

        String first = sessionOf("jdbc:stconn:ttl_pool?ttl=300ms");
        assertThat(sessionOf("jdbc:stconn:ttl_pool?ttl=300ms")).isEqualTo(first);
        sleep(Duration.ofMillis(600));

        try (Connection next = connect("jdbc:stconn:ttl_pool?ttl=300ms")) {
            assertThat(session(next)).isNotEqualTo(first);
            assertThat(openPoolsOf("ttl_pool")).contains("stconn-ttl_pool-2");
        }
        assertThat(eventually(() -> !openPoolsOf("ttl_pool").contains("stconn-ttl_pool")))
                .as("the retired pool is closed").isTrue();
    }

    @Test
    void aPoolPastItsTtlIsClosedEvenWhenNobodyAsks() throws Exception {
        section("idle_ttl", "pool_idle_ttl");

        sessionOf("jdbc:stconn:idle_ttl?ttl=300ms");
        assertThat(openPoolsOf("idle_ttl")).containsExactly("stconn-idle_ttl");

        assertThat(eventually(() -> openPoolsOf("idle_ttl").isEmpty())).isTrue();
    }

    @Test
    void withoutATtlAPoolStays() throws Exception {
        section("no_ttl", "pool_no_ttl");
        String first = sessionOf("jdbc:stconn:no_ttl");

        sleep(Duration.ofMillis(600));

        assertThat(sessionOf("jdbc:stconn:no_ttl")).isEqualTo(first);
    }

    // ---- max_entries ----

    @Test
    void theLeastRecentlyUsedPoolIsRetiredWhenTheCacheIsFull() throws Exception {
        section("lru_a", "pool_lru_a");
        section("lru_b", "pool_lru_b");

        String a = sessionOf("jdbc:stconn:lru_a?max_entries=1");
        sessionOf("jdbc:stconn:lru_b?max_entries=1");

        assertThat(eventually(() -> openPoolsOf("lru_a").isEmpty())).as("lru_a is retired and closed").isTrue();
        try (Connection again = connect("jdbc:stconn:lru_a?max_entries=1")) {
            assertThat(session(again)).isNotEqualTo(a);
            assertThat(openPoolsOf("lru_a")).containsExactly("stconn-lru_a-2");
        }
    }

    @Test
    void aRecentlyUsedPoolIsKept() throws Exception {
        section("lru2_a", "pool_lru2_a");
        section("lru2_b", "pool_lru2_b");
        section("lru2_c", "pool_lru2_c");

        String a = sessionOf("jdbc:stconn:lru2_a?max_entries=2");
        sessionOf("jdbc:stconn:lru2_b?max_entries=2");
        sleep(Duration.ofMillis(5));
        sessionOf("jdbc:stconn:lru2_a?max_entries=2");
        sleep(Duration.ofMillis(5));
        sessionOf("jdbc:stconn:lru2_c?max_entries=2");

        assertThat(eventually(() -> openPoolsOf("lru2_b").isEmpty())).as("lru2_b is retired").isTrue();
        assertThat(sessionOf("jdbc:stconn:lru2_a?max_entries=2")).isEqualTo(a);
        assertThat(openPoolsOf("lru2_c")).hasSize(1);
    }

    @Test
    void cachesOfDifferentMaxEntriesDoNotEvictEachOther() throws Exception {
        section("sep_a", "pool_sep_a");
        section("sep_b", "pool_sep_b");

        String a = sessionOf("jdbc:stconn:sep_a?max_entries=1");
        sessionOf("jdbc:stconn:sep_b?max_entries=2");

        assertThat(sessionOf("jdbc:stconn:sep_a?max_entries=1")).isEqualTo(a);
    }

    // ---- graceful retirement ----

    @Test
    void aConnectionHeldFromARetiredPoolKeepsWorkingUntilClosed() throws Exception {
        section("held", "pool_held");
        Connection held = connect("jdbc:stconn:held?ttl=300ms");
        String heldSession = session(held);
        held.createStatement().execute("CREATE TABLE t(id INT)");
        held.setAutoCommit(false);
        held.createStatement().execute("INSERT INTO t VALUES (1)");

        sleep(Duration.ofMillis(700));

        // the janitor retired the pool meanwhile; a new borrower gets a new pool
        try (Connection fresh = connect("jdbc:stconn:held?ttl=300ms")) {
            assertThat(session(fresh)).isNotEqualTo(heldSession);
        }
        // the held connection and its open transaction are untouched
        assertThat(held.isClosed()).isFalse();
        assertThat(held.isValid(1)).isTrue();
        held.createStatement().execute("INSERT INTO t VALUES (2)");
        held.commit();
        assertThat(scalar(held, "SELECT COUNT(*) FROM t")).isEqualTo("2");
        assertThat(session(held)).isEqualTo(heldSession);
        assertThat(openPoolsOf("held")).contains("stconn-held");

        held.close();

        assertThat(eventually(() -> !openPoolsOf("held").contains("stconn-held"))).as("closed once returned").isTrue();
    }

    @Test
    void aConnectionHeldFromAnEvictedPoolKeepsWorking() throws Exception {
        section("evict_a", "pool_evict_a");
        section("evict_b", "pool_evict_b");
        Connection held = connect("jdbc:stconn:evict_a?max_entries=1");

        sessionOf("jdbc:stconn:evict_b?max_entries=1");
        sleep(Duration.ofMillis(300));

        assertThat(scalar(held, "SELECT 1")).isEqualTo("1");
        assertThat(openPoolsOf("evict_a")).containsExactly("stconn-evict_a");
        held.close();
        assertThat(eventually(() -> openPoolsOf("evict_a").isEmpty())).isTrue();
    }

    // ---- configuration changes (section 3) ----

    @Test
    void aChangedSectionIsNeverServedFromTheOldPool() throws Exception {
        section("changing", "pool_before");
        try (Connection before = connect("jdbc:stconn:changing")) {
            assertThat(before.getMetaData().getURL()).startsWith("jdbc:h2:mem:pool_before");
        }

        writeSecrets(sections.toString().replace("pool_before", "pool_after"));
        sleep(Duration.ofNanos(SecretsWatch.CHECK_INTERVAL_NANOS).plusMillis(100));

        try (Connection after = connect("jdbc:stconn:changing")) {
            assertThat(after.getMetaData().getURL()).startsWith("jdbc:h2:mem:pool_after");
        }
        assertThat(eventually(() -> !openPoolsOf("changing").contains("stconn-changing"))).isTrue();
    }

    @Test
    void aChangeElsewhereInTheFileKeepsThePool() throws Exception {
        section("steady", "pool_steady");
        String first = sessionOf("jdbc:stconn:steady");

        section("newcomer", "pool_newcomer");
        sleep(Duration.ofNanos(SecretsWatch.CHECK_INTERVAL_NANOS).plusMillis(100));

        assertThat(sessionOf("jdbc:stconn:steady")).isEqualTo(first);
        assertThat(openPoolsOf("steady")).containsExactly("stconn-steady");
    }

    @Test
    void concurrentFirstUsesBuildOnePool() throws Exception {
        section("racing", "pool_racing");
        int callers = 12;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            java.util.List<java.util.concurrent.Future<String>> sessions = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                sessions.add(executor.submit(() -> {
                    start.await();
                    return sessionOf("jdbc:stconn:racing");
                }));
            }
            start.countDown();
            Set<String> distinct = new TreeSet<>();
            for (java.util.concurrent.Future<String> session : sessions) {
                distinct.add(session.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }

            assertThat(distinct).hasSize(1);
            assertThat(openPoolsOf("racing")).containsExactly("stconn-racing");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aConnectionNameThatJmxCannotTakeIsMadeSafe() throws Exception {
        sections.append("[connections.\"odd:name,with=stars*?\"]\n")
                .append("url = \"jdbc:h2:mem:pool_odd\"\n")
                .append("create_engine_kwargs = { pool_size = 1, max_overflow = 0 }\n");
        writeSecrets(sections.toString());

        try (Connection c = connect("jdbc:stconn:odd%3Aname%2Cwith%3Dstars*%3F")) {
            assertThat(scalar(c, "SELECT 1")).isEqualTo("1");
            assertThat(openPools()).contains("stconn-odd_name_with_stars__");
        }
    }

    // ---- errors ----

    @Test
    void anUnknownHikariSettingIsAnInvalidPoolSetting() throws Exception {
        section("bad_setting", "pool_bad_setting");

        SQLException e = catchThrowableOfType(SQLException.class,
                () -> connect("jdbc:stconn:bad_setting?hikari.noSuchSetting=1"));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_POOL_SETTING);
        assertThat(e.getMessage()).startsWith("Invalid pool setting noSuchSetting = '1' (URL parameter) for connection "
                + "'bad_setting'").contains("does not exist");
    }

    @Test
    void aRefusedLoginIsAnAuthorizationErrorWithoutThePassword() throws Exception {
        section("refused", "pool_refused");
        try (Connection admin = connect("jdbc:stconn:refused")) {
            admin.createStatement().execute("CREATE USER carol PASSWORD 'right' ADMIN");
        }
        Properties wrong = new Properties();
        wrong.setProperty("user", "carol");
        wrong.setProperty("password", "Wr0ng-S3cr3t");

        SQLException e = catchThrowableOfType(SQLException.class, () -> connect("jdbc:stconn:refused", wrong));

        assertThat(e.getSQLState()).startsWith("28");
        assertThat(e.getMessage()).startsWith("Cannot connect to 'refused'").doesNotContain("Wr0ng-S3cr3t");
    }

    @Test
    void aMissingSectionIsNotFoundAndBuildsNothing() throws Exception {
        section("present", "pool_present");

        SQLException e = catchThrowableOfType(SQLException.class, () -> connect("jdbc:stconn:absent"));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.UNKNOWN_CONNECTION);
        assertThat(openPoolsOf("absent")).isEmpty();
    }

    @Test
    void describeBuildsNoPool() throws Exception {
        section("described", "pool_described");

        assertThat(new Resolver(new SecretsStore(), env).resolve(RequestParser.parse("jdbc:stconn:described", null, env))
                .target().jdbcUrl())
                .isEqualTo("jdbc:h2:mem:pool_described;DB_CLOSE_DELAY=-1");
        assertThat(openPoolsOf("described")).isEmpty();
    }
}
