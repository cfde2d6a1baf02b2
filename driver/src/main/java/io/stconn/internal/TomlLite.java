package io.stconn.internal;

import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

/**
 * A reader for the plain TOML nearly every secrets file is written in, so that a first connection
 * does not wait for tomlj's parser: tomlj is built on ANTLR, whose two hundred classes and
 * serialized automata cost a fresh JVM more than a tenth of a second before the first row.
 *
 * <p>It reads comments, {@code [a.b]} headers and {@code key = value} lines of bare keys, whose
 * values are single-line strings (basic strings with the common escapes, literal strings), decimal
 * integers, booleans, single-line inline tables and single-line arrays of one kind of those. For
 * anything else, including every error, it gives up ({@code null}) and tomlj reads the text: tomlj
 * stays the reference, and the only reader that reports errors. Where it answers, its tables are
 * tomlj's to the last position (a differential test holds it to that).
 */
public final class TomlLite {
    private static final int MAX_DIGITS = 18; // every decimal of 18 digits fits in a long

    private final String text;
    private int at;
    private int line = 1;
    private int lineStart;
    private int depth;

    private TomlLite(String text) {
        this.text = text;
    }

    /** The parsed text, or null when it holds anything but plain TOML, or is not valid TOML. */
    public static TomlParseResult parse(String text) {
        if (!plainCharacters(text)) {
            return null;
        }
        try {
            return new TomlLite(text).document();
        } catch (GiveUp e) {
            return null;
        }
    }

    /** No control character but tab and line ends (a CR only before LF), nothing outside the BMP, no BOM. */
    private static boolean plainCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
            boolean loneCr = c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n');
            if (control || loneCr || Character.isSurrogate(c) || c == '\uFEFF') {
                return false;
            }
        }
        return true;
    }

    private TomlLiteTable document() {
        TomlLiteTable root = new TomlLiteTable(TomlPosition.positionAt(1, 1), false);
        TomlLiteTable table = root;
        while (at < text.length()) {
            skipSpaces();
            if (at < text.length() && text.charAt(at) == '[') {
                table = header(root);
            } else if (at < text.length() && !lineEnds()) {
                keyValue(table);
            }
            endOfLine();
        }
        return root;
    }

    /** {@code [a.b.c]}: the tables on the way are made as needed; the last one must be new. */
    private TomlLiteTable header(TomlLiteTable root) {
        TomlPosition position = position();
        at++; // [
        if (peek() == '[') {
            throw GiveUp.INSTANCE; // an array of tables
        }
        TomlLiteTable table = root;
        while (true) {
            skipSpaces();
            String key = bareKey();
            skipSpaces();
            char next = peek();
            if (next == '.') {
                at++;
                table = table.tableOnTheWay(key, position);
            } else if (next == ']') {
                at++;
                return table.newTable(key, position);
            } else {
                throw GiveUp.INSTANCE;
            }
        }
    }

    /** {@code key = value}, in a table or an inline table; the key's position is the value's too. */
    private void keyValue(TomlLiteTable table) {
        TomlPosition position = position();
        String key = bareKey();
        skipSpaces();
        expect('=');
        skipSpaces();
        table.put(key, value(position), position);
    }

    private Object value(TomlPosition keyPosition) {
        char c = peek();
        if (c == '"') {
            return basicString();
        }
        if (c == '\'') {
            return literalString();
        }
        if (c == '{') {
            return inlineTable(keyPosition);
        }
        if (c == '[') {
            return array();
        }
        if (c == 't' || c == 'f') {
            return bool();
        }
        if (c == '+' || c == '-' || (c >= '0' && c <= '9')) {
            return integer();
        }
        throw GiveUp.INSTANCE;
    }

    private String basicString() {
        at++; // "
        if (peek() == '"') {
            at++;
            if (peek() == '"') {
                throw GiveUp.INSTANCE; // a multi-line string
            }
            return "";
        }
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                out.append(escaped(next()));
            } else if (c == '\n' || c == '\r') {
                throw GiveUp.INSTANCE;
            } else {
                out.append(c);
            }
        }
    }

    private static char escaped(char c) {
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            default -> throw GiveUp.INSTANCE; // u and U (code points), and every escape TOML refuses
        };
    }

    private String literalString() {
        int start = ++at; // '
        if (text.startsWith("''", start)) {
            throw GiveUp.INSTANCE; // three quotes: a multi-line literal string
        }
        int end = start;
        while (end < text.length() && text.charAt(end) != '\'') {
            char c = text.charAt(end);
            if (c == '\n' || c == '\r') {
                throw GiveUp.INSTANCE;
            }
            end++;
        }
        if (end == text.length()) {
            throw GiveUp.INSTANCE;
        }
        at = end + 1;
        return text.substring(start, end);
    }

    private Boolean bool() {
        for (String word : new String[] {"true", "false"}) {
            if (text.startsWith(word, at) && endsValue(at + word.length())) {
                at += word.length();
                return Boolean.valueOf(word);
            }
        }
        throw GiveUp.INSTANCE;
    }

    /** A decimal integer: an optional sign, then 0 or digits without a leading zero or underscores. */
    private Long integer() {
        int start = at;
        if (peek() == '+' || peek() == '-') {
            at++;
        }
        int digits = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        int count = at - digits;
        boolean leadingZero = count > 1 && text.charAt(digits) == '0';
        if (count == 0 || count > MAX_DIGITS || leadingZero || !endsValue(at)) {
            throw GiveUp.INSTANCE; // floats, dates, hex, underscores, inf, nan and the too long alike
        }
        return Long.valueOf(text.substring(start, at));
    }

    /** {@code { a = 1, b = "x" }} on one line, with bare keys; tomlj gives it its key's position. */
    private TomlLiteTable inlineTable(TomlPosition keyPosition) {
        at++; // {
        if (++depth > TomlInput.MAX_NESTING) {
            throw GiveUp.INSTANCE; // tomlj's own recursion, and the input bounds, are for it to meet
        }
        TomlLiteTable table = new TomlLiteTable(keyPosition, true);
        skipSpaces();
        if (peek() == '}') {
            at++;
            depth--;
            return table;
        }
        while (true) {
            skipSpaces();
            keyValue(table);
            skipSpaces();
            char c = next();
            if (c == '}') {
                depth--;
                return table;
            }
            if (c != ',') {
                throw GiveUp.INSTANCE;
            }
        }
    }

    /** {@code [1, 2]} or {@code ["a", 'b']} on one line, every element of one kind, no trailing comma. */
    private TomlLiteArray array() {
        at++; // [
        TomlLiteArray array = new TomlLiteArray();
        skipSpaces();
        if (peek() == ']') {
            at++;
            return array;
        }
        while (true) {
            skipSpaces();
            char c = peek();
            if (c == '{' || c == '[') {
                throw GiveUp.INSTANCE;
            }
            TomlPosition position = position();
            array.add(value(position), position);
            skipSpaces();
            c = next();
            if (c == ']') {
                return array;
            }
            if (c != ',') {
                throw GiveUp.INSTANCE;
            }
        }
    }

    /** A bare key that cannot be read as anything else: a letter or _ first, then letters, digits, _ and -. */
    private String bareKey() {
        int start = at;
        while (at < text.length() && bareKeyCharacter(text.charAt(at), at == start)) {
            at++;
        }
        String key = text.substring(start, at);
        if (key.isEmpty() || key.equals("true") || key.equals("false") || key.equals("inf") || key.equals("nan")) {
            throw GiveUp.INSTANCE;
        }
        return key;
    }

    static boolean bareKeyCharacter(char c, boolean first) {
        boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        return letter || (!first && ((c >= '0' && c <= '9') || c == '-'));
    }

    /** Whether a value may end at i: the line, a space, a comment, or the brackets around it go on. */
    private boolean endsValue(int i) {
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '#' || c == ',' || c == ']' || c == '}';
    }

    /** After a line's content: spaces, perhaps a comment, then the end of the line or of the text. */
    private void endOfLine() {
        skipSpaces();
        if (peek() == '#') {
            while (at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
                at++;
            }
        }
        if (at == text.length()) {
            return;
        }
        if (text.charAt(at) == '\r') {
            at++; // always before \n (plainCharacters)
        }
        expect('\n');
        line++;
        lineStart = at;
    }

    private boolean lineEnds() {
        char c = text.charAt(at);
        return c == '\n' || c == '\r' || c == '#';
    }

    private void skipSpaces() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw GiveUp.INSTANCE;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private char next() {
        if (at >= text.length()) {
            throw GiveUp.INSTANCE;
        }
        return text.charAt(at++);
    }

    /** tomlj's positions: the line from 1, the column from 1. */
    private TomlPosition position() {
        return TomlPosition.positionAt(line, at - lineStart + 1);
    }

    /** The text is not plain TOML: tomlj reads it. Thrown often enough on odd files to carry no stack. */
    static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super("not plain TOML", null, false, false);
        }
    }
}
