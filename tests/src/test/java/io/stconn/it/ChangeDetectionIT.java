package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SEMANTICS section 3, change detection: after the secrets file changes (and the 250 ms check
 * interval has passed) the next connection of a changed section comes from a pool built on the
 * new configuration; connections already handed out keep working until closed; sections that did
 * not change keep their pools.
 */
class ChangeDetectionIT {
    /** Comfortably more than the 250 ms check interval. */
    private static final long PAST_CHECK_INTERVAL_MS = 700;

    @TempDir
    Path tmp;

    private String moving;
    private String steady;
    private Path oldDb;
    private Path newDb;
    private Project project;

    @BeforeEach
    void twoSections() throws SQLException {
        moving = Project.uniqueName("moving");
        steady = Project.uniqueName("steady");
        oldDb = Dbs.h2File(tmp.resolve("dbs/old"), "old-database");
        newDb = Dbs.h2File(tmp.resolve("dbs/the-new-one"), "new-database");
        project = Project.in(tmp).secrets(secrets(oldDb));
    }

    /** steady first, so that changing moving shifts none of steady's lines. */
    private String secrets(Path movingDb) {
        return "[connections." + steady + "]\n"
                + "url = " + Project.toml("jdbc:h2:mem:" + steady) + "\n"
                + "\n"
                + "[connections." + moving + "]\n"
                + "dialect = \"h2\"\n"
                + "database = " + Project.toml(movingDb) + "\n";
    }

    @Test
    void nextConnectionAfterTheFileChangedReachesTheNewDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(project.url(moving))) {
            assertThat(Dbs.marker(c)).isEqualTo("old-database");
        }
        rewrite(project.secretsFile(), secrets(newDb));
        try (Connection c = DriverManager.getConnection(project.url(moving))) {
            assertThat(Dbs.marker(c)).isEqualTo("new-database");
        }
    }

    @Test
    void connectionHeldFromTheRetiredPoolKeepsWorkingUntilClosedThenItsPoolCloses() throws Exception {
        try (Connection monitor = DriverManager.getConnection("jdbc:h2:" + oldDb)) {
            Connection held = DriverManager.getConnection(project.url(moving));
            assertThat(Dbs.marker(held)).isEqualTo("old-database");

            rewrite(project.secretsFile(), secrets(newDb));
            try (Connection fresh = DriverManager.getConnection(project.url(moving))) {
                assertThat(Dbs.marker(fresh)).isEqualTo("new-database");
            }

            // still the old database, still usable
            assertThat(Dbs.marker(held)).isEqualTo("old-database");
            try (Statement s = held.createStatement()) {
                s.executeUpdate("INSERT INTO marker VALUES ('written-after-retirement')");
            }
            assertThat(Dbs.one(held, "SELECT COUNT(*) FROM marker")).isEqualTo("2");
            assertThat(Dbs.h2OtherSessions(monitor)).as("the held connection is open").isPositive();

            held.close();
            Await.until(Duration.ofSeconds(10), () -> Dbs.h2OtherSessions(monitor) == 0,
                    () -> "the retired pool still holds " + Dbs.h2OtherSessions(monitor)
                            + " physical connections to the old database");
        }
    }

    @Test
    void unchangedSectionKeepsItsPoolWhenAnotherSectionChanges() throws Exception {
        // an in-memory database lives exactly as long as its pool's connections
        try (Connection c = DriverManager.getConnection(project.url(steady))) {
            Dbs.mark(c, "kept-in-memory");
        }
        try (Connection c = DriverManager.getConnection(project.url(moving))) {
            assertThat(Dbs.marker(c)).isEqualTo("old-database");
        }
        ObjectName steadyPool = Pools.only(steady);

        rewrite(project.secretsFile(), secrets(newDb));
        try (Connection c = DriverManager.getConnection(project.url(moving))) {
            assertThat(Dbs.marker(c)).isEqualTo("new-database");
        }
        try (Connection c = DriverManager.getConnection(project.url(steady))) {
            assertThat(Dbs.marker(c)).isEqualTo("kept-in-memory");
        }
        assertThat(Pools.of(steady)).containsExactly(steadyPool);
    }

    @Test
    void rewritingTheFileWithTheSameContentKeepsEveryPool() throws Exception {
        try (Connection monitor = DriverManager.getConnection("jdbc:h2:" + oldDb)) {
            try (Connection c = DriverManager.getConnection(project.url(moving))) {
                assertThat(Dbs.marker(c)).isEqualTo("old-database");
            }
            ObjectName pool = Pools.only(moving);
            int before = Pools.awaitSettled(pool);
            OpenSessions sessions = new OpenSessions(monitor);

            rewrite(project.secretsFile(), secrets(oldDb));
            try (Connection c = DriverManager.getConnection(project.url(moving))) {
                assertThat(Dbs.marker(c)).isEqualTo("old-database");
            }
            assertThat(Pools.of(moving)).containsExactly(pool);
            assertThat(Pools.total(pool)).isEqualTo(before);
            assertThat(sessions.stillOpen()).as("the same physical connections are still open").isTrue();
        }
    }

    @Test
    void secretsFileCreatedAfterStartupIsPickedUp() throws Exception {
        String name = Project.uniqueName("latecomer");
        Path first = project.file("first.toml",
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + oldDb) + "\n");
        Path second = project.resolve("second.toml");
        String url = project.url(name, "secrets_files=" + first + File.pathSeparator + second);
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(Dbs.marker(c)).isEqualTo("old-database");
        }
        Project.write(second,
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + newDb) + "\n");
        Await.sleep(PAST_CHECK_INTERVAL_MS);
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(Dbs.marker(c)).isEqualTo("new-database");
        }
    }

    @Test
    void changedFileInAKubernetesStyleSecretsFolderIsPickedUp() throws Exception {
        String name = Project.uniqueName("kubechange");
        Path folder = tmp.resolve("mounted");
        Project.write(folder.resolve("connections/" + name + "/url"), "jdbc:h2:" + oldDb + "\n");
        Project.write(folder.resolve("connections/" + name + "/dialect"), "h2\n");
        String url = project.url(name, "secrets_files=" + folder);
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(Dbs.marker(c)).isEqualTo("old-database");
        }
        rewrite(folder.resolve("connections/" + name + "/url"), "jdbc:h2:" + newDb + "\n");
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(Dbs.marker(c)).isEqualTo("new-database");
        }
    }

    /**
     * Writes the file and makes sure its modification time moves (file systems with a coarse
     * clock would otherwise keep it), then waits past the check interval.
     */
    private static void rewrite(Path file, String content) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, content);
        long later = Math.max(System.currentTimeMillis(), before.toMillis() + 2_000);
        Files.setLastModifiedTime(file, FileTime.fromMillis(later));
        assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(before);
        Await.sleep(PAST_CHECK_INTERVAL_MS);
    }

    /** The ids of the sessions (other than the monitor's) open now, to check later that they still are. */
    private static final class OpenSessions {
        private final Connection monitor;
        private final String ids;

        OpenSessions(Connection monitor) throws SQLException {
            this.monitor = monitor;
            this.ids = ids();
        }

        private String ids() throws SQLException {
            return Dbs.one(monitor, "SELECT COALESCE(LISTAGG(CAST(SESSION_ID AS VARCHAR), ',') "
                    + "WITHIN GROUP (ORDER BY SESSION_ID), '') FROM INFORMATION_SCHEMA.SESSIONS "
                    + "WHERE SESSION_ID <> SESSION_ID()");
        }

        boolean stillOpen() throws SQLException {
            String now = ids();
            for (String id : ids.split(",")) {
                if (!id.isEmpty() && !("," + now + ",").contains("," + id + ",")) {
                    return false;
                }
            }
            return !ids.isEmpty();
        }
    }
}
