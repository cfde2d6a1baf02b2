package io.stconn.dialect;

import io.stconn.SqlState;
import io.stconn.internal.Masking;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A parsed SQLAlchemy URL, {@code dialect[+driver]://[user[:password]@]host[:port]/database?k=v&k=v},
 * read as SQLAlchemy's {@code make_url} reads it, a little more leniently: the user-info ends at the
 * last '@' before the query, so an unencoded '@' or '/' in a password still works.
 */
public final class SqlAlchemyUrl {
    private static final Pattern NAME = Pattern.compile("\\w+(\\+\\w+)?");
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

        // the query starts at the first '?'; a '?' in a password must be encoded
        int question = rest.indexOf('?');
        String main = question < 0 ? rest : rest.substring(0, question);
        Map<String, String> query = question < 0 ? Map.of() : query(rest.substring(question + 1));

        // "sqlite:///file.db" has an empty authority: an '@' further on belongs to the path
        int at = main.startsWith("/") ? -1 : main.lastIndexOf('@');
        String username = null;
        String password = null;
        if (at >= 0) {
            String userInfo = main.substring(0, at);
            int colon = userInfo.indexOf(':');
            username = PercentCoding.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), false);
            password = colon < 0 ? null : PercentCoding.decode(userInfo.substring(colon + 1), false);
            if (username.isEmpty()) {
                username = null;
            }
        }
        String location = main.substring(at + 1);
        int slash = location.indexOf('/');
        String database = slash < 0 ? null : PercentCoding.decode(location.substring(slash + 1), false);
        HostPort hostPort = hostPort(slash < 0 ? location : location.substring(0, slash));

        ConnectionParts parts = new ConnectionParts(hostPort.host(), port(hostPort.port()),
                database == null || database.isEmpty() ? null : database, query, username, password);
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
            int close = hostPort.indexOf(']');
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

    // Python's parse_qsl: '&'-separated, '+' is a space, pairs without a value are skipped, last one wins
    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                continue;
            }
            String key = PercentCoding.decode(pair.substring(0, equals), true);
            parameters.remove(key); // a repeated key moves to where it was last given
            parameters.put(key, PercentCoding.decode(pair.substring(equals + 1), true));
        }
        return parameters;
    }

    // the hint where the likely cause is an unencoded character in the user name or password
    private static SQLException invalid(String what, boolean hint) {
        return SqlState.INVALID_VALUE.exception("Invalid SQLAlchemy url: " + what + (hint ? ENCODING_HINT : ""));
    }
}
