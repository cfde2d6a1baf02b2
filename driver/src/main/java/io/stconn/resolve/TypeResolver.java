package io.stconn.resolve;

import io.stconn.type.DriverLoader;

import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConnectionType;
import io.stconn.type.snowflake.SnowflakeKey;
import io.stconn.type.sql.SqlConnectionType;
import io.stconn.type.sql.SqlKey;
import io.stconn.type.snowflake.SnowflakeConnectionType;

import io.stconn.SqlState;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Chooses the connection type in Streamlit's order: 1. the {@code type} kwarg; 2. the name itself
 * when it is {@code sql} or {@code snowflake} (a {@code type} key in that section is then
 * ignored; {@code snowpark} means snowflake, deprecated); 3. the section's {@code type} key;
 * 4. (extension) inferred from keys: {@code url} or {@code dialect} means sql, {@code account}
 * means snowflake; 5. an error saying what to add.
 */
public final class TypeResolver {
    private static final Logger LOG = Logger.getLogger(TypeResolver.class.getName());
    public static final String SQL = SqlConnectionType.NAME;
    public static final String SNOWFLAKE = SnowflakeConnectionType.NAME;
    private static final String SNOWPARK = "snowpark";

    /** The chosen type and why, for describe output and error messages. */
    public record Resolved(ConnectionType type, String reason) {
        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Resolved other
                && Objects.equals(type, other.type)
                && Objects.equals(reason, other.reason);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, reason);
        }

        @Override
        public String toString() {
            return "Resolved[type=" + type + ", reason=" + reason + "]";
        }
    }

    private TypeResolver() {
    }

    /**
     * @param typeKwarg the type kwarg with its origin, or null
     * @param section   the section's values (empty when there is no section)
     */
    public static Resolved resolve(String name, ConfigValue typeKwarg, Map<String, ConfigValue> section)
            throws SQLException {
        if (typeKwarg != null && !typeKwarg.text().isBlank()) {
            return new Resolved(lookup(typeKwarg.text().trim(), typeKwarg.origin()), "type " + typeKwarg.origin());
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(SQL) || lower.equals(SNOWFLAKE)) {
            return new Resolved(lookup(lower, "the connection name"), "the connection name '" + name + "'");
        }
        if (lower.equals(SNOWPARK)) {
            LOG.warning(() -> "stconn: connection name 'snowpark' is deprecated (as in Streamlit); it is treated as "
                    + "'snowflake'. Rename the section to [connections.snowflake] or set type = \"snowflake\".");
            return new Resolved(lookup(SNOWFLAKE, "the connection name"), "the connection name 'snowpark' (deprecated)");
        }
        ConfigValue typeKey = section.get("type");
        if (typeKey != null && !typeKey.text().isBlank()) {
            return new Resolved(lookup(typeKey.text().trim(), typeKey.origin()), "type at " + typeKey.origin());
        }
        if (describesSql(section.keySet())) {
            return new Resolved(lookup(SQL, ""), "inferred from the url/dialect key");
        }
        if (describesSnowflake(section.keySet())) {
            return new Resolved(lookup(SNOWFLAKE, ""), "inferred from the account key");
        }
        throw SqlState.UNKNOWN_TYPE.exception("Cannot tell the type of connection '" + name + "': add type = \"sql\" (or "
                + "\"snowflake\", or a class implementing " + ConnectionType.class.getName() + ") to [connections." + name
                + "] in the secrets, give it a url or dialect key, or pass type=sql in the URL: jdbc:stconn:" + name
                + "?type=sql");
    }

    /** A type by name: built in, then a ServiceLoader provider's short name, then a class name. */
    public static ConnectionType lookup(String typeName, String origin) throws SQLException {
        String lower = typeName.toLowerCase(Locale.ROOT);
        if (lower.equals(SQL) || typeName.equals("streamlit.connections.SQLConnection")) {
            return new SqlConnectionType();
        }
        if (lower.equals(SNOWFLAKE) || lower.equals(SNOWPARK) || typeName.equals("streamlit.connections.SnowflakeConnection")) {
            return new SnowflakeConnectionType();
        }
        for (ClassLoader loader : DriverLoader.loaders()) {
            for (ConnectionType provider : ServiceLoader.load(ConnectionType.class, loader)) {
                if (provider.name().equalsIgnoreCase(typeName)) {
                    return provider;
                }
            }
        }
        return byClassName(typeName, origin);
    }

    private static ConnectionType byClassName(String className, String origin) throws SQLException {
        Class<?> found = null;
        for (ClassLoader loader : DriverLoader.loaders()) {
            try {
                found = Class.forName(className, false, loader);
                break;
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        String where = origin.isEmpty() ? "" : " (" + origin + ")";
        if (found == null) {
            throw SqlState.UNKNOWN_TYPE.exception("Unknown connection type '" + className + "'" + where + ": use sql, "
                    + "snowflake, the short name of a registered " + ConnectionType.class.getName() + " provider, or the "
                    + "fully qualified name of a class implementing it that is on the class path");
        }
        if (!ConnectionType.class.isAssignableFrom(found)) {
            throw SqlState.UNKNOWN_TYPE.exception("Class " + className + where + " does not implement "
                    + ConnectionType.class.getName() + ": a connection type must implement that interface and have a "
                    + "public no-argument constructor");
        }
        try {
            return (ConnectionType) found.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw SqlState.UNKNOWN_TYPE.exception("Cannot create connection type " + className + where + ": "
                    + e.getClass().getSimpleName() + ". It needs a public no-argument constructor.", e);
        }
    }

    /** Rule 4: a url or dialect key means sql (SqlKey.DESCRIBING). */
    static boolean describesSql(Set<String> keys) {
        return SqlKey.DESCRIBING.stream().anyMatch(k -> keys.contains(k.key()));
    }

    /** Rule 4: an account key means snowflake. */
    static boolean describesSnowflake(Set<String> keys) {
        return keys.contains(SnowflakeKey.ACCOUNT.pythonName());
    }

    /** Keys that describe a connection by themselves, without a section. */
    static boolean describesConnection(Set<String> keys) {
        return describesSql(keys) || describesSnowflake(keys);
    }
}
