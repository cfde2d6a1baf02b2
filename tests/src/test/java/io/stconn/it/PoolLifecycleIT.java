package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SEMANTICS section 7: ttl retires a pool after its lifetime; max_entries keeps at most that many
 * pools per (ttl, max_entries) cache and retires the least recently used; retiring is graceful (a
 * connection already handed out keeps working until closed) and ends with every physical
 * connection closed. Physical connections are counted as sessions of a named in-memory H2
 * database, from a plain H2 connection of the test's own.
 */
class PoolLifecycleIT {
    @TempDir
    Path tmp;

    @Test
    void ttlRetiresThePoolAfterItsLifetimeAndTheOldPoolClosesItsConnections() throws Exception {
        String name = Project.uniqueName("ttl");
        Project project = Project.in(tmp).secrets(memSection(name));
        String url = project.url(name, "ttl=1");
        try (Connection monitor = monitor(name)) {
            try (Connection c = DriverManager.getConnection(url)) {
                Dbs.mark(c, "ttl");
            }
            assertThat(Dbs.h2OtherSessions(monitor)).as("the first pool's connections").isPositive();

            Await.sleep(1_500);
            OffsetDateTime expired = Dbs.h2Now(monitor);
            try (Connection c = DriverManager.getConnection(url)) {
                assertThat(Dbs.marker(c)).isEqualTo("ttl");
                assertThat(Dbs.h2OtherSessions(monitor) - Dbs.h2OtherSessionsStartedBefore(monitor, expired))
                        .as("the connection came from a new pool: sessions opened after the ttl")
                        .isPositive();
            }
            Await.until(Duration.ofSeconds(10), () -> Dbs.h2OtherSessionsStartedBefore(monitor, expired) == 0,
                    () -> "the expired pool still has " + Dbs.h2OtherSessionsStartedBefore(monitor, expired)
                            + " physical connections open");
        }
        Await.until(Duration.ofSeconds(10), () -> Pools.of(name).size() <= 1,
                () -> "expired pools still registered: " + Pools.of(name));
    }

    @Test
    void connectionHeldFromATtlRetiredPoolKeepsWorkingUntilClosed() throws Exception {
        String name = Project.uniqueName("ttlheld");
        Project project = Project.in(tmp).secrets(memSection(name));
        String url = project.url(name, "ttl=1");
        try (Connection monitor = monitor(name)) {
            Connection held = DriverManager.getConnection(url);
            Dbs.mark(held, "held");

            Await.sleep(1_500);
            OffsetDateTime expired = Dbs.h2Now(monitor);
            try (Connection c = DriverManager.getConnection(url)) {
                assertThat(Dbs.marker(c)).isEqualTo("held");
            }
            assertThat(Dbs.marker(held)).as("the held connection still works").isEqualTo("held");
            Dbs.one(held, "SELECT COUNT(*) FROM marker");
            assertThat(Dbs.h2OtherSessionsStartedBefore(monitor, expired))
                    .as("the held connection is not cut").isPositive();

            held.close();
            Await.until(Duration.ofSeconds(10), () -> Dbs.h2OtherSessionsStartedBefore(monitor, expired) == 0,
                    () -> "the retired pool still has " + Dbs.h2OtherSessionsStartedBefore(monitor, expired)
                            + " physical connections open");
        }
    }

    @Test
    void maxEntriesRetiresTheLeastRecentlyUsedPool() throws Exception {
        String a = Project.uniqueName("lrua");
        String b = Project.uniqueName("lrub");
        String c = Project.uniqueName("lruc");
        Project project = Project.in(tmp).secrets(memSection(a) + memSection(b) + memSection(c));
        try (Connection monitorA = monitor(a); Connection monitorB = monitor(b); Connection monitorC = monitor(c)) {
            use(project.url(a, "max_entries=2"));
            use(project.url(b, "max_entries=2"));
            use(project.url(a, "max_entries=2")); // b is now the least recently used
            ObjectName poolA = Pools.only(a);
            ObjectName poolB = Pools.only(b);
            Pools.awaitSettled(poolA);
            String sessionsOfA = sessionIds(monitorA);
            assertThat(Dbs.h2OtherSessions(monitorB)).isPositive();

            use(project.url(c, "max_entries=2"));

            Await.until(Duration.ofSeconds(10), () -> Dbs.h2OtherSessions(monitorB) == 0,
                    () -> "the evicted pool of " + b + " still has " + Dbs.h2OtherSessions(monitorB)
                            + " physical connections open");
            Await.until(Duration.ofSeconds(10), () -> !Pools.registered(poolB),
                    () -> "the evicted pool's MBean is still registered: " + poolB);
            assertThat(Pools.of(a)).as("the recently used pool stays").containsExactly(poolA);
            assertThat(sessionIds(monitorA)).as("and keeps its physical connections").isEqualTo(sessionsOfA);
            assertThat(Dbs.h2OtherSessions(monitorC)).isPositive();
            assertThat(Pools.of(c)).hasSize(1);
        }
    }

    @Test
    void connectionHeldFromAnEvictedPoolKeepsWorkingUntilClosed() throws Exception {
        String x = Project.uniqueName("evictx");
        String y = Project.uniqueName("evicty");
        Project project = Project.in(tmp).secrets(memSection(x) + memSection(y));
        try (Connection monitorX = monitor(x)) {
            Connection held = DriverManager.getConnection(project.url(x, "max_entries=1"));
            Dbs.mark(held, "held-from-x");
            ObjectName poolX = Pools.only(x);

            use(project.url(y, "max_entries=1")); // the cache holds one pool: x is evicted

            assertThat(Dbs.marker(held)).as("the held connection still works").isEqualTo("held-from-x");
            try (java.sql.Statement s = held.createStatement()) {
                s.executeUpdate("INSERT INTO marker VALUES ('written-after-eviction')");
            }
            assertThat(Dbs.h2OtherSessions(monitorX)).as("the held connection is not cut").isPositive();

            held.close();
            Await.until(Duration.ofSeconds(10), () -> Dbs.h2OtherSessions(monitorX) == 0,
                    () -> "the evicted pool still has " + Dbs.h2OtherSessions(monitorX)
                            + " physical connections open");
            Await.until(Duration.ofSeconds(10), () -> !Pools.registered(poolX),
                    () -> "the evicted pool's MBean is still registered: " + poolX);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"300", "30s", "10m", "1h", "1d", "PT5M"})
    void ttlIsSecondsOrADuration(String ttl) throws Exception {
        String name = Project.uniqueName("ttlform");
        Project project = Project.in(tmp).secrets(memSection(name));
        try (Connection c = DriverManager.getConnection(project.url(name, "ttl=" + ttl))) {
            assertThat(Dbs.one(c, "SELECT 1")).isEqualTo("1");
        }
    }

    /** A section on a named in-memory H2 database that outlives its connections, so the test can watch it. */
    private static String memSection(String name) {
        return "[connections." + name + "]\n"
                + "url = " + Project.toml(memUrl(name)) + "\n";
    }

    private static String memUrl(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    private static Connection monitor(String name) throws SQLException {
        return DriverManager.getConnection(memUrl(name));
    }

    private static void use(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            Dbs.one(c, "SELECT 1");
        }
    }

    private static String sessionIds(Connection monitor) throws SQLException {
        return Dbs.one(monitor, "SELECT COALESCE(LISTAGG(CAST(SESSION_ID AS VARCHAR), ',') "
                + "WITHIN GROUP (ORDER BY SESSION_ID), '') FROM INFORMATION_SCHEMA.SESSIONS "
                + "WHERE SESSION_ID <> SESSION_ID()");
    }
}
