package io.stconn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MavenRepositoryTest {
    @TempDir
    Path repo;

    /** A version folder with the jar (or only the pom, as Maven leaves it after resolving a pom). */
    private Path install(String group, String artifact, String version, boolean withJar) throws IOException {
        Path folder = Files.createDirectories(repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version));
        Files.writeString(folder.resolve(artifact + "-" + version + ".pom"), "<project/>");
        return withJar ? Files.writeString(folder.resolve(artifact + "-" + version + ".jar"), "") : null;
    }

    @Test
    void picksTheNewestVersionComparingNumbersAsNumbers() throws IOException {
        install("com.h2database", "h2", "2.2.224", true);
        install("com.h2database", "h2", "2.3.9", true);
        Path newest = install("com.h2database", "h2", "2.3.232", true);
        install("com.h2database", "h2", "2.10.1-SNAPSHOT", true);
        assertThat(new MavenRepository(repo).newestJar("com.h2database", "h2")).contains(newest);
        assertThat(new MavenRepository(repo).newestJar("com.h2database:h2")).contains(newest);
    }

    @Test
    void skipsSnapshotsAndVersionsWithoutAJar() throws IOException {
        Path release = install("org.xerial", "sqlite-jdbc", "3.46.1.0", true);
        install("org.xerial", "sqlite-jdbc", "3.50.3.0", false);
        install("org.xerial", "sqlite-jdbc", "3.51.0.0-SNAPSHOT", true);
        assertThat(new MavenRepository(repo).newestJar("org.xerial", "sqlite-jdbc")).contains(release);
    }

    @Test
    void nothingWhenTheArtifactIsMissing() throws IOException {
        install("org.xerial", "sqlite-jdbc", "3.50.3.0", false);
        assertThat(new MavenRepository(repo).newestJar("org.xerial", "sqlite-jdbc")).isEmpty();
        assertThat(new MavenRepository(repo).newestJar("org.postgresql", "postgresql")).isEmpty();
        assertThat(new MavenRepository(repo.resolve("no-such-repo")).newestJar("org.postgresql:postgresql")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "42.7.10, 42.7.9",
            "3.50.3.0, 3.46.1.3",
            "1.0.1, 1.0",
            "1.0, 1.0-rc1",
            "1.0-rc2, 1.0-rc1",
            "12.8.1.jre11, 12.8.1.jre8",
            "2.0, 1.99.99",
            "10, 9"})
    void versionOrder(String newer, String older) {
        assertThat(MavenRepository.compareVersions(newer, older)).isPositive();
        assertThat(MavenRepository.compareVersions(older, newer)).isNegative();
        assertThat(MavenRepository.compareVersions(newer, newer)).isZero();
    }

    @Test
    void theRepositoryIsMavenRepoLocalElseUnderTheHomeFolder() {
        assertThat(MavenRepository.local("/opt/m2", "/home/ann").root()).isEqualTo(Path.of("/opt/m2"));
        assertThat(MavenRepository.local(null, "/home/ann").root()).isEqualTo(Path.of("/home/ann/.m2/repository"));
        assertThat(MavenRepository.local(" ", "/home/ann").root()).isEqualTo(Path.of("/home/ann/.m2/repository"));
    }
}
