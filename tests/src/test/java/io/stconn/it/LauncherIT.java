package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/stconn}, the launcher: run by {@code sh} as users run it, on a release-like folder (the
 * jar with a drivers/ folder beside it) and an archive cache of the test's.
 */
class LauncherIT {
    private static final String PETS_TOML = """
            [connections.shop]
            dialect = "h2"
            database = "mem:shop;DB_CLOSE_DELAY=-1;INIT=CREATE TABLE IF NOT EXISTS pets (name VARCHAR(9)) AS SELECT 'Miso'"
            """;

    @TempDir
    Path temp;

    record Run(int exit, String out) {
    }

    @Test
    void findsTheDriversBesideTheJarAndKeepsOneArchivePerClassPath() throws Exception {
        Path release = Files.createDirectories(temp.resolve("release/drivers"));
        Files.copy(CliProcess.stconnJar(), release.resolveSibling("stconn-jdbc-0.1.0.jar"));
        Files.copy(Jars.h2Jar(), release.resolve("h2.jar"));
        Path project = Files.createDirectories(temp.resolve("project/.streamlit"));
        Files.writeString(project.resolve("secrets.toml"), PETS_TOML);
        Path cache = temp.resolve("cache");

        Run first = launch(cache, "query", "shop", "SELECT name FROM pets", "--project", project.getParent().toString());
        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(first.out()).contains("Miso", "(1 row)");
        assertThat(archives(cache)).as("an archive written by the first run").hasSize(1);

        Run second = launch(cache, "query", "shop", "SELECT name FROM pets", "--project", project.getParent().toString());
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(archives(cache)).hasSize(1);

        // a new driver jar is a new class path: a new archive, made by the next run
        Files.copy(Jars.h2Jar(), release.resolve("h2-copy.jar"));
        Run third = launch(cache, "list", "--project", project.getParent().toString());
        assertThat(third.exit()).as(third.out()).isZero();
        assertThat(archives(cache)).hasSize(2);
    }

    @Test
    void keepsTheToolsExitCodeAndSaysWhenTheJarIsMissing() throws Exception {
        Run usage = run(Map.of("STCONN_JAR", CliProcess.stconnJar().toString(), "STCONN_CDS", "off"), "query");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.out()).contains("query takes 2 arguments");

        Run noJar = run(Map.of("STCONN_JAR", temp.resolve("nowhere.jar").toString()), "--version");
        assertThat(noJar.exit()).isEqualTo(2);
        assertThat(noJar.out()).contains("STCONN_JAR=" + temp.resolve("nowhere.jar") + " is not a file");
    }

    private Run launch(Path cache, String... args) throws Exception {
        return run(Map.of("STCONN_JAR", temp.resolve("release/stconn-jdbc-0.1.0.jar").toString(),
                "STCONN_CACHE_DIR", cache.toString()), args);
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        Path launcher = Path.of(System.getProperty("basedir", "."), "..", "bin", "stconn").toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("STCONN_") || k.equals("JAVA_OPTS"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("HOME", temp.resolve("home").toString());
        builder.environment().putAll(env);
        Path log = Files.createTempFile(temp, "launcher", ".txt");
        Process process = builder.redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/stconn did not finish in 120 s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static List<Path> archives(Path cache) throws Exception {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".jsa")).toList();
        }
    }
}
