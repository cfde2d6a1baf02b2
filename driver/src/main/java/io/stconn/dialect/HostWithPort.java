package io.stconn.dialect;

import io.stconn.SqlState;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code host = "db.example.com:5432"} in the parts form: SQLAlchemy's URL.create keeps the whole
 * text as the host, which no driver resolves; stconn reads it as host and port, as the user meant.
 */
final class HostWithPort {
    private static final Pattern NAME_AND_PORT = Pattern.compile("([^:\\[\\]]+|\\[[^\\]]+\\]):(\\d{1,5})");

    private HostWithPort() {
    }

    static ConnectionParts split(ConnectionParts parts) throws SQLException {
        Matcher m = parts.host() == null ? null : NAME_AND_PORT.matcher(parts.host().strip());
        if (m == null || !m.matches()) {
            return parts;
        }
        int port = Integer.parseInt(m.group(2));
        if (parts.port() != null && parts.port() != port) {
            throw SqlState.INVALID_VALUE.exception("the host ends in port " + port + " and the port is " + parts.port()
                    + "; give the port once, as port = " + port);
        }
        String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        return new ConnectionParts(host, port, parts.database(), parts.query(), parts.username(), parts.password(),
                parts.repeated());
    }
}
