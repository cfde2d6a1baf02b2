package io.stconn.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The differential tests' summary on standard output: cases, agreement and deliberate differences. */
final class Report {
    private Report() {
    }

    /** counts: per group {cases, agreeing, explained by the table of deliberate differences}. */
    static void print(String reference, Map<String, int[]> counts, List<String> unexplained) {
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
                cases, 100.0 * agreeing / Math.max(1, cases), 100.0 * deliberate / Math.max(1, cases), unexplained.size()));
        System.out.print(out);
        // every unexplained case, for whoever fixes them: the assertion message shows only the first ones
        Path file = Path.of("target", reference.replaceAll("\\W+", "-") + "-disagreements.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, unexplained);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
