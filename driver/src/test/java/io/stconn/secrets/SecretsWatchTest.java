package io.stconn.secrets;

import io.stconn.SqlState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SEMANTICS.md section 3, change detection: at most one look at the files per 250 ms per file
 * list, a re-parse (and a new generation) only when they changed, files created later included.
 */
class SecretsWatchTest {
    /** A little more than the check interval. */
    private static final long PAST_INTERVAL_MILLIS = TimeUnit.NANOSECONDS.toMillis(SecretsWatch.CHECK_INTERVAL_NANOS) + 100;

    @TempDir
    Path root;
    private Path project;
    private Path home;
    private Path projectSecrets;
    private Path homeSecrets;

    @BeforeEach
    void folders() throws IOException {
        project = Files.createDirectories(root.resolve("project"));
        home = Files.createDirectories(root.resolve("home"));
        projectSecrets = project.resolve(".streamlit").resolve("secrets.toml");
        homeSecrets = home.resolve(".streamlit").resolve("secrets.toml");
    }

    private SecretsWatch watch() {
        return new SecretsStore().watch(project, home, null, null);
    }

    /** Writes the file and moves its modification time forward, so that a rewrite is always seen. */
    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        boolean existed = Files.exists(file);
        FileTime before = existed ? Files.getLastModifiedTime(file) : null;
        Files.writeString(file, text);
        if (existed) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 10_000));
        }
    }

    private static String url(SecretsWatch.Snapshot snapshot, String name) throws SQLException {
        return String.valueOf(snapshot.secrets().section(name).orElseThrow().get("url").value());
    }

    private static void pastTheInterval() throws InterruptedException {
        Thread.sleep(PAST_INTERVAL_MILLIS);
    }

    @Test
    void oneWatchPerFileList() {
        SecretsStore store = new SecretsStore();

        assertThat(store.watch(project, home, null, null)).isSameAs(store.watch(project, home, null, null));
        assertThat(store.watch(project, home, "a.toml", null)).isNotSameAs(store.watch(project, home, null, null));
        assertThat(store.watch(project, home, null, null).project()).isEqualTo(project);
    }

    @Test
    void withinTheIntervalTheSameSnapshotIsHandedOutWithoutLookingAtTheFiles() throws Exception {
        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite:///first.db\"\n");
        SecretsWatch watch = watch();

        long start = System.nanoTime();
        SecretsWatch.Snapshot first = watch.current();
        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite:///second.db\"\n");
        SecretsWatch.Snapshot second = watch.current();
        long elapsed = System.nanoTime() - start;
        assumeTrue(elapsed < SecretsWatch.CHECK_INTERVAL_NANOS, "the machine was too slow to stay within the interval");

        assertThat(second).isSameAs(first);
        assertThat(second.generation()).isEqualTo(first.generation());
        assertThat(url(second, "mydb")).isEqualTo("sqlite:///first.db");
    }

    @Test
    void theFirstSnapshotIsGenerationOne() throws Exception {
        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite:///first.db\"\n");

        assertThat(watch().current().generation()).isEqualTo(1);
    }

    @Test
    void unchangedFilesKeepTheSnapshotAfterTheInterval() throws Exception {
        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite:///first.db\"\n");
        SecretsWatch watch = watch();
        SecretsWatch.Snapshot first = watch.current();

        pastTheInterval();

        assertThat(watch.current()).isSameAs(first);
    }

    @Test
    void aRewriteIsSeenAfterTheInterval() throws Exception {
        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite:///first.db\"\n");
        SecretsWatch watch = watch();
        SecretsWatch.Snapshot first = watch.current();

        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite:///second.db\"\n");
        pastTheInterval();
        SecretsWatch.Snapshot second = watch.current();

        assertThat(second.generation()).isGreaterThan(first.generation());
        assertThat(url(second, "mydb")).isEqualTo("sqlite:///second.db");
        // the old snapshot is left as it was, for whoever still holds it
        assertThat(url(first, "mydb")).isEqualTo("sqlite:///first.db");
    }

    @Test
    void aRewriteOfTheSameSizeIsSeen() throws Exception {
        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite:///aaaaa.db\"\n");
        SecretsWatch watch = watch();
        SecretsWatch.Snapshot first = watch.current();

        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite:///bbbbb.db\"\n");
        pastTheInterval();

        assertThat(url(watch.current(), "mydb")).isEqualTo("sqlite:///bbbbb.db");
        assertThat(watch.current().generation()).isEqualTo(first.generation() + 1);
    }

    @Test
    void aFileCreatedAfterStartCounts() throws Exception {
        write(homeSecrets, "[connections.homedb]\nurl = \"sqlite:///home.db\"\n");
        SecretsWatch watch = watch();
        SecretsWatch.Snapshot first = watch.current();
        assertThat(first.secrets().connectionNames()).containsExactly("homedb");

        write(projectSecrets, "[connections.projectdb]\nurl = \"sqlite:///project.db\"\n");
        pastTheInterval();
        SecretsWatch.Snapshot second = watch.current();

        assertThat(second.generation()).isGreaterThan(first.generation());
        assertThat(second.secrets().connectionNames()).containsExactly("projectdb");
        assertThat(second.secrets().files()).containsExactly(homeSecrets, projectSecrets);
    }

    @Test
    void theFirstFileEverCreatedCounts() throws Exception {
        SecretsWatch watch = watch();
        assertThat(watch.current().secrets().files()).isEmpty();

        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite:///late.db\"\n");
        pastTheInterval();

        assertThat(url(watch.current(), "mydb")).isEqualTo("sqlite:///late.db");
    }

    @Test
    void aConfigFileCreatedAfterStartCounts() throws Exception {
        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite:///default.db\"\n");
        write(project.resolve("other.toml"), "[connections.mydb]\nurl = \"sqlite:///other.db\"\n");
        SecretsWatch watch = watch();
        assertThat(url(watch.current(), "mydb")).isEqualTo("sqlite:///default.db");

        write(project.resolve(".streamlit/config.toml"), "[secrets]\nfiles = [\"other.toml\"]\n");
        pastTheInterval();

        assertThat(url(watch.current(), "mydb")).isEqualTo("sqlite:///other.db");
    }

    @Test
    void aFileFixedAfterBeingMalformedRecovers() throws Exception {
        write(projectSecrets, "[connections.mydb]\nurl = sqlite:///broken.db\n");
        SecretsWatch watch = watch();
        SecretsWatch.Snapshot broken = watch.current();
        SQLException e = catchThrowableOfType(SQLException.class, broken::secrets);
        assertThat(SqlState.reasonOf(e)).contains(SqlState.MALFORMED_SECRETS);
        assertThat(e.getMessage()).contains(projectSecrets + ":2:");

        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite:///fixed.db\"\n");
        pastTheInterval();
        SecretsWatch.Snapshot fixed = watch.current();

        assertThat(fixed.generation()).isGreaterThan(broken.generation());
        assertThat(url(fixed, "mydb")).isEqualTo("sqlite:///fixed.db");
    }

    @Test
    void aMalformedSnapshotThrowsAFreshCopyEachTime() throws Exception {
        write(projectSecrets, "[connections.mydb\n");
        SecretsWatch.Snapshot broken = watch().current();

        SQLException first = catchThrowableOfType(SQLException.class, broken::secrets);
        SQLException second = catchThrowableOfType(SQLException.class, broken::secrets);

        assertThat((Throwable) first).isNotSameAs(second);
        assertThat(first.getSQLState()).isEqualTo(second.getSQLState());
        assertThat(SqlState.reasonOf(first)).contains(SqlState.MALFORMED_SECRETS);
        assertThat(first.getMessage()).isEqualTo(second.getMessage());
    }

    @Test
    void aChangeInsideASecretsFolderIsSeen() throws Exception {
        Path dir = root.resolve("mounted");
        write(dir.resolve("connections/mydb/url"), "sqlite:///first.db");
        write(dir.resolve("connections/mydb/username"), "app");
        SecretsWatch watch = new SecretsStore().watch(project, home, dir.toString(), null);
        assertThat(url(watch.current(), "mydb")).isEqualTo("sqlite:///first.db");

        write(dir.resolve("connections/mydb/url"), "sqlite:///second.db");
        pastTheInterval();

        assertThat(url(watch.current(), "mydb")).isEqualTo("sqlite:///second.db");
    }

    @Test
    void refreshIgnoresTheInterval() throws Exception {
        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite:///first.db\"\n");
        SecretsWatch watch = watch();
        SecretsWatch.Snapshot first = watch.current();

        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite:///second.db\"\n");
        SecretsWatch.Snapshot refreshed = watch.refresh();

        assertThat(refreshed.generation()).isEqualTo(first.generation() + 1);
        assertThat(url(refreshed, "mydb")).isEqualTo("sqlite:///second.db");
        // and what refresh found is what current() hands out from then on
        assertThat(watch.current()).isSameAs(refreshed);
    }

    @Test
    void refreshOfUnchangedFilesKeepsTheGeneration() throws Exception {
        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite:///first.db\"\n");
        SecretsWatch watch = watch();
        SecretsWatch.Snapshot first = watch.current();

        assertThat(watch.refresh().generation()).isEqualTo(first.generation());
    }
}
