package io.stconn;

import io.stconn.internal.Masking;
import io.stconn.road.Road;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * {@code st.connection} for Java code: {@code Stconn.connection("mydb").query("SELECT ...")}.
 * The connection comes from the same pools, secrets and type resolution as
 * {@code jdbc:stconn:mydb}.
 */
public final class Stconn {
    private Stconn() {
    }

    /** {@code st.connection(name)}. */
    public static StconnConnection connection(String name) throws SQLException {
        return builder(name).connect();
    }

    /** {@code st.connection(name, **kwargs)}; kwargs may include type, ttl, max_entries and project_dir. */
    public static StconnConnection connection(String name, Map<String, ?> kwargs) throws SQLException {
        Builder b = builder(name);
        kwargs.forEach((k, v) -> b.kwarg(k, v));
        return b.connect();
    }

    /**
     * The real JDBC URL that a {@code jdbc:stconn:} URL resolves to now, passwords masked, found
     * the way a connection is (same secrets, type and kwargs) but without connecting: for tools
     * that choose their behaviour by URL prefix, such as Spark's JDBC dialects. Null when the
     * connection type pools a DataSource of its own instead of a driver URL.
     */
    public static String resolvedJdbcUrl(String stconnUrl) throws SQLException {
        return Masking.url(Road.shared().describe(StconnDriver.request(stconnUrl, null)).target().jdbcUrl());
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The arguments of {@code st.connection}. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> kwargs = new LinkedHashMap<>();
        private Object metricRegistry;

        private Builder(String name) {
            this.name = name;
        }

        public Builder type(String type) {
            return kwarg(StconnKey.TYPE.key(), type);
        }

        /** How long the pool lives before it is rebuilt (st.connection's ttl). */
        public Builder ttl(Duration ttl) {
            return kwarg(StconnKey.TTL.key(), ttl.toMillis() + "ms");
        }

        public Builder maxEntries(int maxEntries) {
            return kwarg(StconnKey.MAX_ENTRIES.key(), maxEntries);
        }

        public Builder projectDir(Path dir) {
            return kwarg(StconnKey.PROJECT_DIR.key(), dir.toAbsolutePath().toString());
        }

        /** The pool reports its hikaricp.* meters to this Micrometer MeterRegistry (see StconnDataSource#setMetricRegistry). */
        public Builder metrics(Object registry) {
            this.metricRegistry = registry;
            return this;
        }

        public Builder kwarg(String key, Object value) {
            if (value == null) {
                kwargs.remove(key);
            } else {
                kwargs.put(key, String.valueOf(value));
            }
            return this;
        }

        /** Resolves the connection now, so that configuration errors surface here. */
        public StconnConnection connect() throws SQLException {
            StconnDataSource ds = new StconnDataSource(name);
            Properties props = new Properties();
            props.putAll(kwargs);
            ds.setProperties(props);
            ds.setMetricRegistry(metricRegistry);
            StconnConnection connection = new StconnConnection(name, ds);
            connection.describe();
            return connection;
        }
    }
}
