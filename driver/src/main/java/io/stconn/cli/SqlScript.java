package io.stconn.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SQL text cut into statements as psql cuts it: at each semicolon that is outside a quoted string
 * ('...', "...", E'...'), a comment (-- to the end of the line, or a block comment, nested as
 * PostgreSQL nests them) and a dollar quote ($$...$$, $tag$...$tag$). Statements keep their text as
 * written, trimmed, with the line they start on; empty ones and lone comments go.
 */
final class SqlScript {
    private SqlScript() {
    }

    /** One statement and the 1-based line of the script it starts on. */
    record Statement(String sql, int line) {
        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Statement other
            && Objects.equals(sql, other.sql)
            && Objects.equals(line, other.line);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sql, line);
        }

        @Override
        public String toString() {
            return "Statement[sql=" + sql + ", line=" + line + "]";
        }
    }

    static List<Statement> statements(String sql) {
        List<Statement> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = afterQuoted(sql, i, c);
            } else if (c == '-' && sql.startsWith("--", i)) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                i = afterBlockComment(sql, i);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                i = end < 0 ? n : end + tag.length();
            } else if (c == ';') {
                add(statements, sql, start, i);
                start = ++i;
            } else {
                i++;
            }
        }
        add(statements, sql, start, n);
        return statements;
    }

    private static void add(List<Statement> statements, String sql, int start, int end) {
        String statement = sql.substring(start, end);
        if (!onlyComments(statement)) {
            int first = start + (statement.length() - statement.stripLeading().length());
            int line = 1 + (int) sql.substring(0, first).chars().filter(ch -> ch == '\n').count();
            statements.add(new Statement(statement.strip(), line));
        }
    }

    /** A doubled quote inside is the quote itself, as SQL writes it. */
    private static int afterQuoted(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            // E'...' strings escape with a backslash; in a standard string the backslash is harmless to skip too
            i += sql.charAt(i) == '\\' && quote == '\'' && escapeString(sql, open) ? 2 : 1;
        }
        return sql.length();
    }

    private static boolean escapeString(String sql, int open) {
        return open > 0 && (sql.charAt(open - 1) == 'E' || sql.charAt(open - 1) == 'e')
                && (open == 1 || !Character.isLetterOrDigit(sql.charAt(open - 2)));
    }

    private static int afterBlockComment(String sql, int open) {
        int depth = 0;
        int i = open;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** {@code $$} or {@code $tag$} starting at i, or null ($1 is a parameter, not a quote). */
    private static String dollarTag(String sql, int i) {
        if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
            return null;
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_'
                || (j > i + 1 && Character.isDigit(sql.charAt(j))))) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
    }

    private static boolean onlyComments(String statement) {
        String rest = statement.strip();
        while (!rest.isEmpty()) {
            if (rest.startsWith("--")) {
                int eol = rest.indexOf('\n');
                rest = eol < 0 ? "" : rest.substring(eol + 1).strip();
            } else if (rest.startsWith("/*")) {
                rest = rest.substring(afterBlockComment(rest, 0)).strip();
            } else {
                return false;
            }
        }
        return true;
    }
}
