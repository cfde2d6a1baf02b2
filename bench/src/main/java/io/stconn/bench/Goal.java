package io.stconn.bench;

/** A goal on a ratio, at most or at least a limit, and how a measured ratio stands against it. */
record Goal(String what, boolean atMost, double limit) {

    static Goal atMost(String what, double limit) {
        return new Goal(what, true, limit);
    }

    static Goal atLeast(String what, double limit) {
        return new Goal(what, false, limit);
    }

    /** Holds with the whole error bar inside the limit, holds by the estimate only, or missed. */
    enum Verdict {
        HOLDS("holds"),
        HOLDS_WITHIN_NOISE("holds by the estimate; the error bar crosses the limit"),
        MISSED_WITHIN_NOISE("missed by the estimate, within the error"),
        MISSED("missed");

        final String text;

        Verdict(String text) {
            this.text = text;
        }

        boolean holds() {
            return this == HOLDS || this == HOLDS_WITHIN_NOISE;
        }
    }

    Verdict judge(Ratio r) {
        double sign = atMost ? 1 : -1;
        double worst = sign * (r.value() + sign * r.error());
        double estimate = sign * r.value();
        double best = sign * (r.value() - sign * r.error());
        double lim = sign * limit;
        if (worst <= lim) {
            return Verdict.HOLDS;
        }
        if (estimate <= lim) {
            return Verdict.HOLDS_WITHIN_NOISE;
        }
        return best <= lim ? Verdict.MISSED_WITHIN_NOISE : Verdict.MISSED;
    }

    String limitText() {
        return (atMost ? "≤ " : "≥ ") + Format.ratio(limit);
    }
}
