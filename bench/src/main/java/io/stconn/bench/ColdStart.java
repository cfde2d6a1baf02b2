package io.stconn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cold start as whole processes: from launching {@code java -cp ...} to the first row on stdout
 * (each program halts right after printing it). The variants run interleaved, round after round,
 * so that a slow moment of the machine hits each alike; one discarded round first warms the
 * page cache. Each variant gets only the jars it needs, as a user would ship them.
 */
final class ColdStart {
    record Variant(String label, String mainClass, String classPath, List<String> jvmArgs, String argument) {
    }

    /** Milliseconds of every timed run of one variant. */
    record Timings(Variant variant, double[] millis) {
        double median() {
            return quantile(0.5);
        }

        double quantile(double q) {
            double[] s = millis.clone();
            Arrays.sort(s);
            double pos = q * (s.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = (int) Math.ceil(pos);
            return s[lo] + (s[hi] - s[lo]) * (pos - lo);
        }

        /** About a 95% interval for the median (the box-plot notch: 1.58 IQR / sqrt(n)). */
        double medianError() {
            return 1.58 * (quantile(0.75) - quantile(0.25)) / Math.sqrt(millis.length);
        }

        Figure figure() {
            return Figure.of(variant.label, median(), medianError(), "ms");
        }
    }

    private ColdStart() {
    }

    static List<Variant> variants(Path projects) {
        ClassPath cp = new ClassPath();
        Path classes = cp.benchClasses();
        Path h2 = cp.jar("h2-");
        String home = "-Duser.home=" + projects.resolve("home");
        return List.of(
                new Variant("stconn, configured by secrets.toml", "io.stconn.bench.cold.StconnFirstRow",
                        ClassPath.join(classes, cp.jar("stconn-jdbc-"), h2), List.of(home),
                        projects.resolve(Projects.ONE).toString()),
                new Variant("HikariCP, configured in code", "io.stconn.bench.cold.HikariFirstRow",
                        ClassPath.join(classes, cp.jar("HikariCP-"), cp.jar("slf4j-api-"), cp.jar("slf4j-jdk14-"), h2),
                        List.of(home), Projects.H2_URL),
                new Variant("H2's own driver, no pool", "io.stconn.bench.cold.H2FirstRow", ClassPath.join(classes, h2),
                        List.of(home), Projects.H2_URL));
    }

    /** One timed process of variant i, in milliseconds. */
    interface Run {
        double once(int variant) throws IOException, InterruptedException;
    }

    /** One untimed run of each variant, then {@code rounds} rounds, each starting with the next variant. */
    static double[][] interleaved(int variants, int rounds, Run run) throws IOException, InterruptedException {
        double[][] millis = new double[variants][rounds];
        for (int i = 0; i < variants; i++) {
            run.once(i);
        }
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < variants; k++) {
                int i = (k + round) % variants;
                millis[i][round] = run.once(i);
            }
        }
        return millis;
    }

    static List<Timings> measure(Path projects, int rounds) throws IOException, InterruptedException {
        List<Variant> variants = variants(projects);
        double[][] millis = interleaved(variants.size(), rounds, i -> runOnce(variants.get(i)));
        List<Timings> out = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            out.add(new Timings(variants.get(i), millis[i]));
        }
        return out;
    }

    /** One process, timed from start() until it has exited; it must print 1. */
    private static double runOnce(Variant v) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ClassPath.java());
        command.addAll(v.jvmArgs());
        command.add("-cp");
        command.add(v.classPath());
        command.add(v.mainClass());
        command.add(v.argument());
        return timed(v.label(), new ProcessBuilder(command), "1");
    }

    /**
     * One process, timed from start() until it has exited; it must exit 0 and its output, trimmed,
     * must end with {@code expected}.
     */
    static double timed(String label, ProcessBuilder pb, String expected) throws IOException, InterruptedException {
        Path err = Files.createTempFile("stconn-cold", ".err");
        pb.redirectError(err.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        int exit = p.waitFor();
        long nanos = System.nanoTime() - start;
        String printed = new String(out, StandardCharsets.UTF_8).trim();
        String errors = Files.readString(err);
        Files.deleteIfExists(err);
        if (exit != 0 || !printed.endsWith(expected)) {
            throw new IllegalStateException(label + " failed (exit " + exit + "): " + printed + " " + errors);
        }
        return nanos / 1e6;
    }
}
