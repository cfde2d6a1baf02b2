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
public final class TomlLite extends TomlLiteText {
    private static final int MAX_DIGITS = 18; // every decimal of 18 digits fits in a long

    private int depth;

    private TomlLite(String text) {
        super(text);
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
}
