package io.stconn.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQLAlchemy reference's answer for one case read into a {@link Reading}: from the dialect's
 * create_connect_args where it ran (psycopg2, PyMySQL, cx_Oracle, pysqlite), else from the URL.
 */
final class SqlAlchemySide {
    static final Map<String, Integer> DEFAULT_PORTS = Map.of("postgresql", 5432, "cockroachdb", 26257,
            "mysql", 3306, "mariadb", 3306, "mssql", 1433, "oracle", 1521);

    // the JDBC driver's own name for a setting the generator uses, where it differs from Python's
    private static final Map<String, String> PGJDBC_NAMES = Map.of("application_name", "ApplicationName",
            "target_session_attrs", "targetServerType");
    // libpq's target_session_attrs values and pgjdbc's targetServerType for the same choice
    private static final Map<String, String> TARGET_SERVER_TYPES = Map.of("any", "any", "read-write", "primary",
            "read-only", "secondary", "primary", "primary", "standby", "secondary", "prefer-standby", "preferSecondary");

    private SqlAlchemySide() {
    }

    @SuppressWarnings("unchecked")
    static Reading of(Map<String, Object> line, Path project) {
        Map<String, Object> answer = (Map<String, Object>) line.get("sqlalchemy");
        String dialect = (String) line.get("dialect");
        if (answer.get("error") != null) {
            return Reading.error((String) answer.get("error"));
        }
        if (answer.get("connectError") != null) {
            return Reading.error((String) answer.get("connectError"));
        }
        Map<String, Object> url = (Map<String, Object>) answer.get("url");
        Map<String, Object> connect = (Map<String, Object>) answer.get("connect");
        Map<String, Object> kwargs = connect == null ? Map.of() : (Map<String, Object>) connect.get("kwargs");
        switch (dialect) {
            case "sqlite": {
                String file = (String) ((List<Object>) connect.get("args")).get(0);
                return new Reading(null, List.of(), file, null, null, Map.of());
            }
            case "duckdb": {
                String database = (String) url.get("database");
                boolean memory = database == null || database.isEmpty() || database.equals(":memory:");
                // duckdb.connect opens a relative path from the app's directory and expands '~' itself
                String file = memory ? ":memory:" : database.startsWith("~") ? database
                        : project.resolve(database).normalize().toString();
                return new Reading(null, List.of(), file, null, null, Map.of());
            }
            case "oracle":
                return oracle(kwargs);
            case "mssql":
                return server(dialect, (String) url.get("host"), url.get("port"), (String) url.get("database"),
                        (String) url.get("username"), (String) url.get("password"),
                        (Map<String, Object>) url.get("query"));
            default: {
                Map<String, Object> rest = new LinkedHashMap<>(kwargs);
                Object host = rest.remove("host");
                Object port = rest.remove("port");
                Object database = rest.remove("database");
                Object user = rest.remove("user");
                Object password = rest.remove("password");
                return server(dialect, (String) host, port, (String) database, (String) user, (String) password, rest);
            }
        }
    }

    private static Reading server(String dialect, String host, Object port, String database, String user,
                                  String password, Map<String, Object> params) {
        List<String> hosts = new java.util.ArrayList<>();
        String[] names = host == null ? new String[] {null} : host.split(",", -1);
        String[] ports = port == null ? new String[0] : String.valueOf(port).split(",", -1);
        for (int i = 0; i < names.length; i++) {
            String p = i < ports.length && !ports[i].isEmpty() ? ports[i] : String.valueOf(DEFAULT_PORTS.get(dialect));
            hosts.add(names[i] + ":" + p);
        }
        Map<String, String> shown = new LinkedHashMap<>();
        boolean pgjdbc = dialect.equals("postgresql") || dialect.equals("cockroachdb");
        params.forEach((k, v) -> {
            String value = String.valueOf(v);
            if (pgjdbc && k.equals("target_session_attrs")) {
                value = TARGET_SERVER_TYPES.getOrDefault(value, value);
            }
            shown.put(pgjdbc ? PGJDBC_NAMES.getOrDefault(k, k) : k, value);
        });
        if (pgjdbc && (database == null || database.isEmpty()) && user != null) {
            database = user; // libpq's default database, and pgjdbc's: the user's own
        }
        return new Reading(null, hosts, database == null ? "" : database, user, password, shown);
    }

    @SuppressWarnings("unchecked")
    private static Reading oracle(Map<String, Object> kwargs) {
        Map<String, Object> rest = new LinkedHashMap<>(kwargs);
        Object dsn = rest.remove("dsn");
        String user = (String) rest.remove("user");
        String password = (String) rest.remove("password");
        Map<String, String> params = new LinkedHashMap<>();
        rest.forEach((k, v) -> params.put(k, String.valueOf(v)));
        if (dsn instanceof Map<?, ?> map) {
            Map<String, Object> d = (Map<String, Object>) map;
            String database = d.get("sid") != null ? "sid:" + d.get("sid") : "service:" + d.get("service_name");
            return new Reading(null, List.of(d.get("host") + ":" + d.get("port")), database, user, password, params);
        }
        return new Reading(null, List.of(String.valueOf(dsn)), "alias", user, password, params);
    }
}
