package io.stconn.internal;

import io.stconn.SqlState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.sql.SQLException;

/**
 * A TOML file's text, made safe for the parser before it sees it. The parser recurses once per
 * level of nesting and keeps a token per character of a basic string, so a hostile or broken file
 * could overflow the stack or exhaust the heap of the application reading its secrets. Here the
 * cost is bounded: the size, the nesting of arrays, inline tables and dotted keys, and the text of
 * basic strings with escapes. Basic strings without escapes or apostrophes are handed over as the
 * equal literal strings (same length, so every line:column stays), which the parser reads cheaply.
 * A UTF-8 byte order mark is dropped; bytes that are not UTF-8 are named by line and column.
 */
public final class TomlInput {
    /** A secrets file is a few kilobytes; a megabyte leaves room for keys, certificates and comments. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Streamlit's files nest three or four levels; 64 is far beyond any real file and far below the stack. */
    public static final int MAX_NESTING = 64;
    /** Basic strings with escapes cost the parser a few hundred bytes per character. */
    public static final int MAX_ESCAPED_CHARS = 128 * 1024;

    private final String path;
    private final char[] text;
    private int line = 1;
    private int lineStart;

    private TomlInput(String path, char[] text) {
        this.path = path;
        this.text = text;
    }

    /** The file's text as the parser may safely read it; an SQLException (42601) with file:line when it may not. */
    public static String read(Path path) throws IOException, SQLException {
        return read(path, UnaryOperator.identity());
    }

    /**
     * {@link #read(Path)}, with the text adjusted (line for line) before it is bounded: the
     * adjustment sees the file as written, and the parser only what the bounds let through.
     */
    public static String read(Path path, UnaryOperator<String> adjust) throws IOException, SQLException {
        if (!Files.isRegularFile(path)) {
            // a device or a pipe (secrets_files=/dev/zero) would be read forever
            throw SqlState.NO_SECRETS.exception(path + " is not a regular file. Name the TOML file itself.");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw refused(path + " is " + megabytes(Files.size(path)) + " MB; a TOML file stconn reads may hold at most "
                    + megabytes(MAX_BYTES) + " MB. Check that " + path + " is the secrets file you meant, and move "
                    + "large values (keys, certificates) into files named by path (private_key_file = \"...\").");
        }
        return safe(path.toString(), adjust.apply(decode(path, bytes)));
    }

    /** TOML text from elsewhere (an environment variable), bounded the same way; {@code source} names it in errors. */
    public static String safe(String source, String toml) throws SQLException {
        if (toml.length() > MAX_BYTES) {
            throw refused(source + " holds " + megabytes(toml.length()) + " MB of TOML; at most " + megabytes(MAX_BYTES)
                    + " MB are read.");
        }
        TomlInput input = new TomlInput(source, toml.toCharArray());
        input.scan();
        return new String(input.text);
    }

    private static String decode(Path path, byte[] bytes) throws SQLException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            String before = out.toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            throw refused(path + ":" + line + ":" + column + ": byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xFF) + " is not UTF-8. TOML files are UTF-8: save "
                    + path + " as UTF-8 in your editor (Streamlit reads it as UTF-8 too).");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private void scan() throws SQLException {
        int depth = 0;
        int dots = 0;
        int escaped = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            switch (c) {
                case '\n' -> {
                    line++;
                    lineStart = i + 1;
                    dots = 0;
                }
                case '#' -> i = endOfLine(i);
                case '[', '{' -> {
                    depth++;
                    dots = 0;
                    if (depth > MAX_NESTING) {
                        throw tooDeep(i, "arrays, inline tables or table headers");
                    }
                }
                case ']', '}' -> {
                    depth = Math.max(0, depth - 1);
                    dots = 0;
                }
                case '=', ',' -> dots = 0;
                case '.' -> {
                    if (++dots > MAX_NESTING) {
                        throw tooDeep(i, "dotted keys");
                    }
                }
                case '\'' -> i = skipLiteral(i);
                case '"' -> {
                    int end = basicString(i);
                    if (end < 0) {
                        // unterminated, which the parser reports: a multi-line one runs to the end of
                        // the file; a single-line one ends with its line, after which the scan goes on
                        if (startsWith(i, "\"\"\"")) {
                            return;
                        }
                        i = endOfLine(i);
                        continue;
                    }
                    checkEscapes(i, end);
                    escaped += rewriteOrCount(i, end);
                    if (escaped > MAX_ESCAPED_CHARS) {
                        throw refused(where(i) + ": the strings with backslash escapes hold more than "
                                + MAX_ESCAPED_CHARS / 1024 + " KB of text. Write long values as literal strings "
                                + "('...' or '''...''', which need no escapes), or keep them in a file named by path.");
                    }
                    i = advance(i, end);
                }
                default -> {
                }
            }
        }
    }

    private int endOfLine(int i) {
        while (i + 1 < text.length && text[i + 1] != '\n') {
            i++;
        }
        return i;
    }

    /** Past a literal string ('...' or '''...'''), counting its lines. */
    private int skipLiteral(int i) {
        boolean multi = startsWith(i, "'''");
        int from = multi ? i + 3 : i + 1;
        for (int j = from; j < text.length; j++) {
            if (multi ? startsWith(j, "'''") : text[j] == '\'') {
                int end = multi ? j + 2 : j;
                while (multi && end + 1 < text.length && text[end + 1] == '\'' && end - j < 4) {
                    end++;
                }
                return advance(i, end);
            }
            if (!multi && text[j] == '\n') {
                return j - 1;
            }
        }
        return advance(i, text.length - 1);
    }

    /** The index of the closing quote of the basic string opening at i, or -1 when it never closes. */
    private int basicString(int i) {
        boolean multi = startsWith(i, "\"\"\"");
        for (int j = multi ? i + 3 : i + 1; j < text.length; j++) {
            char c = text[j];
            if (c == '\\') {
                j++;
            } else if (!multi && c == '\n') {
                return -1;
            } else if (multi ? startsWith(j, "\"\"\"") : c == '"') {
                int end = multi ? j + 2 : j;
                // up to two quotes right before the closing three belong to the string
                while (multi && end + 1 < text.length && text[end + 1] == '"' && end - j < 4) {
                    end++;
                }
                return end;
            }
        }
        return -1;
    }

    /**
     * Each backslash escape of the basic string [start, end] is one TOML has; the parser would
     * trip over the others (an assertion inside it, not a parse error, for a bad \\u).
     */
    private void checkEscapes(int start, int end) throws SQLException {
        int bad = TomlEscapes.firstUnknown(text, start, end, startsWith(start, "\"\"\""));
        if (bad >= 0) {
            char next = text[bad + 1];
            int digits = next == 'u' ? 4 : next == 'U' ? 8 : 0;
            throw refused(whereIn(start, bad) + ": \\" + (digits > 0 ? next + " needs " + digits
                    + " hex digits naming a Unicode character" : "" + next + " is not an escape TOML knows")
                    + ". In a basic string (\"...\") write a backslash as \\\\, or use a literal string ('...').");
        }
    }

    /** file:line:column of index j, in a string that opened at start on the current line. */
    private String whereIn(int start, int j) {
        int line = this.line;
        int lineStart = this.lineStart;
        for (int k = start; k < j; k++) {
            if (text[k] == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return path + ":" + line + ":" + (j - lineStart + 1);
    }

    /** Turns the basic string into the same literal string when it can; otherwise the characters it costs. */
    private int rewriteOrCount(int start, int end) {
        boolean multi = startsWith(start, "\"\"\"");
        int open = multi ? 3 : 1;
        for (int j = start + open; j <= end - open; j++) {
            if (text[j] == '\\' || text[j] == '\'') {
                return end - start;
            }
        }
        for (int k = 0; k < open; k++) {
            text[start + k] = '\'';
            text[end - k] = '\'';
        }
        return 0;
    }

    /** Moves past [from, to], counting the lines in between. */
    private int advance(int from, int to) {
        for (int j = from; j <= to && j < text.length; j++) {
            if (text[j] == '\n') {
                line++;
                lineStart = j + 1;
            }
        }
        return to;
    }

    private boolean startsWith(int i, String s) {
        if (i + s.length() > text.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (text[i + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private String where(int i) {
        return path + ":" + line + ":" + (i - lineStart + 1);
    }

    private SQLException tooDeep(int i, String what) {
        return refused(where(i) + ": " + what + " nest more than " + MAX_NESTING + " levels deep. "
                + "Check this line: a secrets file needs a few levels (the [connections.<name>] section and its tables).");
    }

    private static SQLException refused(String message) {
        return SqlState.MALFORMED_SECRETS.exception("Malformed TOML: " + message);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
