package io.stconn.type.snowflake;

import io.stconn.SqlState;
import io.stconn.dialect.ConnectionParts;
import io.stconn.dialect.JdbcTarget;
import io.stconn.dialect.TypeUrlForm;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * snowflake-sqlalchemy's {@code snowflake://user:pw@account/db/schema?warehouse=w&role=r} (the host
 * part is the host instead when an {@code account} parameter is given), mapped by the same
 * {@link SnowflakeParameters} as the snowflake connection type's keys; the parts win over parameters.
 */
public final class SnowflakeUrlForm implements TypeUrlForm {

    @Override
    public String dialect() {
        return SnowflakeConnectionType.NAME;
    }

    @Override
    public JdbcTarget target(ConnectionParts parts, Map<String, String> settings, Path projectDir) throws SQLException {
        if (parts.host() == null || parts.host().isEmpty()) {
            throw SqlState.MISSING_VALUE.exception("the snowflake connection needs the account, the host part of"
                    + " snowflake://user:password@account/database/schema");
        }
        String where = "the snowflake:// url";
        List<SnowflakeParameters.Value> values = new ArrayList<>();
        settings.forEach((k, v) -> values.add(new SnowflakeParameters.Value(k, v, where)));
        boolean hostIsAccount = settings.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("account"));
        values.add(new SnowflakeParameters.Value(hostIsAccount ? "account" : "host", parts.host(), where));
        if (parts.port() != null) {
            values.add(new SnowflakeParameters.Value("port", parts.port(), where));
        }
        String database = parts.database() == null ? "" : parts.database();
        int slash = database.indexOf('/');
        String db = slash < 0 ? database : database.substring(0, slash);
        String schema = slash < 0 ? "" : database.substring(slash + 1);
        if (!db.isEmpty()) {
            values.add(new SnowflakeParameters.Value("database", db, where));
        }
        if (!schema.isEmpty()) {
            values.add(new SnowflakeParameters.Value("schema", schema, where));
        }
        if (parts.username() != null) {
            values.add(new SnowflakeParameters.Value("user", parts.username(), where));
        }
        if (parts.password() != null) {
            values.add(new SnowflakeParameters.Value("password", parts.password(), where));
        }
        SnowflakeTarget mapped = SnowflakeParameters.map(values, projectDir);
        if (mapped.tokenFile() != null) {
            throw SqlState.INVALID_VALUE.exception("token_file_path needs the snowflake connection type (its token"
                    + " is read for each connection): give the parameters as keys of the section with"
                    + " type = \"snowflake\" instead of a snowflake:// url");
        }
        return mapped.jdbc();
    }
}
