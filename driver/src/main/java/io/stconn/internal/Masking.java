package io.stconn.internal;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one place that decides what is secret and how it is hidden. */
public final class Masking {
    public static final String MASK = "****";

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|pwd|secret|token|passphrase|private_key|privatekey|credential|api_?key|access_?key).*");
    // user:password@ inside URLs (SQLAlchemy and most JDBC URL forms)
    private static final Pattern URL_USERINFO = Pattern.compile("(//[^/@:\\s]*:)([^@\\s]*)(@)");
    // key=value pairs in URLs and connection strings whose key looks secret
    private static final Pattern URL_SECRET_PARAM = Pattern.compile(
            "(?i)([?&;:]\\s*[a-z_.]*(?:password|passwd|pwd|secret|token|passphrase)[a-z_.]*\\s*=)([^&;\\s]*)");

    private Masking() {
    }

    /** True for keys whose values must never be shown. */
    public static boolean isSecretKey(String key) {
        return key != null && SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
    }

    /** The value as it may be shown for this key. */
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
        return url(String.valueOf(value));
    }

    /** Hides the password of user:password@ and secret-looking parameters inside a URL. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String masked = URL_USERINFO.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        return URL_SECRET_PARAM.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }
}
