package io.stconn.dialect;

import io.stconn.SqlState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * libpq's {@code host} and {@code port} connect arguments, which psycopg2 users put in the query:
 * {@code ?host=h1:5432&host=h2:5433} (SQLAlchemy's multi-host form) or {@code ?host=h1,h2&port=5432,5433}
 * (libpq's own). They replace the url's host, as they do in libpq, and become pgjdbc's multi-host URL.
 */
final class PostgresHosts {
    private PostgresHosts() {
    }

    /** "host:port" for each server, IPv6 in brackets; null when the query names no host. */
    static List<String> of(ConnectionParts parts, int defaultPort) throws SQLException {
        List<String> given = parts.repeated().get("host");
        String single = parts.query().get("host");
        if (given == null && single == null) {
            return null;
        }
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        if (given != null) {
            if (parts.port() != null || parts.query().containsKey("port")) {
                throw SqlState.INVALID_VALUE.exception("the host parameter is given several times, each as host:port, and"
                        + " a port is given too; as in SQLAlchemy, use host=h1:p1&host=h2:p2 or host=h1,h2&port=p1,p2");
            }
            for (String token : given) {
                int colon = token.lastIndexOf(':');
                boolean hasPort = colon >= 0
                        && (token.startsWith("[") ? token.indexOf(']') < colon : token.indexOf(':') == colon);
                hosts.add(hasPort ? token.substring(0, colon) : token);
                ports.add(hasPort ? token.substring(colon + 1) : "");
            }
        } else {
            hosts.addAll(List.of(single.split(",", -1)));
            String port = parts.query().getOrDefault("port", parts.port() == null ? "" : parts.port().toString());
            ports.addAll(List.of(port.split(",", -1)));
            if (ports.size() != 1 && ports.size() != hosts.size()) {
                throw SqlState.INVALID_VALUE.exception("the port parameter gives " + ports.size() + " ports for "
                        + hosts.size() + " hosts; give one port for all, or one for each host");
            }
        }
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i).strip();
            if (host.isEmpty() || host.startsWith("/") || host.startsWith("@")) {
                throw noSocket();
            }
            String port = (ports.size() == 1 ? ports.get(0) : ports.get(i)).strip();
            if (!port.isEmpty() && !port.matches("\\d{1,5}")) {
                throw SqlState.INVALID_VALUE.exception("the port of host parameter " + (i + 1) + " is not a number");
            }
            boolean v6 = host.indexOf(':') >= 0 && !host.startsWith("[");
            servers.add((v6 ? "[" + host + "]" : host) + ":" + (port.isEmpty() ? defaultPort : port));
        }
        return servers;
    }

    /** The query's host and port, which the servers list replaces. */
    static Map<String, String> rest(Map<String, String> query) {
        Map<String, String> rest = new java.util.LinkedHashMap<>(query);
        rest.remove("host");
        rest.remove("port");
        return rest;
    }

    static SQLException noSocket() {
        return SqlState.INVALID_VALUE.exception("the host is a Unix-socket folder (or missing, which means the socket"
                + " for libpq): JDBC drivers connect over TCP only and have no socket path. Give the server's name"
                + " or address instead, as in host = \"localhost\", and have the server listen on TCP");
    }
}
