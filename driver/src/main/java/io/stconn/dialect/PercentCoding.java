package io.stconn.dialect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-decoding as Python's urllib does it, and the strict encoding JDBC URL paths need. */
final class PercentCoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCoding() {
    }

    /**
     * Decodes %XX escapes as UTF-8. Like Python's {@code unquote}, a '%' that does not start a valid
     * escape is kept as it is, so an unencoded "50%off" password still works the way it does in
     * the Streamlit app. {@code plusIsSpace} is for query strings only ({@code parse_qsl}).
     */
    static String decode(String text, boolean plusIsSpace) {
        if (text == null || (text.indexOf('%') < 0 && (!plusIsSpace || text.indexOf('+') < 0))) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 3;
                continue;
            }
            flush(bytes, out);
            out.append(plusIsSpace && c == '+' ? ' ' : c);
            i++;
        }
        flush(bytes, out);
        return out.toString();
    }

    /** Encodes everything except RFC 3986 unreserved characters, for drivers that decode their URL path. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    // Undecodable byte sequences become U+FFFD, as with Python's errors='replace'.
    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
