package io.stconn.cli;

import io.stconn.internal.PlainValue;
import java.io.PrintStream;
import java.util.List;

/**
 * CSV as RFC 4180 has it: CRLF line ends, a header row, fields quoted when they hold a comma,
 * quote or line break, quotes doubled. NULL is an empty field and the empty string is {@code ""},
 * so the two stay apart.
 */
final class CsvWriter {
    private static final String CRLF = "\r\n";

    private CsvWriter() {
    }

    static void write(ResultTable result, PrintStream out) {
        out.print(row(result.labels()) + CRLF);
        for (List<Object> row : result.rows()) {
            out.print(row(row) + CRLF);
        }
    }

    private static String row(List<?> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            line.append(i == 0 ? "" : ",").append(field(values.get(i)));
        }
        return line.toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = PlainValue.text(value);
        if (text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
