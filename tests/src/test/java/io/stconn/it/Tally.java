package io.stconn.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The differential tests' count of cases per group: agreeing, explained by the table of deliberate
 * differences, or unexplained; printed on standard output, the unexplained ones written whole to target/.
 */
final class Tally {
    private final DeliberateDifferences table;
    private final Map<String, int[]> counts = new TreeMap<>(); // per group {cases, agreeing, deliberate}
    private final List<String> unexplained = new ArrayList<>();

    Tally(DeliberateDifferences table) {
        this.table = table;
    }

    /** One case: the fields that differ (none when the two sides agree) and, if unexplained, how to show it. */
    void add(String group, List<?> tags, List<String> fields, String shown) {
        int[] count = counts.computeIfAbsent(group, k -> new int[3]);
        count[0]++;
        if (fields.isEmpty()) {
            count[1]++;
        } else if (table.explaining(tags, fields) != null) {
            count[2]++;
        } else {
            unexplained.add(shown + "\n    differs in " + fields);
        }
    }

    /** Prints the summary and returns the unexplained cases, the first twenty (all are in target/). */
    List<String> report(String reference) {
        int cases = 0;
        int agreeing = 0;
        int deliberate = 0;
        StringBuilder out = new StringBuilder("differential test against " + reference + "\n");
        for (Map.Entry<String, int[]> group : counts.entrySet()) {
            int[] c = group.getValue();
            cases += c[0];
            agreeing += c[1];
            deliberate += c[2];
            out.append(String.format("  %-22s %5d cases, %5d agree, %5d deliberate, %5d unexplained%n",
                    group.getKey(), c[0], c[1], c[2], c[0] - c[1] - c[2]));
        }
        out.append(String.format("  total %d cases: %.1f%% agree, %.1f%% deliberate differences, %d unexplained%n",
                cases, 100.0 * agreeing / Math.max(1, cases), 100.0 * deliberate / Math.max(1, cases),
                unexplained.size()));
        System.out.print(out);
        Path file = Path.of("target", reference.replaceAll("\\W+", "-") + "-disagreements.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, unexplained);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return unexplained.subList(0, Math.min(20, unexplained.size()));
    }

    int unexplainedCount() {
        return unexplained.size();
    }
}
