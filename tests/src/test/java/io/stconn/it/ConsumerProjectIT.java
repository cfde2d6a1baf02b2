package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's Maven project that depends on {@code io.stconn:stconn-jdbc:0.1.0} alone: the drop-in jar,
 * its sources and javadoc and its published POM are put into a throw-away local repository, then
 * {@code tests/consumer} is built and tested against it. The other artifacts that project needs
 * come from this build's own local repository, served as a file:// mirror, so nothing is
 * downloaded and the real local repository is never written.
 */
class ConsumerProjectIT {
    private static final String COORDINATES = "io/stconn/stconn-jdbc/0.1.0/";

    @TempDir
    Path temp;

    @Test
    void aProjectBuildsAndRunsAgainstThePublishedCoordinatesAlone() throws Exception {
        Path target = CliProcess.stconnJar().getParent();
        Path repo = Files.createDirectories(temp.resolve("repository"));
        Path settings = mirrorSettings();

        Path pom = target.resolve("stconn-jdbc.pom");
        assertThat(Files.readString(pom)).as("the published POM").doesNotContain("<parent>", "<dependencies>");
        // what mvn install writes, laid out by hand: no install plugin needed, which a fresh machine
        // running only mvn verify has never fetched
        Path installed = Files.createDirectories(repo.resolve(COORDINATES));
        for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
            Files.copy(target.resolve("stconn-jdbc-0.1.0" + suffix), installed.resolve("stconn-jdbc-0.1.0" + suffix));
        }
        Files.copy(pom, installed.resolve("stconn-jdbc-0.1.0.pom"));

        Path app = copy(Path.of(System.getProperty("basedir", "."), "consumer"), temp.resolve("shop-app"));
        String build = mvn(settings, repo, app, "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:tree", "verify");
        System.out.println(build);

        assertThat(build).contains("example:shop-app:jar:1.0", "+- io.stconn:stconn-jdbc:jar:0.1.0:compile",
                "Tests run: 2, Failures: 0, Errors: 0, Skipped: 0", "BUILD SUCCESS");
        // the only artifact from io.stconn is the one installed above; it brings nothing with it
        assertThat(build).doesNotContain("stconn-parent", "tomlj", "HikariCP");
        assertThat(build.lines().filter(l -> l.contains("Download") && l.contains("io/stconn"))).isEmpty();
    }

    /** Maven Central replaced by this build's own local repository: offline, and read-only for it. */
    private Path mirrorSettings() throws IOException {
        Path local = Path.of(System.getProperty("it.maven.local", System.getProperty("user.home") + "/.m2/repository"));
        Path settings = temp.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>build-cache</id>
                      <repositories>
                        <repository>
                          <id>central</id>
                          <url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>central</id>
                          <url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>build-cache</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(local.toUri()));
        return settings;
    }

    private static String mvn(Path settings, Path repo, Path dir, String... goals) throws Exception {
        String home = System.getProperty("it.maven.home", "");
        List<String> command = new ArrayList<>(List.of(home.isEmpty() ? "mvn" : Path.of(home, "bin", "mvn").toString(),
                "-B", "-ntp", "-s", settings.toString(), "-Dmaven.repo.local=" + repo));
        command.addAll(List.of(goals));
        Path log = dir.resolve("mvn.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("MAVEN_OPTS");
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("mvn did not finish in 300 s: " + command);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files.filter(f -> !f.toString().contains("/target"))::iterator) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return to;
    }
}
