package io.stconn.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * stconn's one aligned text table, printed by the command-line tool and by
 * {@code QueryResult.toString()}: numbers right-aligned, NULL spelled out, line breaks, tabs and
 * control characters made visible. Values are plain ({@link PlainValue}).
 */
public final class TextTable {
    public static final String NULL = "NULL";

    private TextTable() {
    }

    /** The table and its "(n rows)" line, lines separated by the platform's line separator, no final one. */
    public static String render(List<String> labels, List<Boolean> numeric, List<? extends List<?>> rows) {
        List<String> lines = lines(labels, numeric, rows);
        lines.add(rowCount(rows.size()));
        return String.join(System.lineSeparator(), lines);
    }

    /** The table and its "(n rows)" line. */
    public static void write(List<String> labels, List<Boolean> numeric, List<? extends List<?>> rows, PrintStream out) {
        out.println(render(labels, numeric, rows));
    }

    /** Header, separator and one line per row, without the row count. */
    public static List<String> lines(List<String> labels, List<Boolean> numeric, List<? extends List<?>> rows) {
        int columns = labels.size();
        List<List<String>> cells = new ArrayList<>();
        for (List<?> row : rows) {
            List<String> line = new ArrayList<>(columns);
            row.forEach(value -> line.add(value == null ? NULL : visible(PlainValue.text(value))));
            cells.add(line);
        }
        List<String> header = labels.stream().map(TextTable::visible).toList();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = width(header.get(c));
            for (List<String> line : cells) {
                widths[c] = Math.max(widths[c], width(line.get(c)));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(header, widths, numeric));
        StringBuilder separator = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            separator.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        lines.add(separator.toString());
        for (List<String> line : cells) {
            lines.add(line(line, widths, numeric));
        }
        return lines;
    }

    public static String rowCount(int n) {
        return "(" + n + (n == 1 ? " row)" : " rows)");
    }

    // a line break or tab inside a value would break the alignment of every column after it
    public static String visible(String text) {
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
}
