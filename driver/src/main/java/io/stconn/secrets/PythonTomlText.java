package io.stconn.secrets;

/**
 * Streamlit reads secrets.toml with Python's {@code toml} package, which accepts some text TOML 1.0
 * refuses. So that a file the Streamlit app reads is never refused whole here, the text is first
 * brought to TOML 1.0 where the meaning is not in doubt: a no-break space outside strings is a
 * space, a non-ASCII bare key is quoted, a control character in a comment is a space and in a
 * basic string an escape, a lone CR is a line end. Nothing else changes, and no line is added or
 * removed, so positions in parse errors stay those of the file.
 */
final class PythonTomlText {
    private enum State { PLAIN, BASIC, LITERAL, MULTI_BASIC, MULTI_LITERAL, COMMENT }

    private PythonTomlText() {
    }

    static String compatible(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        State state = State.PLAIN;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                c = '\n'; // a lone CR, which Python's splitting of lines reads as a line end
            }
            switch (state) {
                case PLAIN -> {
                    if (text.startsWith("\"\"\"", i) || text.startsWith("'''", i)) {
                        state = c == '"' ? State.MULTI_BASIC : State.MULTI_LITERAL;
                        out.append(text, i, i + 3);
                        i += 3;
                        continue;
                    }
                    if (c == '"' || c == '\'' || c == '#') {
                        state = c == '"' ? State.BASIC : c == '\'' ? State.LITERAL : State.COMMENT;
                    } else if (c == '\u00a0') {
                        c = ' ';
                    } else if (bareKeyCharacter(c)) {
                        i = bareWord(text, i, out);
                        continue;
                    }
                    out.append(c);
                }
                case COMMENT -> {
                    if (c == '\n') {
                        state = State.PLAIN;
                    }
                    out.append(c != '\n' && c != '\t' && Character.isISOControl(c) ? ' ' : c);
                }
                case BASIC, MULTI_BASIC -> {
                    if (c == '\\' && i + 1 < text.length()) {
                        out.append(c).append(text.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    boolean multi = state == State.MULTI_BASIC;
                    if (multi ? text.startsWith("\"\"\"", i) : c == '"' || c == '\n') {
                        state = State.PLAIN; // the string ends here (or, unterminated, at the line end)
                        out.append(c);
                    } else {
                        appendInString(c, multi, out);
                    }
                }
                case LITERAL, MULTI_LITERAL -> {
                    boolean multi = state == State.MULTI_LITERAL;
                    if (multi ? text.startsWith("'''", i) : c == '\'' || c == '\n') {
                        state = State.PLAIN;
                    }
                    out.append(c);
                }
                default -> throw new IllegalStateException(state.name());
            }
            i++;
        }
        return out.toString();
    }

    // a run of letters, digits, '_' and '-': quoted when it holds a character TOML 1.0 bare keys cannot
    private static int bareWord(String text, int start, StringBuilder out) {
        int end = start;
        boolean ascii = true;
        while (end < text.length() && bareKeyCharacter(text.charAt(end))) {
            ascii &= text.charAt(end) < 0x80;
            end++;
        }
        String word = text.substring(start, end);
        out.append(ascii ? word : "\"" + word + "\"");
        return end;
    }

    private static boolean bareKeyCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || (c >= 0x80 && Character.getType(c)
                == Character.NON_SPACING_MARK);
    }

    private static void appendInString(char c, boolean multi, StringBuilder out) {
        boolean allowed = c == '\t' || (multi && c == '\n');
        if (!allowed && (c < 0x20 || c == 0x7f)) {
            out.append(String.format("\\u%04X", (int) c));
        } else {
            out.append(c);
        }
    }
}
