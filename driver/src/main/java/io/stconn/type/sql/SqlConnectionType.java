package io.stconn.type.sql;

import io.stconn.type.EngineKwargs;

import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConnectionConfig;
import io.stconn.spi.ConnectionType;
import io.stconn.spi.PoolTarget;
import io.stconn.type.DriverLoader;

import io.stconn.SqlState;
import io.stconn.dialect.ConnectionParts;
import io.stconn.dialect.Dialect;
import io.stconn.dialect.JdbcDriver;
import io.stconn.dialect.JdbcTarget;
import io.stconn.dialect.SqlAlchemyUrl;
import io.stconn.dialect.UrlLogin;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Streamlit's SQLConnection: {@code url} (a SQLAlchemy URL, or a {@code jdbc:} URL used as is),
 * or the parts {@code dialect}, {@code host}, {@code port}, {@code database}, {@code username}
 * (alias {@code user}), {@code password}, {@code query}. As in Streamlit, a url wins over the parts
 * of the secrets; as an extension, parts given as kwargs (a GUI tool's user and password fields)
 * still override the url's.
 */
public final class SqlConnectionType implements ConnectionType {
    public static final String NAME = "sql";
    private static final List<String> PART_KEYS = SqlKey.keys(SqlKey.PARTS);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PoolTarget target(ConnectionConfig config) throws SQLException {
        String url = config.string(SqlKey.URL.key());
        PoolTarget target = url != null && url.trim().regionMatches(true, 0, "jdbc:", 0, 5)
                ? jdbcUrl(config, url.trim())
                : dialectTarget(config, url);
        return target.withPoolSettings(EngineKwargs.poolSettings(config));
    }

    /** A {@code jdbc:} URL used as is; the driver comes from the {@code driver} key or the URL's prefix. */
    private PoolTarget jdbcUrl(ConnectionConfig config, String url) throws SQLException {
        String driverKey = javaClassName(config.string(SqlKey.DRIVER.key()));
        List<JdbcDriver> candidates;
        if (driverKey != null) {
            candidates = List.of(new JdbcDriver(driverKey, null));
        } else {
            Optional<Dialect> dialect = Dialect.byJdbcUrl(url);
            if (dialect.isEmpty()) {
                throw SqlState.MISSING_VALUE.exception("Connection '" + config.name() + "': stconn does not know the "
                        + "driver for this jdbc: url (" + config.where(SqlKey.URL.key()) + "). Add driver = \"<JDBC driver class>\" "
                        + "to [connections." + config.name() + "]");
            }
            candidates = dialect.get().drivers();
        }
        String where = config.where(driverKey != null ? "driver" : "url");
        Driver driver = DriverLoader.loadFirst(config.name(), where, candidates).driver();
        Properties props = new Properties();
        ConfigValue user = config.first(SqlKey.USERNAME.key(), SqlKey.USER.key()).orElse(null);
        if (user != null) {
            props.setProperty("user", user.text());
        }
        ConfigValue password = config.get(SqlKey.PASSWORD.key()).orElse(null);
        if (password != null) {
            props.setProperty("password", password.text());
        }
        props.putAll(queryTable(config, new LinkedHashMap<>()));
        props.putAll(EngineKwargs.connectArgs(config));
        // a jdbc: url's parameters are the driver's own names already: the kwargs pass as written
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> kwarg : DriverKwargs.of(config, true).entrySet()) {
            props.setProperty(kwarg.getKey(), kwarg.getValue().text());
            sources.put(kwarg.getKey(), kwarg.getValue().key());
        }
        // a login written in the url still wins over the section's keys, but travels as Properties
        return PoolTarget.ofDriver(driver, UrlLogin.lift(url, props), props).withPropertySources(sources)
                .withNotes(DriverKwargs.dropped(config, false));
    }

    private PoolTarget dialectTarget(ConnectionConfig config, String url) throws SQLException {
        String dialectName;
        ConnectionParts parts;
        if (url != null) {
            SqlAlchemyUrl parsed;
            try {
                parsed = SqlAlchemyUrl.parse(url.trim());
            } catch (SQLException e) {
                throw SqlState.restated("Connection '" + config.name() + "': bad url ("
                        + config.where(SqlKey.URL.key()) + "): " + e.getMessage(), e);
            }
            dialectName = parsed.dialect();
            parts = withKwargParts(config, parsed.parts());
        } else {
            String dialectValue = config.string(SqlKey.DIALECT.key());
            if (dialectValue == null || dialectValue.isBlank()) {
                throw SqlState.MISSING_VALUE.exception("Missing SQL DB connection param: dialect (connection '"
                        + config.name() + "'). Add url = \"dialect://user:password@host:port/database\" or "
                        + "dialect = \"postgresql\" (one of: " + Dialect.knownNames() + ") to [connections."
                        + config.name() + "]");
            }
            dialectName = dialectValue.trim();
            int plus = dialectName.indexOf('+');
            if (plus > 0) {
                dialectName = dialectName.substring(0, plus);
            }
            parts = partsFrom(config);
        }
        Dialect dialect = Dialect.byName(dialectName).orElse(null);
        if (dialect == null) {
            throw SqlState.UNKNOWN_DIALECT.exception("Unknown SQL dialect '" + dialectName + "' for connection '"
                    + config.name() + "' (" + config.where(url != null ? "url" : "dialect") + "). Known dialects: "
                    + Dialect.knownNames() + ". For any other database, write its JDBC URL: url = \"jdbc:...\" and "
                    + "driver = \"<class>\"");
        }
        if (url == null) {
            List<String> missing = dialect.requiredParts().stream()
                    .filter(p -> config.string(p) == null || config.string(p).isBlank())
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                throw SqlState.MISSING_VALUE.exception("Missing SQL DB connection param: " + String.join(", ", missing)
                        + " (connection '" + config.name() + "', dialect " + dialect.canonicalName() + "). Add "
                        + missing.stream().map(m -> m + " = \"...\"").collect(Collectors.joining(", "))
                        + " to [connections." + config.name() + "]");
            }
        }
        String driverKey = javaClassName(config.string(SqlKey.DRIVER.key()));
        List<JdbcDriver> candidates = driverKey != null ? List.of(new JdbcDriver(driverKey, null)) : dialect.drivers();
        String where = config.where(driverKey != null ? "driver" : url != null ? "url" : "dialect");
        DriverLoader.Loaded loaded = DriverLoader.loadFirst(config.name(), where, candidates);
        Map<String, ConfigValue> kwargs = DriverKwargs.of(config, url != null);
        JdbcTarget jt = dialect.target(withParameters(parts, EngineKwargs.connectArgs(config), kwargs), loaded.choice(),
                config.projectDir());
        Map<String, String> sources = loginSources(config, url != null);
        for (Map.Entry<String, ConfigValue> kwarg : kwargs.entrySet()) {
            for (String property : dialect.propertiesOf(kwarg.getKey(), kwarg.getValue().text(), loaded.choice())) {
                sources.put(property, kwarg.getValue().key());
            }
        }
        List<String> notes = new ArrayList<>(jt.notes());
        notes.addAll(DriverKwargs.dropped(config, url != null));
        if (url != null && config.get(SqlKey.PASSWORD.key()).isEmpty() && SqlAlchemyUrl.passwordIsEncoded(url)) {
            notes.add(PoolTarget.LOGIN_HINT + "the password in url (" + config.where(SqlKey.URL.key()) + ") holds a %XX "
                    + "escape, and url passwords are percent-decoded, as SQLAlchemy decodes them. Write a literal % as %25, "
                    + "or move the password out of the url into a key of its own, password, which is used as written.");
        }
        return PoolTarget.ofDriver(loaded.driver(), jt.url(), jt.properties()).withPropertySources(sources)
                .withNotes(notes);
    }

    /** Which key the user and password came from: a key of their own, or the url (where kwargs do not override it). */
    private static Map<String, String> loginSources(ConnectionConfig config, boolean withUrl) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("user", loginSource(config.first("username", "user"), withUrl));
        sources.put("password", loginSource(config.get("password"), withUrl));
        return sources;
    }

    private static String loginSource(Optional<ConfigValue> value, boolean withUrl) {
        ConfigValue v = value.orElse(null);
        return v != null && (!withUrl || v.source().isKwarg()) ? v.key() : "url";
    }

    private static ConnectionParts partsFrom(ConnectionConfig config) throws SQLException {
        Map<String, List<String>> arrays = new LinkedHashMap<>();
        Map<String, String> query = queryTable(config, arrays);
        return new ConnectionParts(config.string(SqlKey.HOST.key()), port(config), config.string(SqlKey.DATABASE.key()),
                query, config.first(SqlKey.USERNAME.key(), SqlKey.USER.key()).map(ConfigValue::text).orElse(null),
                config.string(SqlKey.PASSWORD.key()), arrays);
    }

    /** The url's parts, overridden by parts given as kwargs. */
    private static ConnectionParts withKwargParts(ConnectionConfig config, ConnectionParts fromUrl) throws SQLException {
        Map<String, ConfigValue> kwargs = new LinkedHashMap<>();
        for (String key : PART_KEYS) {
            ConfigValue v = config.get(key).orElse(null);
            if (v != null && v.source().isKwarg()) {
                kwargs.put(key, v);
            }
        }
        if (kwargs.isEmpty()) {
            return fromUrl;
        }
        ConfigValue user = kwargs.getOrDefault("username", kwargs.get("user"));
        return new ConnectionParts(
                kwargs.containsKey("host") ? kwargs.get("host").text() : fromUrl.host(),
                kwargs.containsKey("port") ? port(config) : fromUrl.port(),
                kwargs.containsKey("database") ? kwargs.get("database").text() : fromUrl.database(),
                fromUrl.query(),
                user != null ? user.text() : fromUrl.username(),
                kwargs.containsKey("password") ? kwargs.get("password").text() : fromUrl.password(),
                fromUrl.repeated());
    }

    /**
     * connect_args and the driver kwargs are the same connect arguments as the url's query, so they
     * go through the dialect's translation too. connect_args win over the query, as in SQLAlchemy;
     * kwargs win over both, as kwargs win over the secrets.
     */
    private static ConnectionParts withParameters(ConnectionParts parts, Properties connectArgs,
                                                  Map<String, ConfigValue> kwargs) {
        if (connectArgs.isEmpty() && kwargs.isEmpty()) {
            return parts;
        }
        Map<String, String> query = new LinkedHashMap<>(parts.query());
        connectArgs.stringPropertyNames().forEach(k -> query.put(k, connectArgs.getProperty(k)));
        kwargs.forEach((k, v) -> {
            query.remove(k); // re-inserted last, so that the translation applies it last
            query.put(k, v.text());
        });
        return parts.withQuery(query);
    }

    private static Integer port(ConnectionConfig config) throws SQLException {
        ConfigValue v = config.get(SqlKey.PORT.key()).orElse(null);
        if (v == null || v.text().isBlank()) {
            return null;
        }
        try {
            int port = v.value() instanceof Number n ? n.intValue() : Integer.parseInt(v.text().trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SqlState.INVALID_VALUE.exception("Invalid port '" + v.text() + "' (" + v.origin()
                + "): give a number from 1 to 65535, as in port = 5432");
    }

    /** The query table; an array value is a parameter given several times, as SQLAlchemy reads it. */
    private static Map<String, String> queryTable(ConnectionConfig config, Map<String, List<String>> arrays) {
        Map<String, String> query = new LinkedHashMap<>();
        config.table(SqlKey.QUERY.key()).forEach((k, v) -> {
            if (v.value() instanceof List<?> list && !list.isEmpty()) {
                arrays.put(k, list.stream().map(String::valueOf).toList());
                query.put(k, String.valueOf(list.get(list.size() - 1)));
            } else {
                query.put(k, v.text());
            }
        });
        return query;
    }

    /** The driver key names a JDBC driver class when it looks like one; otherwise it is Python's DBAPI name. */
    private static String javaClassName(String driver) {
        if (driver == null) {
            return null;
        }
        String d = driver.trim();
        return d.contains(".") && d.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+") ? d : null;
    }
}
