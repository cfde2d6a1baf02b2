package io.stconn.cli;

import io.stconn.internal.PlainValue;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * JSON for the tool's machine-readable output: a query result as an array with one object per row,
 * keyed by column label; list, describe and check as plain maps and lists. Numbers, booleans and
 * nulls keep their type.
 */
final class JsonWriter {
    private static final String INDENT = "  ";

    private JsonWriter() {
    }

    /** Rows one per line. Labels may repeat (SELECT a.id, b.id), so rows are not maps. */
    static void write(ResultTable result, PrintStream out) {
        List<List<Object>> rows = result.rows();
        if (rows.isEmpty()) {
            out.println("[]");
            return;
        }
        out.println("[");
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder object = new StringBuilder(INDENT + "{");
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                object.append(c == 0 ? "" : ", ").append(string(result.labels().get(c))).append(": ")
                        .append(value(row.get(c)));
            }
            out.println(object.append(r == rows.size() - 1 ? "}" : "},"));
        }
        out.println("]");
    }

    /**
     * A Map (an object, in the map's order), List, String, Number, Boolean or null. Containers
     * nested {@code inlineDepth} deep or deeper go on one line: 1 prints an array of objects one
     * object per line, as query does.
     */
    static void write(Object value, int inlineDepth, PrintStream out) {
        out.println(json(value, 0, inlineDepth));
    }

    private static String json(Object value, int depth, int inlineDepth) {
        boolean inline = depth >= inlineDepth;
        String open = inline ? "" : System.lineSeparator() + INDENT.repeat(depth + 1);
        String close = inline ? "" : System.lineSeparator() + INDENT.repeat(depth);
        String comma = inline ? ", " : "," + open;
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "{}";
            }
            StringBuilder object = new StringBuilder("{").append(open);
            String sep = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                object.append(sep).append(string(String.valueOf(entry.getKey()))).append(": ")
                        .append(json(entry.getValue(), depth + 1, inlineDepth));
                sep = comma;
            }
            return object.append(close).append('}').toString();
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "[]";
            }
            StringBuilder array = new StringBuilder("[").append(open);
            String sep = "";
            for (Object element : list) {
                array.append(sep).append(json(element, depth + 1, inlineDepth));
                sep = comma;
            }
            return array.append(close).append(']').toString();
        }
        return value(value);
    }

    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Number number && isFinite(number)) {
            return PlainValue.text(number);
        }
        // NaN and Infinity have no JSON form
        return string(PlainValue.text(value));
    }

    private static boolean isFinite(Number number) {
        return !(number instanceof Double d && !Double.isFinite(d)) && !(number instanceof Float f && !Float.isFinite(f));
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
