package io.stconn.bench;

import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One measured figure: a JMH score with its error (half the 99.9% confidence interval), or a
 * median of whole-process timings with its error, plus the bytes allocated per operation where the
 * GC profiler ran.
 */
record Figure(String label, double score, double error, String unit, double allocPerOp, double allocError) {

    @SuppressWarnings("rawtypes") // JMH's getSecondaryResults() is a Map of raw Result
    static Figure of(String label, RunResult run) {
        Result<?> primary = run.getPrimaryResult();
        double alloc = Double.NaN;
        double allocError = Double.NaN;
        for (var e : run.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                alloc = e.getValue().getScore();
                allocError = finite(e.getValue().getScoreError());
            }
        }
        return new Figure(label, primary.getScore(), finite(primary.getScoreError()), primary.getScoreUnit(), alloc, allocError);
    }

    static Figure of(String label, double score, double error, String unit) {
        return new Figure(label, score, error, unit, Double.NaN, Double.NaN);
    }

    /** JMH gives NaN for an error it cannot compute (too few iterations): shown as n/a. */
    private static double finite(double error) {
        return Double.isFinite(error) ? error : Double.NaN;
    }

    double relativeError() {
        return score == 0 ? 0 : error / score;
    }

    /** The score with its error, as "123.4 ± 5.6 ns/op". */
    String text() {
        return Format.number(score) + " ± " + Format.number(error) + " " + unit;
    }

    String allocText() {
        if (Double.isNaN(allocPerOp)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f ± %.1f", allocPerOp, allocError);
    }
}
