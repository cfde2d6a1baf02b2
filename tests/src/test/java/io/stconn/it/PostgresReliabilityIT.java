package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad day in production, on a PostgreSQL cluster of the test's own (password logins, port
 * {@link OwnPostgres#PORT}): load, a password rotated under load, backends terminated, the server
 * killed and restarted. Each scenario prints its figures (tests/RELIABILITY.md keeps them).
 */
@Tag("reliability")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresReliabilityIT {
    private static final String FIRST_PASSWORD = "Rel-Pw-One-4417";
    private static final String SECOND_PASSWORD = "Rel-Pw-Two-8823";
    private static OwnPostgres pg;
    private static String password = FIRST_PASSWORD;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void cluster() throws Exception {
        pg = OwnPostgres.start(FIRST_PASSWORD);
    }

    @AfterAll
    static void dropCluster() throws Exception {
        if (pg != null) {
            pg.drop();
        }
    }

    private static Project project(String name, String pw) {
        return Project.in(tmp, name).secrets("[connections." + name + "]\n"
                + "url = " + Project.toml(pg.url()) + "\n"
                + "username = " + Project.toml(OwnPostgres.ROLE) + "\n"
                + "password = " + Project.toml(pw) + "\n");
    }

    @Test
    @Order(1)
    void load64ThreadsOnAPoolOf10() throws Exception {
        String name = Project.uniqueName("load");
        Project project = project(name, password);
        long start = System.nanoTime();
        try (Workload load = new Workload(project.url(name, "hikari.maximumPoolSize=10"), 64, 20_000, 0)) {
            load.join(180_000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            report("load", "threads=64 pool=10 " + load.summary() + " ms=" + millis
                    + " ops/s=" + (load.ok.get() * 1000L / Math.max(1, millis)));
            assertThat(load.allEnded()).isTrue();
            assertThat(load.ok.get()).as(load.lastFailure).isEqualTo(20_000);
            assertThat(load.failed.get()).isZero();
        }
        Pools.of(name).forEach(pool -> assertThat(Pools.active(pool)).as("connections left borrowed").isZero());
    }

    /**
     * The password changed in the database first and its backends killed; the file fixed 3 s
     * later. Borrowers waiting on the pool of the old password must move to the new pool as soon
     * as the file changes, not wait out the 30 s connectionTimeout.
     */
    @Test
    @Order(2)
    void rotationDatabaseFirstWithBackendsKilled() throws Exception {
        String name = Project.uniqueName("rotate");
        Project project = project(name, password);
        try (Workload load = new Workload(project.url(name, "hikari.maximumPoolSize=4"), 12, Long.MAX_VALUE, 20)) {
            assertThat(load.millisToSuccessAfter(System.nanoTime(), 10_000)).isNotNegative();
            String next = password.equals(FIRST_PASSWORD) ? SECOND_PASSWORD : FIRST_PASSWORD;
            pg.password(next);
            int killed = pg.terminateBackends();
            Thread.sleep(3_000);
            int failedBeforeFix = load.failed.get();
            project(name, next);
            password = next;
            long written = System.nanoTime();
            long everyThread = load.millisUntilEveryThreadSucceededAfter(written, 40_000);
            Thread.sleep(1_000);
            long quiet = System.nanoTime();
            Thread.sleep(2_000);
            report("rotation (database first, backends killed, file 3 s later)", "backends killed=" + killed
                    + " failed before the file was fixed=" + failedBeforeFix + " every thread served again "
                    + everyThread + " ms after the file write; " + load.summary());
            assertThat(everyThread).as("every borrower served after the file write (ms); " + load.lastFailure)
                    .isBetween(0L, 3_000L);
            assertThat(load.lastFailureNanos() - quiet).as("no failure once recovered").isNegative();
        }
    }

    /** The password changed in the database and the file at once, under load: nobody notices. */
    @Test
    @Order(3)
    void rotationDatabaseAndFileTogether() throws Exception {
        String name = Project.uniqueName("together");
        Project project = project(name, password);
        try (Workload load = new Workload(project.url(name, "hikari.maximumPoolSize=4"), 12, Long.MAX_VALUE, 20)) {
            assertThat(load.millisToSuccessAfter(System.nanoTime(), 10_000)).isNotNegative();
            String next = password.equals(FIRST_PASSWORD) ? SECOND_PASSWORD : FIRST_PASSWORD;
            pg.password(next);
            project(name, next);
            password = next;
            long rotated = System.nanoTime();
            long everyThread = load.millisUntilEveryThreadSucceededAfter(rotated, 10_000);
            Thread.sleep(2_000);
            report("rotation (database and file together)", "every thread served " + everyThread
                    + " ms after the rotation; " + load.summary());
            assertThat(load.failed.get()).as(load.lastFailure).isZero();
            assertThat(everyThread).isBetween(0L, 3_000L);
        }
        // a connection opened now logs in with the new password
        try (Workload fresh = new Workload(project.url(name, "hikari.maximumPoolSize=1", "ttl=1"), 1, 5, 0)) {
            fresh.join(30_000);
            assertThat(fresh.ok.get()).as(fresh.lastFailure).isEqualTo(5);
        }
    }

    @Test
    @Order(4)
    void backendsTerminatedUnderLoad() throws Exception {
        String name = Project.uniqueName("term");
        Project project = project(name, password);
        try (Workload load = new Workload(project.url(name, "hikari.maximumPoolSize=10"), 16, Long.MAX_VALUE, 5)) {
            assertThat(load.millisToSuccessAfter(System.nanoTime(), 10_000)).isNotNegative();
            Thread.sleep(1_000);
            int killed = pg.terminateBackends();
            long at = System.nanoTime();
            long recovered = load.millisToSuccessAfter(at, 10_000);
            Thread.sleep(2_000);
            long quiet = System.nanoTime();
            Thread.sleep(2_000);
            report("backends terminated", "killed=" + killed + " first success " + recovered + " ms after; "
                    + load.summary());
            assertThat(recovered).isBetween(0L, 5_000L);
            assertThat(load.failed.get()).as("at most the operations in flight fail").isLessThanOrEqualTo(16);
            assertThat(load.lastFailureNanos() - quiet).as("no failure once recovered").isNegative();
        }
    }

    @Test
    @Order(5)
    void serverKilledAndRestartedUnderLoad() throws Exception {
        String name = Project.uniqueName("restart");
        Project project = project(name, password);
        String url = project.url(name, "hikari.maximumPoolSize=10", "hikari.connectionTimeout=5000");
        try (Workload load = new Workload(url, 16, Long.MAX_VALUE, 5)) {
            assertThat(load.millisToSuccessAfter(System.nanoTime(), 10_000)).isNotNegative();
            Thread.sleep(1_000);
            int okBefore = load.ok.get();
            pg.kill();
            Thread.sleep(2_000);
            pg.startServer();
            long restarted = System.nanoTime();
            long recovered = load.millisToSuccessAfter(restarted, 30_000);
            Thread.sleep(2_000);
            long quiet = System.nanoTime();
            Thread.sleep(3_000);
            report("server killed and restarted", "down 2 s; ok before=" + okBefore + " first success " + recovered
                    + " ms after the restart; " + load.summary());
            assertThat(recovered).as(load.lastFailure).isBetween(0L, 10_000L);
            assertThat(load.lastFailureNanos() - quiet).as("no failure once recovered").isNegative();
        }
    }

    private static void report(String scenario, String figures) {
        System.out.println("reliability: " + scenario + ": " + figures);
    }
}
