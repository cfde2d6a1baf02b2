package io.stconn.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A separate {@code java} process running {@link ProbeMain} with the drop-in jar, H2 and the test
 * classes, and a home folder of the test's choosing: the way to test {@code ~/.streamlit} and the
 * environment without touching the real home or the shared test JVM.
 */
final class ChildJvm {
    private static final List<String> CLEARED_ENV = List.of(
            "STCONN_PROJECT_DIR", "STREAMLIT_SECRETS_FILES", "SNOWFLAKE_HOME",
            "SNOWFLAKE_DEFAULT_CONNECTION_NAME", "SNOWFLAKE_HOST");

    private ChildJvm() {
    }

    /** The probe's lines, one per URL, in order. */
    static List<String> probe(Path home, Path workingDir, Map<String, String> env, String... urls)
            throws IOException, InterruptedException {
        return probe(home, workingDir, env, List.of(), urls);
    }

    /** The same with options for the child's {@code java} command (a heap limit, say). */
    static List<String> probe(Path home, Path workingDir, Map<String, String> env, List<String> jvmOptions,
                              String... urls) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Duser.home=" + home.toAbsolutePath());
        command.add("-cp");
        command.add(String.join(File.pathSeparator,
                Jars.stconnJar().toString(), Jars.h2Jar().toString(), Jars.testClasses().toString()));
        command.add(ProbeMain.class.getName());
        command.addAll(List.of(urls));

        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
        CLEARED_ENV.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        Path out = Files.createTempFile("stconn-probe", ".out");
        Path err = Files.createTempFile("stconn-probe", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child JVM did not finish in 120 s: " + command);
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            List<String> lines = stdout.lines()
                    .filter(l -> l.startsWith("OK ") || l.startsWith("ERR ") || l.startsWith("CRASH "))
                    .toList();
            if (process.exitValue() != 0 || lines.size() != urls.length) {
                throw new AssertionError("child JVM exit " + process.exitValue() + "\nstdout:\n" + stdout
                        + "\nstderr:\n" + stderr);
            }
            return lines;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
