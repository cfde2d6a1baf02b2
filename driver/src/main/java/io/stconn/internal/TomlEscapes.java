package io.stconn.internal;

/** The backslash escapes of TOML's basic strings, told apart from the ones TOML does not have. */
final class TomlEscapes {
    private TomlEscapes() {
    }

    /**
     * The index of the first backslash in text[start, end] (a basic string, its quotes included)
     * whose escape TOML does not have, or -1: the short ones, \\u with 4 and \\U with 8 hex digits
     * naming a Unicode scalar value, and in a multi-line string a backslash ending a line.
     */
    static int firstUnknown(char[] text, int start, int end, boolean multi) {
        for (int j = start + 1; j < end; j++) {
            if (text[j] != '\\') {
                continue;
            }
            char next = text[j + 1];
            int digits = next == 'u' ? 4 : next == 'U' ? 8 : 0;
            boolean known = "btnfr\"\\".indexOf(next) >= 0 || multi && Character.isWhitespace(next)
                    || digits > 0 && codePoint(text, j + 2, digits, end);
            if (!known) {
                return j;
            }
            j += 1 + digits;
        }
        return -1;
    }

    private static boolean codePoint(char[] text, int from, int digits, int end) {
        if (from + digits > end) {
            return false;
        }
        int value = 0;
        for (int k = from; k < from + digits; k++) {
            int d = Character.digit(text[k], 16);
            if (d < 0) {
                return false;
            }
            value = value * 16 + d;
            if (value > Character.MAX_CODE_POINT) {
                return false;
            }
        }
        return value < Character.MIN_SURROGATE || value > Character.MAX_SURROGATE;
    }
}
