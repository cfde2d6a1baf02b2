package io.stconn.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command-line tool as users run it: {@code java -jar stconn-jdbc-0.1.0.jar ...} in a process
 * of its own, in a folder of the test's, with a home folder of the test's (no ~/.streamlit, no
 * ~/.m2) and none of stconn's environment variables.
 */
final class CliProcess {
    private static final List<String> CLEARED_ENV = List.of("STCONN_PROJECT_DIR", "STREAMLIT_SECRETS_FILES",
            "STCONN_DRIVER_PATH", "SNOWFLAKE_HOME", "SNOWFLAKE_DEFAULT_CONNECTION_NAME", "SNOWFLAKE_HOST");

    /** What one run printed, as printed, and how long the process took. */
    record Run(int exit, String out, String err, long millis) {
        /** Both streams, for the checks that something appears in neither. */
        String all() {
            return out + err;
        }
    }

    private final Path workingDir;
    private final Path home;

    /** Runs in {@code temp}, with {@code temp/home} as the home folder. */
    CliProcess(Path temp) throws IOException {
        this.workingDir = temp;
        this.home = Files.createDirectories(temp.resolve("home"));
    }

    Path home() {
        return home;
    }

    /** The drop-in jar: the test class path's, or the driver module's build output when that is a folder. */
    static Path stconnJar() {
        Path onClassPath = Jars.stconnJar();
        if (onClassPath.toString().endsWith(".jar")) {
            return onClassPath;
        }
        String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
        return Path.of(basedir, "..", "driver", "target", "stconn-jdbc-0.1.0.jar").toAbsolutePath().normalize();
    }

    /** {@code java -jar <stconn jar> args...}. */
    Run run(String... args) throws IOException, InterruptedException {
        return run(List.of("-jar", stconnJar().toString()), Map.of(), args);
    }

    Run run(List<String> args) throws IOException, InterruptedException {
        return run(args.toArray(String[]::new));
    }

    /** {@code java -Duser.home=<home> <launch...> args...} with the environment given added. */
    Run run(List<String> launch, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Duser.home=" + home);
        command.addAll(launch);
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
        CLEARED_ENV.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        Path out = Files.createTempFile(workingDir, "stdout", ".txt");
        Path err = Files.createTempFile(workingDir, "stderr", ".txt");
        long start = System.nanoTime();
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("stconn did not finish in 120 s: " + command);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), millis);
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** Line ends as \n, for comparing with text blocks. */
    static String lines(String text) {
        return text.replace(System.lineSeparator(), "\n");
    }
}
