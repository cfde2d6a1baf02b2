package io.stconn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * results.svg, drawn here with no library: the goal ratios as horizontal bars with their
 * confidence whiskers and each goal's limit, coloured by verdict; then the large multiples
 * (pooling, the result cache, DriverManager) on a log scale.
 */
final class BarChart {
    private record Bar(String label, double value, double error, Double limit, String color) {
    }

    private static final int WIDTH = 1040;
    private static final int LABEL_WIDTH = 490;
    private static final int PLOT_WIDTH = 440;
    private static final int ROW = 24;
    private static final String FONT = "font-family=\"Helvetica,Arial,sans-serif\"";

    private final Results r;

    BarChart(Results r) {
        this.r = r;
    }

    String svg() {
        List<Bar> ratios = new ArrayList<>();
        for (Report.Check c : new Report(r).checks()) {
            ratios.add(new Bar(c.number() + ". " + c.what(), c.basis().value(), c.basis().error(), c.goal().limit(),
                    color(c.verdict())));
        }
        List<Bar> multiples = multiples();
        StringBuilder svg = new StringBuilder();
        int height = 70 + ratios.size() * ROW + (multiples.isEmpty() ? 0 : 80 + multiples.size() * ROW) + 40;
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" %s font-size=\"12\">%n", WIDTH, height, WIDTH, height, FONT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        int y = 24;
        text(svg, 10, y, "stconn ÷ baseline, same run (A/B medians, 99.9% CI; cold start: medians). Dashed: the goal.",
                "bold", 14, "start");
        y += 22;
        legend(svg, y);
        y += 18;
        y = linearPanel(svg, ratios, y);
        if (!multiples.isEmpty()) {
            y += 36;
            text(svg, 10, y, "Multiples, log scale (JMH; DriverManager: A/B CPU)", "bold", 14, "start");
            y += 16;
            y = logPanel(svg, multiples, y);
        }
        text(svg, 10, height - 12, "bench/run, " + r.started + " — " + r.machine.cores() + " cores, " + r.machine.jdk(),
                "normal", 10, "start");
        svg.append("</svg>\n");
        return svg.toString();
    }

    private List<Bar> multiples() {
        List<Bar> bars = new ArrayList<>();
        if (r.has("pg.connect.stconnPooled", "pg.connect.unpooled")) {
            Ratio s = Ratio.of(r.get("pg.connect.unpooled"), r.get("pg.connect.stconnPooled"));
            bars.add(new Bar("3. PostgreSQL: unpooled ÷ stconn pooled (speedup)", s.value(), s.error(), null, "#1565c0"));
        }
        for (String db : List.of("h2", "pg")) {
            if (r.has("cache.cached." + db, "cache.uncached." + db)) {
                Ratio s = Ratio.of(r.get("cache.uncached." + db), r.get("cache.cached." + db));
                bars.add(new Bar("6. result cache, " + (db.equals("pg") ? "PostgreSQL" : "H2") + ": uncached ÷ cached",
                        s.value(), s.error(), null, "#1565c0"));
            }
        }
        Paired p = r.interleaved("h2", 1);
        if (p != null && p.has("driverManager.one")) {
            Ratio d = p.ratio("driverManager.one", "hikari", true).ratio();
            bars.add(new Bar("1. (d) DriverManager.getConnection ÷ (a), 1 thread", d.value(), d.error(), null, "#6d4c41"));
        }
        if (p != null && p.has("driverConnectProps.one")) {
            Ratio d = p.ratio("driverConnectProps.one", "hikari", true).ratio();
            bars.add(new Bar("1. (c′) connect with empty Properties ÷ (a), 1 thread", d.value(), d.error(), 1.05, "#6d4c41"));
        }
        return bars;
    }

    private int linearPanel(StringBuilder svg, List<Bar> bars, int y) {
        double max = 1.5;
        for (Bar b : bars) {
            max = Math.max(max, Math.min(3.0, b.value() + (Double.isFinite(b.error()) ? b.error() : 0)));
        }
        double scaleMax = Math.ceil(max * 4) / 4;
        int x0 = LABEL_WIDTH;
        int top = y;
        int bottom = y + bars.size() * ROW;
        for (double t = 0; t <= scaleMax + 1e-9; t += 0.25) {
            double x = x0 + t / scaleMax * PLOT_WIDTH;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"1\"/>%n", x, top, x, bottom, Math.abs(t - 1) < 1e-9 ? "#333" : "#e0e0e0"));
            text(svg, x, bottom + 14, Format.ratio(t).replaceAll("0+$", "").replaceAll("\\.$", ""), "normal", 10, "middle");
        }
        for (Bar b : bars) {
            double clipped = Math.min(b.value(), scaleMax);
            double w = clipped / scaleMax * PLOT_WIDTH;
            text(svg, x0 - 8, y + 16, b.label(), "normal", 12, "end");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    x0, y + 5, w, ROW - 10, b.color()));
            double err = Double.isFinite(b.error()) ? b.error() : 0;
            double lo = Math.max(0, b.value() - err) / scaleMax * PLOT_WIDTH + x0;
            double hi = Math.min(scaleMax, b.value() + err) / scaleMax * PLOT_WIDTH + x0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n",
                    lo, y + ROW / 2, hi, y + ROW / 2));
            if (b.limit() != null) {
                double lx = x0 + b.limit() / scaleMax * PLOT_WIDTH;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\" "
                        + "stroke-dasharray=\"3,2\" stroke-width=\"1.5\"/>%n", lx, y + 2, lx, y + ROW - 2));
            }
            String value = Format.ratio(b.value()) + (b.value() > scaleMax ? " →" : "");
            text(svg, x0 + Math.max(w, hi - x0) + 6, y + 16, value, "normal", 11, "start");
            y += ROW;
        }
        return y + 18;
    }

    private int logPanel(StringBuilder svg, List<Bar> bars, int y) {
        double max = 10;
        for (Bar b : bars) {
            max = Math.max(max, b.value());
        }
        int decades = (int) Math.ceil(Math.log10(max));
        int x0 = LABEL_WIDTH;
        int top = y;
        int bottom = y + bars.size() * ROW;
        for (int d = 0; d <= decades; d++) {
            double x = x0 + (double) d / decades * PLOT_WIDTH;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>%n",
                    x, top, x, bottom, d == 0 ? "#333" : "#e0e0e0"));
            text(svg, x, bottom + 14, String.format(Locale.ROOT, "%,d×", (long) Math.pow(10, d)), "normal", 10, "middle");
        }
        for (Bar b : bars) {
            double w = Math.max(0, Math.log10(Math.max(1, b.value()))) / decades * PLOT_WIDTH;
            text(svg, x0 - 8, y + 16, b.label(), "normal", 12, "end");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    x0, y + 5, w, ROW - 10, b.color()));
            text(svg, x0 + w + 6, y + 16, Format.ratio(b.value()) + "×", "normal", 11, "start");
            y += ROW;
        }
        return y + 18;
    }

    private void legend(StringBuilder svg, int y) {
        int x = 10;
        for (Goal.Verdict v : Goal.Verdict.values()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    x, y - 10, color(v)));
            text(svg, x + 16, y, v.text, "normal", 11, "start");
            x += 16 + v.text.length() * 6 + 18;
        }
    }

    private static String color(Goal.Verdict v) {
        return switch (v) {
            case HOLDS -> "#2e7d32";
            case HOLDS_WITHIN_NOISE -> "#9e9d24";
            case MISSED_WITHIN_NOISE -> "#ef6c00";
            case MISSED -> "#c62828";
        };
    }

    private static void text(StringBuilder svg, double x, double y, String s, String weight, int size, String anchor) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"%s\" font-size=\"%d\" "
                + "text-anchor=\"%s\">%s</text>%n", x, y, weight, size, anchor, escape(s)));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
