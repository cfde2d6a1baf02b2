package io.stconn.type;

import io.stconn.SqlState;
import io.stconn.dialect.ConnectionParts;
import io.stconn.dialect.Dialect;
import io.stconn.dialect.JdbcTarget;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Streamlit's SnowflakeConnection: Snowflake connection parameters (account, user, password,
 * role, warehouse, database, schema, ...) from the secrets and kwargs, mapped through the
 * snowflake dialect onto snowflake-jdbc's URL and properties.
 */
public final class SnowflakeConnectionType implements ConnectionType {
    private static final Set<String> HANDLED = Set.of("account", "user", "username", "password", "database", "schema",
            "type", "url", "dialect");

    @Override
    public String name() {
        return TypeResolver.SNOWFLAKE;
    }

    @Override
    public PoolTarget target(ConnectionConfig config) throws SQLException {
        String account = config.string("account");
        if (account == null || account.isBlank()) {
            throw SqlState.MISSING_VALUE.exception("Missing Snowflake connection configuration for '" + config.name()
                    + "': no account. Add account = \"<orgname>-<account_name>\" (and user, password or another "
                    + "authenticator) to [connections." + config.name() + "]");
        }
        Map<String, String> params = new LinkedHashMap<>();
        config.values().forEach((k, v) -> {
            if (!HANDLED.contains(k) && !(v.value() instanceof Map) && !k.contains(".")) {
                params.put(k, v.text());
            }
        });
        String database = config.string("database");
        String schema = config.string("schema");
        String path = database == null ? null : schema == null ? database : database + "/" + schema;
        ConnectionParts parts = new ConnectionParts(account.trim(), null, path, params,
                config.first("user", "username").map(ConfigValue::text).orElse(null), config.string("password"));
        DriverLoader.Loaded loaded = DriverLoader.loadFirst(config.name(), Dialect.SNOWFLAKE.drivers());
        JdbcTarget jt = Dialect.SNOWFLAKE.target(parts, loaded.choice(), config.projectDir());
        return PoolTarget.ofDriver(loaded.driver(), jt.url(), jt.properties()).withNotes(jt.notes())
                .withPoolSettings(EngineKwargs.poolSettings(config));
    }
}
