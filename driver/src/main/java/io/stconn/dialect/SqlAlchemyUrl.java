package io.stconn.dialect;

import io.stconn.SqlState;
import io.stconn.internal.Masking;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed SQLAlchemy URL, {@code dialect[+driver]://[user[:password]@]host[:port]/database?k=v&k=v},
 * split as SQLAlchemy's {@code make_url} splits it (a raw '?' or '/' in a password belongs to the
 * password; the database is kept as written, percent escapes included), a little more leniently:
 * an unencoded '@' in the password still works, and text SQLAlchemy would silently drop is refused.
 */
public final class SqlAlchemyUrl {
    private static final Pattern NAME = Pattern.compile("\\w+(\\+\\w+)?");
    private static final Pattern USER_INFO = Pattern.compile("([^:/]*)(?::([^@]*))?@");
    private static final String ENCODING_HINT = " Special characters in the user name and password"
            + " (@ : / ? # & % and spaces) must be percent-encoded, for example '@' as %40 and '/' as %2F.";

    private final String dialect;
    private final String pythonDriver;
    private final ConnectionParts parts;

    private SqlAlchemyUrl(String dialect, String pythonDriver, ConnectionParts parts) {
        this.dialect = dialect;
        this.pythonDriver = pythonDriver;
        this.parts = parts;
    }

    /**
     * Throws {@link SqlState#INVALID_VALUE} naming the part that is wrong. The messages never quote
     * the url: a malformed one is most often a password with an unencoded special character.
     */
    public static SqlAlchemyUrl parse(String url) throws SQLException {
        if (url == null || url.isBlank()) {
            throw invalid("it is empty.", false);
        }
        String text = url.strip();
        if (text.regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw invalid("it is a JDBC URL; JDBC URLs are used as they are, not parsed here.", false);
        }
        int separator = text.indexOf("://");
        if (separator < 0) {
            throw invalid("there is no '://' after the dialect"
                    + " (expected dialect[+driver]://user:password@host:port/database).", true);
        }
        String name = text.substring(0, separator);
        if (!NAME.matcher(name).matches()) {
            throw invalid("the dialect before '://' may contain only letters, digits and '_', optionally"
                    + " followed by '+' and the Python driver (as in postgresql+psycopg2).", false);
        }
        int plus = name.indexOf('+');
        String rest = text.substring(separator + 3);

        // the user-info as SQLAlchemy's make_url reads it: a user name without ':' or '/', then ':'
        // and a password without '@'; so a raw '?' or '/' in a password is part of it
        String username = null;
        String password = null;
        int hostStart = 0;
        Matcher login = USER_INFO.matcher(rest);
        if (login.lookingAt()) {
            username = PercentCoding.decode(login.group(1), false);
            password = login.group(2);
            hostStart = login.end();
            int query = rest.indexOf('?', hostStart);
            int lastAt = rest.lastIndexOf('@', (query < 0 ? rest.length() : query) - 1);
            if (password != null && lastAt >= hostStart) {
                // more lenient than SQLAlchemy: an unencoded '@' (and '/' before it) in the password is the password's
                password = rest.substring(login.start(2), lastAt);
                hostStart = lastAt + 1;
            }
            password = PercentCoding.decode(password, false);
            if (username.isEmpty()) {
                username = null;
            }
        } else if (!rest.startsWith("/") && rest.indexOf('@') >= 0
                && (rest.indexOf('?') < 0 || rest.indexOf('@') < rest.indexOf('?'))) {
            // SQLAlchemy would read the user name as the host and the password as part of the database
            throw invalid("there is an '@' after a '/': the user name may not contain an unencoded '/'.", true);
        }
        int hostEnd = endOfHost(rest, hostStart);
        HostPort hostPort = hostPort(rest.substring(hostStart, hostEnd));
        String after = rest.substring(hostEnd);
        int question = after.indexOf('?');
        String path = question < 0 ? after : after.substring(0, question);
        // SQLAlchemy keeps the database as written: "my%20db.db" is a file of that name, not "my db.db"
        String database = path.length() > 1 ? path.substring(1) : null;
        Map<String, List<String>> query = question < 0 ? Map.of() : query(after.substring(question + 1));

        Map<String, String> last = new LinkedHashMap<>();
        Map<String, List<String>> repeated = new LinkedHashMap<>();
        query.forEach((key, values) -> {
            last.put(key, values.get(values.size() - 1));
            if (values.size() > 1) {
                repeated.put(key, values);
            }
        });
        ConnectionParts parts = new ConnectionParts(hostPort.host(), port(hostPort.port()), database, last, username,
                password, repeated);
        return new SqlAlchemyUrl(plus < 0 ? name : name.substring(0, plus),
                plus < 0 ? null : name.substring(plus + 1), parts);
    }

    /** The SQLAlchemy dialect name as written, without the driver: "postgresql". */
    public String dialect() {
        return dialect;
    }

    /** Python's DBAPI module ("psycopg2"), null when absent. It means nothing to JDBC and is kept for messages. */
    public String pythonDriver() {
        return pythonDriver;
    }

    public ConnectionParts parts() {
        return parts;
    }

    /** Whether the password part of the url holds a percent escape, which parsing decodes (as SQLAlchemy does). */
    public static boolean passwordIsEncoded(String url) {
        int separator = url.indexOf("://");
        if (separator < 0) {
            return false;
        }
        String rest = url.substring(separator + 3);
        int question = rest.indexOf('?');
        String main = question < 0 ? rest : rest.substring(0, question);
        int at = main.startsWith("/") ? -1 : main.lastIndexOf('@');
        int colon = at < 0 ? -1 : main.substring(0, at).indexOf(':');
        return colon >= 0 && main.substring(colon + 1, at).indexOf('%') >= 0;
    }

    /** The url re-assembled from its decoded parts, with the password and secret parameters masked. */
    @Override
    public String toString() {
        StringBuilder url = new StringBuilder(dialect);
        if (pythonDriver != null) {
            url.append('+').append(pythonDriver);
        }
        url.append("://");
        if (parts.username() != null || parts.password() != null) {
            url.append(parts.username() == null ? "" : parts.username())
                    .append(parts.password() == null ? "" : ":" + Masking.MASK).append('@');
        }
        if (parts.host() != null) {
            url.append(parts.host().indexOf(':') >= 0 ? "[" + parts.host() + "]" : parts.host());
        }
        if (parts.port() != null) {
            url.append(':').append(parts.port());
        }
        if (parts.database() != null) {
            url.append('/').append(parts.database());
        }
        if (!parts.query().isEmpty()) {
            StringJoiner query = new StringJoiner("&", "?", "");
            parts.query().forEach((key, value) -> query.add(key + "=" + Masking.value(key, value)));
            url.append(query);
        }
        return url.toString();
    }

    private record HostPort(String host, String port) {
        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof HostPort other
                && Objects.equals(host, other.host)
                && Objects.equals(port, other.port);
        }

        @Override
        public int hashCode() {
            return Objects.hash(host, port);
        }

        @Override
        public String toString() {
            return "HostPort[host=" + host + ", port=" + port + "]";
        }
    }

    // "host", "host:port", "[v6]" or "[v6]:port"; the port is checked by port()
    private static HostPort hostPort(String hostPort) throws SQLException {
        String host;
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.lastIndexOf(']');
            if (close < 0) {
                throw invalid("the IPv6 address after '[' has no closing ']'.", true);
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw invalid("only ':' and the port may follow the ']' of an IPv6 address.", true);
            }
            port = after.isEmpty() ? null : after.substring(1);
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
            if (port != null && port.indexOf(':') >= 0) {
                throw invalid("an IPv6 address must be written in brackets, as in [::1]:5432.", true);
            }
        }
        return new HostPort(host.isEmpty() ? null : PercentCoding.decode(host, false), port);
    }

    private static Integer port(String port) throws SQLException {
        if (port == null) {
            return null;
        }
        if (port.isEmpty()) {
            throw invalid("the port after ':' is empty; give a number or leave out the ':'.", true);
        }
        if (!port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("the port is not a number.", true);
        }
        if (port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw invalid("the port must be between 1 and 65535.", true);
        }
        return Integer.parseInt(port);
    }

    // Python's parse_qsl: '&'-separated, '+' is a space, pairs without a value are skipped; a key
    // given again keeps all its values in order, as SQLAlchemy's URL.query does
    private static Map<String, List<String>> query(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                continue;
            }
            String key = PercentCoding.decode(pair.substring(0, equals), true);
            parameters.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(PercentCoding.decode(pair.substring(equals + 1), true));
        }
        return parameters;
    }

    private static int endOfHost(String rest, int from) {
        for (int i = from; i < rest.length(); i++) {
            if (rest.charAt(i) == '/' || rest.charAt(i) == '?') {
                return i;
            }
        }
        return rest.length();
    }

    // the hint where the likely cause is an unencoded character in the user name or password
    private static SQLException invalid(String what, boolean hint) {
        return SqlState.INVALID_VALUE.exception("Invalid SQLAlchemy url: " + what + (hint ? ENCODING_HINT : ""));
    }
}
