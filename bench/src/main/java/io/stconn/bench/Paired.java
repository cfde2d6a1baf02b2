package io.stconn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The slices of one {@link Interleaved} run, and the statistics taken from them: for a pair of
 * variants, the ratio of their costs per operation within each round, then the median over the
 * rounds with a distribution-free 99.9% confidence interval (order statistics of the binomial),
 * the same confidence JMH gives its errors.
 */
final class Paired {
    /** A median and its 99.9% confidence interval. */
    record Estimate(double median, double lo, double hi, int rounds) {
        Ratio ratio() {
            return new Ratio(median, Math.max(hi - median, median - lo));
        }

        String text() {
            return Format.ratio(median) + " [" + Format.ratio(lo) + ", " + Format.ratio(hi) + "]";
        }
    }

    private final String suite;
    private final int threads;
    private final int rounds;
    private final double sliceMillis;
    private final int jvms;
    /** variant → per round {ops, wall, cpu}. */
    private final Map<String, long[][]> slices = new LinkedHashMap<>();

    private Paired(String suite, int threads, int rounds, double sliceMillis, int jvms) {
        this.jvms = jvms;
        this.suite = suite;
        this.threads = threads;
        this.rounds = rounds;
        this.sliceMillis = sliceMillis;
    }

    /**
     * Runs the harness in {@code jvms} fresh JVMs, the n-th creating the pools in the n-th rotation
     * of their order (see {@link Interleaved#h2Variants}), rounds split evenly between them, and
     * pools their rounds.
     */
    static Paired run(String suite, int threads, int rounds, double sliceMillis, int jvms, Path projects)
            throws IOException, InterruptedException {
        int perJvm = Math.max(1, rounds / jvms);
        Paired paired = new Paired(suite, threads, perJvm * jvms, sliceMillis, jvms);
        for (int rotation = 0; rotation < jvms; rotation++) {
            List<String> command = List.of(ClassPath.java(), "-Xms1g", "-Xmx1g", "-D" + Projects.ROOT_PROPERTY + "=" + projects,
                    "-Duser.home=" + projects.resolve("home"), "-cp", System.getProperty("java.class.path"),
                    Interleaved.class.getName(), suite, String.valueOf(threads), String.valueOf(perJvm),
                    String.valueOf(sliceMillis), String.valueOf(rotation));
            Path err = Files.createTempFile("stconn-interleaved", ".err");
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            String errors = Files.readString(err);
            Files.deleteIfExists(err);
            if (exit != 0) {
                throw new IllegalStateException("interleaved " + suite + " failed (exit " + exit + "): " + errors);
            }
            for (String line : out.split("\\R")) {
                String[] f = line.trim().split(" ");
                if (f.length != 5 || !Character.isDigit(f[0].charAt(0))) {
                    continue;
                }
                int round = rotation * perJvm + Integer.parseInt(f[0]);
                long[][] perRound = paired.slices.computeIfAbsent(f[1], k -> new long[paired.rounds][]);
                perRound[round] = new long[] {Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])};
            }
        }
        return paired;
    }

    String describe() {
        return String.format(Locale.ROOT, "%d rounds of %.0f ms slices in %d JVMs, %d %s", rounds, sliceMillis, jvms,
                threads, threads == 1 ? "thread" : "threads");
    }

    int threads() {
        return threads;
    }

    String suite() {
        return suite;
    }

    boolean has(String key) {
        return slices.containsKey(key);
    }

    /** Cost per operation of a variant, round by round: CPU time or wall time (per thread) in ns. */
    double[] costs(String key, boolean cpu) {
        long[][] s = slices.get(key);
        if (s == null) {
            throw new IllegalArgumentException("no variant " + key + " in " + slices.keySet());
        }
        double[] out = new double[s.length];
        for (int r = 0; r < s.length; r++) {
            out[r] = (double) (cpu ? s[r][2] : s[r][1]) / s[r][0];
        }
        return out;
    }

    Estimate cost(String key, boolean cpu) {
        return median(costs(key, cpu));
    }

    /** candidate cost / baseline cost, round by round. */
    Estimate ratio(String candidate, String baseline, boolean cpu) {
        double[] c = costs(candidate, cpu);
        double[] b = costs(baseline, cpu);
        double[] ratios = new double[c.length];
        for (int r = 0; r < c.length; r++) {
            ratios[r] = c[r] / b[r];
        }
        return median(ratios);
    }

    /** baseline cost / candidate cost: a throughput ratio or a speedup. */
    Estimate inverseRatio(String candidate, String baseline, boolean cpu) {
        return ratio(baseline, candidate, cpu);
    }

    static Estimate median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        double z = 3.29; // two-sided 99.9%
        int lo = (int) Math.floor(n / 2.0 - z * Math.sqrt(n) / 2.0);
        int hi = (int) Math.ceil(n / 2.0 + z * Math.sqrt(n) / 2.0);
        lo = Math.max(0, Math.min(n - 1, lo));
        hi = Math.max(0, Math.min(n - 1, hi));
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return new Estimate(median, s[lo], s[hi], n);
    }

    List<String> keys() {
        return new ArrayList<>(slices.keySet());
    }
}
