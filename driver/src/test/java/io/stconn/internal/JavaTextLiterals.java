package io.stconn.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The string values a Java source spells out: its literals and text blocks, with the pieces of a
 * {@code "a" + "b"} chain joined, as the compiler would. Good enough for the sources of this
 * project's tests, where the TOML texts the other tests parse are written.
 */
final class JavaTextLiterals {
    private final String source;
    private final List<String> out = new ArrayList<>();
    private StringBuilder chain;
    private boolean plus;

    private JavaTextLiterals(String source) {
        this.source = unicodeEscapes(source);
    }

    static List<String> in(String source) {
        JavaTextLiterals literals = new JavaTextLiterals(source);
        literals.scan();
        return literals.out;
    }

    private void scan() {
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = lineEnd(i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = closing(i + 1, "'") + 1;
                end();
            } else if (source.startsWith("\"\"\"", i)) {
                int end = closing(i + 3, "\"\"\"");
                String raw = source.substring(i + 3, Math.min(end, n));
                piece(raw.substring(raw.indexOf('\n') + 1).stripIndent());
                i = end + 3;
            } else if (c == '"') {
                int end = closing(i + 1, "\"");
                piece(source.substring(i + 1, Math.min(end, n)));
                i = end + 1;
            } else if (c == '+' && chain != null && !plus) {
                plus = true;
                i++;
            } else {
                if (!Character.isWhitespace(c)) {
                    end();
                }
                i++;
            }
        }
        end();
    }

    /** Where the quote that ends a literal starting at from is: the first one not escaped. */
    private int closing(int from, String quote) {
        int i = from;
        while (i < source.length() && !source.startsWith(quote, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private int lineEnd(int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }

    private void piece(String raw) {
        String value;
        try {
            value = raw.translateEscapes();
        } catch (IllegalArgumentException e) {
            end();
            return;
        }
        if (chain != null && plus) {
            chain.append(value);
            plus = false;
        } else {
            end();
            chain = new StringBuilder(value);
        }
    }

    private void end() {
        if (chain != null) {
            out.add(chain.toString());
        }
        chain = null;
        plus = false;
    }

    /** The compiler reads {@code \}{@code uXXXX} before anything else, wherever it is. */
    private static String unicodeEscapes(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int backslashes = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < source.length() && source.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= source.length() && source.substring(j, j + 4).matches("[0-9a-fA-F]{4}")) {
                    out.append((char) Integer.parseInt(source.substring(j, j + 4), 16));
                    i = j + 3;
                    backslashes = 0;
                    continue;
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            out.append(c);
        }
        return out.toString();
    }
}
