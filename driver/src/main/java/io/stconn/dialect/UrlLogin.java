package io.stconn.dialect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * A {@code jdbc:} URL written with {@code user=} and {@code password=} in its query, taken apart
 * for the drivers that read both from the URL and from the connect Properties alike: the login
 * moves into the Properties and the URL keeps the rest. The driver then connects the same way,
 * and what it shows of its URL ({@code DatabaseMetaData.getURL()}, its own logs) holds no password.
 */
public final class UrlLogin {
    /** Drivers that decode {@code ?k=v&k=v} parameters (percent-encoding included) into the same Properties. */
    private static final Set<String> QUERY_STYLE = Set.of("jdbc:postgresql:", "jdbc:mysql:");
    private static final Set<String> LOGIN_KEYS = Set.of("user", "password");

    private UrlLogin() {
    }

    /**
     * The URL without its login parameters; each one taken is put into {@code into} (where it wins
     * over a value already there, as it did in the URL). Other URLs are returned unchanged.
     */
    public static String lift(String url, Properties into) {
        String prefix = QUERY_STYLE.stream().filter(p -> url.regionMatches(true, 0, p, 0, p.length()))
                .findFirst().orElse(null);
        int query = url.indexOf('?');
        if (prefix == null || query < 0) {
            return url;
        }
        StringBuilder kept = new StringBuilder(url.substring(0, query));
        Properties lifted = new Properties();
        char separator = '?';
        for (String param : url.substring(query + 1).split("&", -1)) {
            int eq = param.indexOf('=');
            String key = eq < 0 ? param : param.substring(0, eq);
            if (eq > 0 && LOGIN_KEYS.contains(key.toLowerCase(Locale.ROOT)) && key.equals(key.toLowerCase(Locale.ROOT))) {
                String value = decode(param.substring(eq + 1));
                if (value == null) {
                    return url; // not decodable as the driver would: leave the URL to the driver's own error
                }
                lifted.setProperty(key, value);
            } else if (!param.isEmpty()) {
                kept.append(separator).append(param);
                separator = '&';
            }
        }
        into.putAll(lifted);
        return kept.toString();
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
