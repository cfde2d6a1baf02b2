package io.stconn.internal;

import org.tomlj.TomlPosition;

/**
 * The text {@link TomlLite} reads, and the steps through it every part of the grammar takes:
 * spaces, bare keys, line ends, and tomlj's positions (the line and the column, both from 1).
 */
abstract class TomlLiteText {
    final String text;
    int at;
    private int line = 1;
    private int lineStart;

    TomlLiteText(String text) {
        this.text = text;
    }

    /** No control character but tab and line ends (a CR only before LF), nothing outside the BMP, no BOM. */
    static boolean plainCharacters(String text) {
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

    /** A bare key that cannot be read as anything else: a letter or _ first, then letters, digits, _ and -. */
    final String bareKey() {
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
    final boolean endsValue(int i) {
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '#' || c == ',' || c == ']' || c == '}';
    }

    /** After a line's content: spaces, perhaps a comment, then the end of the line or of the text. */
    final void endOfLine() {
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

    final boolean lineEnds() {
        char c = text.charAt(at);
        return c == '\n' || c == '\r' || c == '#';
    }

    final void skipSpaces() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
    }

    final void expect(char c) {
        if (next() != c) {
            throw GiveUp.INSTANCE;
        }
    }

    final char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    final char next() {
        if (at >= text.length()) {
            throw GiveUp.INSTANCE;
        }
        return text.charAt(at++);
    }

    /** tomlj's positions: the line from 1, the column from 1. */
    final TomlPosition position() {
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
