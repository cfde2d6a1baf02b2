package io.stconn.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The aligned table for people: numbers right-aligned, NULL spelled out, control characters made visible. */
final class TextTable {
    static final String NULL = "NULL";

    private TextTable() {
    }

    static void write(ResultTable result, PrintStream out) {
        List<String> labels = result.labels();
        int columns = labels.size();
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            List<String> line = new ArrayList<>(columns);
            row.forEach(value -> line.add(value == null ? NULL : visible(ResultTable.text(value))));
            cells.add(line);
        }
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = width(visible(labels.get(c)));
            for (List<String> line : cells) {
                widths[c] = Math.max(widths[c], width(line.get(c)));
            }
        }
        List<String> header = labels.stream().map(TextTable::visible).toList();
        out.println(line(header, widths, result.numeric()));
        StringBuilder separator = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            separator.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        out.println(separator);
        for (List<String> line : cells) {
            out.println(line(line, widths, result.numeric()));
        }
        int n = result.rows().size();
        out.println("(" + n + (n == 1 ? " row)" : " rows)"));
    }

    private static String line(List<String> cells, int[] widths, List<Boolean> numeric) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - width(cell));
            line.append(c == 0 ? "" : " | ").append(numeric.get(c) ? padding + cell : cell + padding);
        }
        return line.toString().stripTrailing();
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    // a line break or tab inside a value would break the alignment of every column after it
    private static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(Character.isISOControl(ch) ? '?' : ch);
            }
        }
        return out.toString();
    }
}
