package io.stconn.bench;

/**
 * candidate / baseline from one run, its error the two relative errors added in quadrature (the
 * usual first-order propagation; the JMH errors are 99.9% intervals, so this is a wide bar).
 */
record Ratio(double value, double error) {

    static Ratio of(Figure candidate, Figure baseline) {
        double value = candidate.score() / baseline.score();
        double rel = Math.hypot(candidate.relativeError(), baseline.relativeError());
        return new Ratio(value, value * rel);
    }

    /** baseline / candidate: a speedup, or a throughput ratio from times. */
    static Ratio inverse(Figure candidate, Figure baseline) {
        return of(baseline, candidate);
    }

    String text() {
        return Format.ratio(value) + " ± " + Format.ratio(error);
    }
}
