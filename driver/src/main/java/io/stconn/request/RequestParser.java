package io.stconn.request;

import io.stconn.SqlState;
import io.stconn.StconnKey;
import io.stconn.internal.Env;
import io.stconn.spi.Environment;
import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConfigValue.Source;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code jdbc:stconn:<name>[?k=v&...]} plus connect() Properties into a request.
 * Precedence, highest first: 1. connect() Properties (an empty user or password counts as absent,
 * since GUI tools send empty fields), 2. URL parameters. The secrets come third, later.
 */
public final class RequestParser {
    public static final String PREFIX = "jdbc:stconn:";
    private static final String ENV_PREFIX = "env:";
    private static final Pattern DURATION = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?\\s*");

    private RequestParser() {
    }

    public static boolean accepts(String url) {
        return url != null && (url.startsWith(PREFIX) || url.regionMatches(true, 0, PREFIX, 0, PREFIX.length()));
    }

    public static ConnectionRequest parse(String url, Properties info, Environment env) throws SQLException {
        if (!accepts(url)) {
            throw SqlState.INVALID_URL.exception("Not a stconn URL: it must start with " + PREFIX
                    + " followed by a connection name, as in jdbc:stconn:mydb");
        }
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String rawName = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? "" : rest.substring(q + 1);

        String name = decode(rawName, "the connection name");
        if (name.regionMatches(true, 0, ENV_PREFIX, 0, ENV_PREFIX.length())) {
            String variable = name.substring(ENV_PREFIX.length());
            if (variable.isBlank()) {
                throw SqlState.INVALID_URL.exception("The URL jdbc:stconn:env: names no environment variable: write "
                        + "jdbc:stconn:env:<VARIABLE>, where the variable holds the connection name");
            }
            String value = env.variable(variable);
            if (value == null || value.isBlank()) {
                throw SqlState.INVALID_URL.exception("The URL jdbc:stconn:env:" + variable + " takes the connection name "
                        + "from environment variable '" + variable + "', which is not set. Set it, or write the name "
                        + "itself: jdbc:stconn:<name>");
            }
            name = value.trim();
        }
        if (name.isBlank()) {
            throw SqlState.INVALID_URL.exception("No connection name in the URL: write jdbc:stconn:<name>, where <name> "
                    + "is a [connections.<name>] section of .streamlit/secrets.toml");
        }

        Map<String, ConfigValue> kwargs = new TreeMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq), "a URL parameter name").trim();
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "the value of URL parameter '" + key + "'");
                if (key.isEmpty()) {
                    throw SqlState.INVALID_URL.exception("A URL parameter has no name: write jdbc:stconn:<name>?key=value&key=value");
                }
                kwargs.put(key, new ConfigValue(key, value, Source.URL_PARAMETER, "URL parameter"));
            }
        }
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                putProperty(kwargs, key, info.getProperty(key));
            }
            info.forEach((k, v) -> {
                if (k instanceof String key && v != null && !(v instanceof String)) {
                    putProperty(kwargs, key, String.valueOf(v));
                }
            });
        }
        Duration ttl = ttl(kwargs.get(StconnKey.TTL.key()));
        Integer maxEntries = maxEntries(kwargs.get(StconnKey.MAX_ENTRIES.key()));
        return new ConnectionRequest(name, kwargs, ttl, maxEntries);
    }

    /** The project folder named by the request, the environment, or the working directory. */
    public static String projectDir(ConnectionRequest request, Environment env) {
        String dir = request.get(StconnKey.PROJECT_DIR);
        if (dir == null || dir.isBlank()) {
            dir = env.get(Env.STCONN_PROJECT_DIR.key());
        }
        if (dir == null) {
            dir = env.get(Env.USER_DIR.key());
        }
        return dir == null ? "." : dir;
    }

    private static void putProperty(Map<String, ConfigValue> kwargs, String key, String value) {
        if (value == null) {
            return;
        }
        boolean credential = key.equals("user") || key.equals("password");
        if (credential && value.isEmpty()) {
            return;
        }
        kwargs.put(key, new ConfigValue(key, value, Source.PROPERTY, "connect() property"));
    }

    static Duration ttl(ConfigValue value) throws SQLException {
        if (value == null || value.text().isBlank()) {
            return null;
        }
        String text = value.text().trim();
        Duration ttl = null;
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
            double millis = amount * switch (unit) {
                case "ms" -> 1;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                case "d" -> 86_400_000;
                default -> 1_000;
            };
            ttl = Duration.ofNanos(Math.round(millis * 1_000_000));
        } else if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                ttl = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                ttl = null;
            }
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw SqlState.INVALID_VALUE.exception("Invalid ttl '" + text + "' (" + value.origin() + "): give a positive "
                    + "number of seconds such as 300, or a duration such as 30s, 10m, 1h, 1d or PT5M");
        }
        return ttl;
    }

    static Integer maxEntries(ConfigValue value) throws SQLException {
        if (value == null || value.text().isBlank()) {
            return null;
        }
        String text = value.text().trim();
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SqlState.INVALID_VALUE.exception("Invalid max_entries '" + text + "' (" + value.origin()
                + "): give a whole number of at least 1, or leave it out for an unbounded cache");
    }

    /** Percent-decoding; '+' stays '+' (names and values are not form-encoded). */
    static String decode(String text, String what) throws SQLException {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int plainStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '%') {
                byte[] plain = text.substring(plainStart, i).getBytes(StandardCharsets.UTF_8);
                out.write(plain, 0, plain.length);
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw SqlState.INVALID_URL.exception("Bad percent-encoding in " + what + " of the jdbc:stconn: URL: "
                            + "'%' must be followed by two hex digits (write %25 for a literal '%')");
                }
                out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
                plainStart = i + 1;
            }
        }
        byte[] plain = text.substring(plainStart).getBytes(StandardCharsets.UTF_8);
        out.write(plain, 0, plain.length);
        return out.toString(StandardCharsets.UTF_8);
    }
}
