package io.stconn.cli;

import java.io.PrintStream;
import java.util.List;

/** A JSON array with one object per row, keyed by column label; numbers, booleans and nulls keep their type. */
final class JsonWriter {
    private JsonWriter() {
    }

    static void write(ResultTable result, PrintStream out) {
        List<List<Object>> rows = result.rows();
        if (rows.isEmpty()) {
            out.println("[]");
            return;
        }
        out.println("[");
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder object = new StringBuilder("  {");
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                object.append(c == 0 ? "" : ", ").append(string(result.labels().get(c))).append(": ")
                        .append(value(row.get(c)));
            }
            out.println(object.append(r == rows.size() - 1 ? "}" : "},"));
        }
        out.println("]");
    }

    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Number number && isFinite(number)) {
            return ResultTable.text(number);
        }
        // NaN and Infinity have no JSON form
        return string(ResultTable.text(value));
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
