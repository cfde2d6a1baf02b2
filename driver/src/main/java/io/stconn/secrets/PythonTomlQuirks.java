package io.stconn.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Objects;

/**
 * The lines of a secrets file that Streamlit's Python {@code toml} (0.10) reads differently from
 * TOML 1.0, which stconn reads: each one found by the differential test against that parser.
 */
public final class PythonTomlQuirks {
    /** One line Streamlit reads differently: its number (from 1) and what happens there. */
    public record Quirk(int line, String message) {
        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Quirk other
            && Objects.equals(line, other.line)
            && Objects.equals(message, other.message);
        }

        @Override
        public int hashCode() {
            return Objects.hash(line, message);
        }

        @Override
        public String toString() {
            return "Quirk[line=" + line + ", message=" + message + "]";
        }
    }

    private static final Pattern ESCAPED_QUOTE_ONLY = Pattern.compile("=\\s*\"\\\\\"\"\\s*(#.*)?$");
    // a quoted key, alone or in a dotted key or table header, holding an escape other than \"
    private static final Pattern ESCAPE_IN_KEY = Pattern.compile("^\\s*\\[*[^=\"]*\"((?:[^\"\\\\]|\\\\.)*\\\\[^\"](?:[^\"\\\\]|\\\\.)*)\"");
    // a top-level key: Streamlit exports these to the environment, where drivers read them
    private static final Pattern TOP_LEVEL_ENV = Pattern.compile("^\\s*(SNOWFLAKE_[A-Z0-9_]+)\\s*=");
    private static final Pattern TABLE = Pattern.compile("^\\s*\\[\\s*connections\\s*\\.\\s*\"?([^\\]\"]+)\"?\\s*]");

    private PythonTomlQuirks() {
    }

    public static List<Quirk> of(String text) {
        String[] lines = text.split("\r?\n", -1);
        List<Quirk> quirks = new ArrayList<>();
        if (text.startsWith("\uFEFF")) {
            quirks.add(new Quirk(1, "the file starts with a byte-order mark (BOM), which Streamlit's TOML parser reads as"
                    + " part of the first key and refuses the whole file: save it as UTF-8 without BOM"));
        }
        boolean inMultiline = false;
        boolean topLevel = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            topLevel &= !line.strip().startsWith("[");
            Matcher env = TOP_LEVEL_ENV.matcher(line);
            if (topLevel && !inMultiline && env.find()) {
                quirks.add(new Quirk(i + 1, "Streamlit exports the top-level " + env.group(1) + " to the environment;"
                        + " stconn does not (a driver cannot change its tool's environment): set it in the environment"));
            }
            if (inMultiline) {
                int close = line.indexOf("\"\"\"");
                if (close >= 0) {
                    inMultiline = false;
                    if (!line.substring(close + 3).isEmpty()) {
                        quirks.add(new Quirk(i + 1, dropped(lines, i)));
                        return quirks; // Streamlit reads nothing further: neither do its quirks matter
                    }
                }
                continue;
            }
            String code = line.strip().startsWith("#") ? "" : line;
            int open = code.indexOf("\"\"\"");
            if (open >= 0 && code.indexOf("\"\"\"", open + 3) < 0) {
                inMultiline = true;
                continue;
            }
            if (ESCAPED_QUOTE_ONLY.matcher(code).find()) {
                quirks.add(new Quirk(i + 1, "Streamlit reads \"\\\"\" as an empty string (stconn as one '\"');"
                        + " write '\"' (a literal string) to mean the same to both"));
            }
            Matcher key = ESCAPE_IN_KEY.matcher(code);
            if (key.find() && key.start(1) < (code.indexOf('=') < 0 ? code.length() : code.indexOf('='))) {
                quirks.add(new Quirk(i + 1, "Streamlit keeps the escapes of the quoted key \"" + key.group(1)
                        + "\" as written (stconn reads them): write the key without escapes"));
            }
        }
        return quirks;
    }

    private static String dropped(String[] lines, int at) {
        List<String> connections = new ArrayList<>();
        for (int i = at + 1; i < lines.length; i++) {
            Matcher table = TABLE.matcher(lines[i]);
            if (table.find() && !table.group(1).contains(".")) {
                connections.add(table.group(1).strip());
            }
        }
        return "the closing \"\"\" is followed by a space or comment: Streamlit silently ignores the rest of the file"
                + " (" + (lines.length - at - 1) + " more lines" + (connections.isEmpty() ? ""
                : ", connections " + String.join(", ", connections)) + "); end the line with the quotes";
    }
}
