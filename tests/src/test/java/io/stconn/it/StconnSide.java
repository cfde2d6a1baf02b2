package io.stconn.it;

import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.conf.HostInfo;
import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import java.nio.file.Path;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.HostAddress;

/**
 * What stconn resolves a connection to, read into a {@link Reading} the way the real JDBC driver
 * reads it: pgjdbc's, Connector/J's and MariaDB's own URL parsers, mssql-jdbc's property info. Only
 * Oracle's thin URL forms (which ojdbc does not parse without connecting) are read here.
 */
final class StconnSide {
    private static final Pattern ORACLE = Pattern.compile(
            "jdbc:oracle:thin:@(?://(?<sh>\\[[^]]+]|[^:/]+):(?<sp>\\d+)(?:/(?<service>.*))?"
                    + "|(?<h>\\[[^]]+]|[^:/]+):(?<p>\\d+):(?<sid>.*)|(?<alias>[^:/]+))");

    private StconnSide() {
    }

    static Reading of(String dialect, String url) {
        io.stconn.spi.PoolTarget target;
        try {
            target = Described.target(url);
        } catch (SQLException e) {
            return Reading.error(e.getSQLState() + " " + e.getMessage());
        }
        try {
            return read(dialect, target.jdbcUrl(), target.properties());
        } catch (SQLException | RuntimeException e) {
            // the URL stconn built is one the real driver cannot read: as bad as a wrong answer
            return new Reading(null, List.of("the driver refuses " + target.jdbcUrl() + ": " + e), null, null, null,
                    Map.of());
        }
    }

    private static Reading read(String dialect, String jdbcUrl, Properties properties) throws SQLException {
        Map<String, String> params = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> params.put(k, properties.getProperty(k)));
        String user = params.remove("user");
        String password = params.remove("password");
        switch (dialect) {
            case "postgresql", "cockroachdb": {
                Properties parsed = org.postgresql.Driver.parseURL(jdbcUrl, properties);
                if (parsed == null) {
                    return Reading.error("pgjdbc does not accept " + jdbcUrl);
                }
                List<String> hosts = new ArrayList<>();
                String[] names = parsed.getProperty("PGHOST").split(",");
                String[] ports = parsed.getProperty("PGPORT").split(",");
                for (int i = 0; i < names.length; i++) {
                    hosts.add(unbracketed(names[i]) + ":" + ports[i]);
                }
                Map<String, String> rest = new LinkedHashMap<>();
                parsed.stringPropertyNames().stream().filter(k -> !k.startsWith("PG") && !k.equals("user")
                        && !k.equals("password")).forEach(k -> rest.put(k, parsed.getProperty(k)));
                String database = parsed.getProperty("PGDBNAME");
                return new Reading(null, hosts, database == null ? "" : database, parsed.getProperty("user"),
                        parsed.getProperty("password"), rest);
            }
            case "mysql": {
                HostInfo host = ConnectionUrl.getConnectionUrlInstance(jdbcUrl, properties).getMainHost();
                return new Reading(null, List.of(unbracketed(host.getHost()) + ":" + host.getPort()), host.getDatabase(),
                        host.getUser(), host.getPassword(), params);
            }
            case "mariadb": {
                // the properties stay out: the driver checks the values of its own options while parsing
                Configuration conf = Configuration.parse(jdbcUrl);
                List<String> hosts = new ArrayList<>();
                for (HostAddress address : conf.addresses()) {
                    hosts.add(address.host + ":" + address.port);
                }
                return new Reading(null, hosts, conf.database() == null ? "" : conf.database(), user, password, params);
            }
            case "mssql":
                return mssql(jdbcUrl, properties, user, password, params);
            case "oracle":
                return oracle(jdbcUrl, user, password, params);
            case "sqlite":
                return new Reading(null, List.of(), jdbcUrl.substring("jdbc:sqlite:".length()), null, null, Map.of());
            case "duckdb": {
                String file = jdbcUrl.substring("jdbc:duckdb:".length());
                return new Reading(null, List.of(), file.isEmpty() || file.equals(":memory:") ? ":memory:"
                        : Path.of(file).toString(), null, null, Map.of());
            }
            default:
                throw new IllegalArgumentException(dialect);
        }
    }

    private static Reading mssql(String jdbcUrl, Properties properties, String user, String password,
                                 Map<String, String> params) throws SQLException {
        Map<String, String> info = new LinkedHashMap<>();
        for (DriverPropertyInfo property : new SQLServerDriver().getPropertyInfo(jdbcUrl, properties)) {
            info.put(property.name, property.value);
        }
        params.keySet().removeIf(k -> k.equalsIgnoreCase("serverName") || k.equalsIgnoreCase("portNumber"));
        String database = info.get("databaseName");
        return new Reading(null, List.of(info.get("serverName") + ":" + info.get("portNumber")),
                database == null ? "" : database, user, password, params);
    }

    private static Reading oracle(String jdbcUrl, String user, String password, Map<String, String> params) {
        Matcher m = ORACLE.matcher(jdbcUrl);
        if (!m.matches()) {
            return Reading.error("not an Oracle thin URL: " + jdbcUrl);
        }
        if (m.group("alias") != null) {
            return new Reading(null, List.of(m.group("alias")), "alias", user, password, params);
        }
        if (m.group("sid") != null) {
            return new Reading(null, List.of(unbracketed(m.group("h")) + ":" + m.group("p")), "sid:" + m.group("sid"),
                    user, password, params);
        }
        return new Reading(null, List.of(unbracketed(m.group("sh")) + ":" + m.group("sp")),
                "service:" + m.group("service"), user, password, params);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
