package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * One of the Python reference scripts in {@code tests/differential}, run with Debian's python3,
 * which is the one that sees the python3-sqlalchemy and python3-toml packages. In CI a missing
 * Python or module fails the test; elsewhere the test is skipped with the reason.
 */
final class Reference {
    private Reference() {
    }

    static Path scripts() {
        for (Path candidate : List.of(Path.of("differential"), Path.of("tests", "differential"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("tests/differential not found from " + Path.of("").toAbsolutePath());
    }

    /** The script's JSON lines, each parsed; the first line is the reference's version. */
    static List<Map<String, Object>> run(String script, String... args) throws IOException, InterruptedException {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        List<String> command = new ArrayList<>(List.of(python, script));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("stconn-reference", ".err");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(scripts().toFile())
                    .redirectError(err.toFile()).start();
        } catch (IOException e) {
            unavailable(python + " cannot be started: " + e.getMessage());
            throw e;
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the reference script ends").isTrue();
        String error = Files.readString(err);
        Files.deleteIfExists(err);
        if (process.exitValue() != 0 && error.contains("ModuleNotFoundError")) {
            unavailable("a Python module is missing (apt-get install python3-sqlalchemy python3-psycopg2"
                    + " python3-pymysql python3-toml): " + error.strip());
        }
        assertThat(process.exitValue()).as("%s failed: %s", script, error).isZero();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                lines.add(object(line));
            }
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String line) {
        return (Map<String, Object>) Json.parse(line);
    }

    private static void unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI must have the reference implementations: " + why);
        }
        System.out.println("skipped: " + why);
        Assumptions.abort(why);
    }
}
