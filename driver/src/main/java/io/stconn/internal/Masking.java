package io.stconn.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one place that decides what is secret and how it is hidden. */
public final class Masking {
    public static final String MASK = "****";

    // one list of what makes a key secret, for keys alone and for key=value pairs inside URLs
    private static final String SECRET_WORDS =
            "password|passwd|pwd|passcode|secret|token|passphrase|private_?key|credential|api_?key|access_?key";
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(" + SECRET_WORDS + ").*");
    // key=value in URLs and connection strings whose key is secret; a value may be braced as {a;b}
    private static final Pattern URL_SECRET_PARAM = Pattern.compile("(?i)((?:^|[?&;:/\\s])[\\w.\\-]*(?:" + SECRET_WORDS
            + ")[\\w.\\-]*\\s*=\\s*)(\\{(?:[^}]|\\}\\})*\\}|[^&;\\s]*)");
    // Oracle's thin form: jdbc:oracle:thin:user/password@host
    private static final Pattern ORACLE_LOGIN = Pattern.compile("(?i)(:thin:[^/@:\\s]*/)([^@\\s]*)(@)");

    private Masking() {
    }

    /** True for keys whose values must never be shown. */
    public static boolean isSecretKey(String key) {
        return key != null && SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
    }

    /** The value as it may be shown for this key: tables and lists masked entry by entry. */
    public static String value(String key, Object value) {
        if (value == null) {
            return null;
        }
        if (isSecretKey(key)) {
            return MASK;
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner joined = new StringJoiner(", ", "{", "}");
            map.forEach((k, v) -> joined.add(k + "=" + value(String.valueOf(k), v)));
            return joined.toString();
        }
        if (value instanceof List<?> list) {
            StringJoiner joined = new StringJoiner(", ", "[", "]");
            list.forEach(v -> joined.add(value(key, v)));
            return joined.toString();
        }
        return url(String.valueOf(value));
    }

    /** Driver properties as they may be shown: sorted by key, each value masked for its key. */
    public static String properties(Properties props) {
        StringJoiner shown = new StringJoiner(", ", "{", "}");
        new TreeSet<>(props.stringPropertyNames()).forEach(k -> shown.add(k + "=" + value(k, props.getProperty(k))));
        return shown.toString();
    }

    /**
     * Hides passwords inside a URL: the password of {@code scheme://user:password@host} (the
     * user-info ends at the last '@' before the query, as the URL parser reads it), Oracle's
     * {@code user/password@}, and the value of every parameter whose key is secret.
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String masked = maskUserInfo(url);
        masked = ORACLE_LOGIN.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        return URL_SECRET_PARAM.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    private static String maskUserInfo(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int start = scheme + 3;
        int query = url.indexOf('?', start);
        int at = url.lastIndexOf('@', query < 0 ? url.length() : query);
        if (at < start) {
            return url;
        }
        int colon = url.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return url;
        }
        return url.substring(0, colon + 1) + MASK + url.substring(at);
    }

    /** The jdbc:stconn: URL without the parameters that are, or hold, a secret. */
    public static String withoutSecretParameters(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        StringBuilder kept = new StringBuilder(url.substring(0, query));
        char separator = '?';
        for (String param : url.substring(query + 1).split("&")) {
            int eq = param.indexOf('=');
            String key = eq < 0 ? param : param.substring(0, eq);
            if (!param.isEmpty() && !holdsSecret(decoded(key), decoded(eq < 0 ? "" : param.substring(eq + 1)))) {
                kept.append(separator).append(param);
                separator = '&';
            }
        }
        return kept.toString();
    }

    /** Whether a key is secret, or its value holds a secret (a URL with a password): such pairs never leave. */
    public static boolean holdsSecret(String key, String value) {
        return key == null || value == null || isSecretKey(key) || !url(value).equals(value);
    }

    /** Percent-decoded, or null when it cannot be (then it is left out, to be safe). */
    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
