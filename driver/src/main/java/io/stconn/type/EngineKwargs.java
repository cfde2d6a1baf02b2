package io.stconn.type;

import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConnectionConfig;

import io.stconn.SqlState;
import io.stconn.internal.Masking;
import io.stconn.pool.PoolSettings;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * SQLAlchemy's create_engine_kwargs, mapped onto HikariCP settings: pool_size (+ max_overflow)
 * to maximumPoolSize, minimumIdle 0 (opened on demand), pool_timeout to connectionTimeout, pool_recycle
 * to maxLifetime, isolation_level to transactionIsolation (AUTOCOMMIT to autoCommit);
 * connect_args become driver properties. HikariCP's own settings come from the {@code hikari}
 * table and win. Values are checked by HikariCP's own binding ({@link PoolSettings}), once, here.
 */
public final class EngineKwargs {
    private static final Logger LOG = Logger.getLogger(EngineKwargs.class.getName());
    static final int DEFAULT_POOL_SIZE = 5;
    static final int DEFAULT_MAX_OVERFLOW = 10;
    private static final Set<String> ISOLATION_LEVELS = new java.util.LinkedHashSet<>(List.of("AUTOCOMMIT",
            "READ_UNCOMMITTED", "READ_COMMITTED", "REPEATABLE_READ", "SERIALIZABLE"));
    // SQLAlchemy's create_engine arguments: as kwargs, Streamlit passes them to create_engine
    private static final Set<String> CREATE_ENGINE = Set.of("pool_size", "max_overflow", "pool_timeout",
            "pool_recycle", "pool_pre_ping", "isolation_level", "connect_args", "echo", "echo_pool", "pool_use_lifo",
            "pool_reset_on_return", "execution_options", "hide_parameters", "logging_name", "pool_logging_name",
            "query_cache_size", "future", "insertmanyvalues_page_size", "label_length", "max_identifier_length");
    private static final Set<String> MAPPED = Set.of("pool_size", "max_overflow", "pool_timeout", "pool_recycle",
            "pool_pre_ping", "isolation_level", "connect_args");

    private EngineKwargs() {
    }

    /** One of create_engine's own arguments: as a kwarg it configures the pool, and never reaches the driver. */
    public static boolean isEngineArgument(String key) {
        return CREATE_ENGINE.contains(key);
    }

    /** HikariCP settings for this configuration (create_engine_kwargs, autocommit, then the hikari table). */
    public static Properties poolSettings(ConnectionConfig config) throws SQLException {
        Map<String, ConfigValue> engine = engineKwargs(config);
        Properties settings = new Properties();
        int poolSize = integer(engine.get("pool_size"), DEFAULT_POOL_SIZE);
        int overflow = integer(engine.get("max_overflow"), DEFAULT_MAX_OVERFLOW);
        if (overflow < 0) {
            LOG.warning(() -> "stconn: " + config.name() + ": max_overflow " + engine.get("max_overflow").text()
                    + " (no limit) is not possible with HikariCP; using pool_size + " + DEFAULT_MAX_OVERFLOW);
            overflow = DEFAULT_MAX_OVERFLOW;
        }
        settings.setProperty("maximumPoolSize", String.valueOf(Math.max(1, poolSize + overflow)));
        // SQLAlchemy's pool opens a connection when one is asked for, never ahead; HikariCP's
        // idleTimeout then closes idle ones. Opening pool_size at start would make every instance of a
        // fleet, and every kwarg set in it, hold connections it may never use (hikari.minimumIdle asks for that)
        settings.setProperty("minimumIdle", "0");
        ConfigValue timeout = engine.get("pool_timeout");
        if (timeout != null) {
            settings.setProperty("connectionTimeout", String.valueOf(millis(timeout)));
        }
        ConfigValue recycle = engine.get("pool_recycle");
        if (recycle != null) {
            long ms = millis(recycle);
            settings.setProperty("maxLifetime", String.valueOf(ms < 0 ? 0 : ms));
        }
        ConfigValue isolation = engine.get("isolation_level");
        if (isolation != null) {
            String level = isolation.text().trim().toUpperCase(Locale.ROOT).replace(' ', '_');
            if (!ISOLATION_LEVELS.contains(level.replaceFirst("^TRANSACTION_", ""))) {
                throw SqlState.INVALID_VALUE.exception("create_engine_kwargs isolation_level '" + isolation.text() + "' ("
                        + isolation.origin() + ") is not an isolation level: use one of " + ISOLATION_LEVELS);
            }
            if (level.equals("AUTOCOMMIT")) {
                settings.setProperty("autoCommit", "true");
            } else {
                settings.setProperty("transactionIsolation",
                        level.startsWith("TRANSACTION_") ? level : "TRANSACTION_" + level);
            }
        }
        ConfigValue autocommit = config.get("autocommit").orElse(null);
        if (autocommit != null) {
            settings.setProperty("autoCommit", String.valueOf(bool(autocommit)));
        }
        Set<String> ignored = new TreeSet<>(engine.keySet());
        ignored.removeAll(MAPPED);
        if (!ignored.isEmpty()) {
            LOG.warning(() -> "stconn: " + config.name() + ": create_engine_kwargs " + ignored
                    + " have no meaning for a JDBC pool and are ignored; HikariCP settings go in a [connections."
                    + config.name() + ".hikari] table");
        }
        Map<String, ConfigValue> hikari = config.table("hikari");
        for (Map.Entry<String, ConfigValue> setting : hikari.entrySet()) {
            settings.setProperty(setting.getKey(), setting.getValue().text());
        }
        PoolSettings.check(config.name(), settings, hikari);
        return settings;
    }

    /** connect_args as driver properties. */
    public static Properties connectArgs(ConnectionConfig config) {
        Properties props = new Properties();
        ConfigValue args = engineKwargs(config).get("connect_args");
        if (args != null && args.value() instanceof Map<?, ?> map) {
            map.forEach((k, v) -> props.setProperty(String.valueOf(k), String.valueOf(v)));
        }
        return props;
    }

    /**
     * The create_engine_kwargs table, joined by create_engine's own arguments given as kwargs
     * ({@code -p pool_size=3}), which win: Streamlit hands every kwarg it does not know to create_engine.
     */
    static Map<String, ConfigValue> engineKwargs(ConnectionConfig config) {
        Map<String, ConfigValue> engine = config.table("create_engine_kwargs");
        for (Map.Entry<String, ConfigValue> entry : config.values().entrySet()) {
            if (entry.getValue().source().isKwarg() && isEngineArgument(entry.getKey())) {
                engine.put(entry.getKey(), entry.getValue());
            }
        }
        return engine;
    }

    private static boolean bool(ConfigValue v) {
        return v.value() instanceof Boolean b ? b : Boolean.parseBoolean(v.text().trim());
    }

    private static int integer(ConfigValue v, int fallback) throws SQLException {
        if (v == null) {
            return fallback;
        }
        try {
            if (v.value() instanceof Long n && n == n.intValue()) {
                return n.intValue();
            }
            if (v.value() instanceof String text) {
                return Integer.parseInt(text.trim());
            }
            throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw SqlState.INVALID_VALUE.exception("create_engine_kwargs " + v.key() + " = '" + v.text() + "' ("
                    + v.origin() + ") is not a whole number");
        }
    }

    private static long millis(ConfigValue v) throws SQLException {
        try {
            double seconds = v.value() instanceof Number n ? n.doubleValue() : Double.parseDouble(v.text().trim());
            return seconds < 0 ? -1 : (long) (seconds * TimeUnit.SECONDS.toMillis(1));
        } catch (NumberFormatException e) {
            throw SqlState.INVALID_VALUE.exception("create_engine_kwargs " + v.key() + " = '" + v.text() + "' ("
                    + v.origin() + ") is not a number of seconds");
        }
    }
}
