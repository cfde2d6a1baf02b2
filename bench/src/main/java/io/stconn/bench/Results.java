package io.stconn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run of bench/run measured, for the report and the chart. */
final class Results {
    Machine machine;
    String command;
    String jmhSettings;
    String started;
    double wallSeconds;
    double buildSeconds;
    final Map<String, Figure> figures = new LinkedHashMap<>();
    /** Per secrets kind: the stack profiler's evidence. */
    final Map<String, StackEvidence> stacks = new LinkedHashMap<>();
    /** Section name → 1-minute load average when it started. */
    final Map<String, Double> load = new LinkedHashMap<>();
    final List<String> skipped = new ArrayList<>();
    final List<String> driverOrder = new ArrayList<>();
    /** The interleaved A/B runs: h2 with 1 and 4 threads, pg with 4. */
    final List<Paired> interleaved = new ArrayList<>();
    List<ColdStart.Timings> cold;
    /** The command-line tool's answer time (CliStart): the launcher, java -jar, a plain Java program. */
    List<ColdStart.Timings> cli;
    JarSize.Sizes jar;
    long[] footprint;
    int footprintPools;
    boolean postgres;

    Paired interleaved(String suite, int threads) {
        for (Paired p : interleaved) {
            if (p.suite().equals(suite) && p.threads() == threads) {
                return p;
            }
        }
        return null;
    }

    Figure get(String key) {
        return figures.get(key);
    }

    boolean has(String... keys) {
        for (String k : keys) {
            if (!figures.containsKey(k)) {
                return false;
            }
        }
        return true;
    }
}
