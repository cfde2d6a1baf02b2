package io.stconn.spark.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A main class run in a JVM of its own, with this test's class path, Spark's JVM options and a
 * heap limit: a JVM that has done nothing yet (no dialect registered) or has a small heap. The
 * child reports with lines {@code key=value} on standard output.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    static Map<String, String> run(Path workDir, String maxHeap, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.addAll(Arrays.asList(System.getProperty("stconn.spark.opens", "").trim().split("\\s+")));
        command.add("-Duser.home=" + System.getProperty("user.home"));
        command.add("-Dstconn.spark.line=" + Sessions.line());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(Arrays.asList(args));
        Path out = workDir.resolve(main.getSimpleName() + ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(out);
        assertThat(done).as("child JVM finished within 5 minutes; its output:%n%s", output).isTrue();
        assertThat(p.exitValue()).as("child JVM exit code; its output:%n%s", output).isZero();
        Map<String, String> report = new LinkedHashMap<>();
        output.lines().filter(l -> l.startsWith("report ")).forEach(l -> {
            String[] kv = l.substring("report ".length()).split("=", 2);
            report.put(kv[0], kv[1]);
        });
        System.out.println(main.getSimpleName() + " in a child JVM (-Xmx" + maxHeap + "): " + report);
        return report;
    }
}
