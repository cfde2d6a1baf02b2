package io.stconn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What JMH's stack profiler saw of the benchmark thread: the share of its samples inside the
 * throttled freshness check's file-system calls, and inside TOML parsing. Percentages are of all
 * RUNNABLE samples, as the profiler prints them (0.1% resolution), then taken relative to the
 * samples that show the benchmark method.
 */
record StackEvidence(double benchmarkPercent, double fileSystemPercent, double tomlPercent, String hottestCheckStack) {
    private static final Pattern ENTRY = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)%\\s+(\\d+(?:\\.\\d+)?)%\\s+(\\S.*)$");
    private static final Pattern FILE_SYSTEM =
            Pattern.compile("sun\\.nio\\.fs\\.|java\\.nio\\.file\\.Files|io\\.stconn\\.secrets\\.FileStamps");
    private static final Pattern TOML =
            Pattern.compile("io\\.stconn\\.shaded\\.(tomlj|antlr)\\.|io\\.stconn\\.secrets\\.(SecretsParser|SecretsLocator)");

    static StackEvidence parse(String text) {
        List<Double> percents = new ArrayList<>();
        List<List<String>> stacks = new ArrayList<>();
        boolean runnable = false;
        for (String line : text.split("\\R")) {
            if (line.startsWith("....[")) {
                runnable = line.contains("Thread state: RUNNABLE");
                continue;
            }
            if (!runnable) {
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                percents.add(Double.parseDouble(m.group(1)));
                List<String> frames = new ArrayList<>();
                frames.add(m.group(3).trim());
                stacks.add(frames);
            } else if (!line.isBlank() && !stacks.isEmpty()) {
                stacks.get(stacks.size() - 1).add(line.trim());
            }
        }
        double bench = 0;
        double fs = 0;
        double toml = 0;
        double hottest = 0;
        String hottestStack = "";
        for (int i = 0; i < stacks.size(); i++) {
            List<String> frames = stacks.get(i);
            if (frames.stream().noneMatch(f -> f.contains("HotPathBench."))) {
                continue;
            }
            double p = percents.get(i);
            bench += p;
            boolean inFs = frames.stream().anyMatch(f -> FILE_SYSTEM.matcher(f).find());
            boolean inToml = frames.stream().anyMatch(f -> TOML.matcher(f).find());
            if (inFs) {
                fs += p;
            }
            if (inToml) {
                toml += p;
            }
            if ((inFs || inToml) && p > hottest) {
                hottest = p;
                hottestStack = String.join(" ← ", frames.subList(0, Math.min(frames.size(), 6)));
            }
        }
        return new StackEvidence(bench, fs, toml, hottestStack);
    }

    /** Share of the benchmark thread's samples in file-system calls. */
    double fileSystemShare() {
        return benchmarkPercent == 0 ? 0 : fileSystemPercent / benchmarkPercent;
    }

    double tomlShare() {
        return benchmarkPercent == 0 ? 0 : tomlPercent / benchmarkPercent;
    }
}
