package io.stconn;

import io.stconn.request.ConnectionRequest;
import io.stconn.request.ConnectionRequest.CacheSpec;
import io.stconn.request.ConnectionRequest.PoolKey;
import io.stconn.resolve.Resolution;
import io.stconn.road.Road;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What {@code st.connection} returns, for Java: borrow JDBC connections, get the DataSource,
 * {@link #query} with a result cache, {@link #reset}. Thread-safe; instances for the same name
 * and kwargs share one pool and one cache.
 *
 * <p>The cache key is the pool's identity (so the connection's name, kwargs and the configuration
 * the pool was built from), the SQL and the parameters: two connections never share an entry, and
 * results from a pool retired after a secrets change are never served. Retries cover connection
 * failures only (SQLState class 08): three attempts, one second apart.
 */
public final class StconnConnection {
    private static final Logger LOG = Logger.getLogger(StconnConnection.class.getName());
    static final int ATTEMPTS = 3;
    static final long RETRY_DELAY_MILLIS = 1000;
    private static final int MAX_CACHED_RESULTS = 1024;
    private static final ConcurrentHashMap<QueryKey, Cached> CACHE = new ConcurrentHashMap<>();

    /** The connection (name, kwargs, ttl, max_entries), the pool serving it now, the SQL and the parameters. */
    private record QueryKey(PoolKey connection, CacheSpec cacheSpec, Object pool, String sql, List<Object> params) {
        boolean of(ConnectionRequest request) {
            return connection.equals(request.poolKey()) && cacheSpec.equals(request.cacheSpec());
        }

        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof QueryKey other
                && Objects.equals(connection, other.connection)
                && Objects.equals(cacheSpec, other.cacheSpec)
                && Objects.equals(pool, other.pool)
                && Objects.equals(sql, other.sql)
                && Objects.equals(params, other.params);
        }

        @Override
        public int hashCode() {
            return Objects.hash(connection, cacheSpec, pool, sql, params);
        }

        @Override
        public String toString() {
            return "QueryKey[connection=" + connection + ", cacheSpec=" + cacheSpec + ", pool=" + pool
                    + ", sql=" + sql + ", params=" + params + "]";
        }
    }

    @FunctionalInterface
    private interface Attempt {
        QueryResult run() throws SQLException;
    }

    private record Cached(QueryResult result, boolean forever, long expiresAtNanos) {
        boolean alive(long now) {
            return forever || now - expiresAtNanos < 0;
        }

        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Cached other
                && Objects.equals(result, other.result)
                && Objects.equals(forever, other.forever)
                && Objects.equals(expiresAtNanos, other.expiresAtNanos);
        }

        @Override
        public int hashCode() {
            return Objects.hash(result, forever, expiresAtNanos);
        }

        @Override
        public String toString() {
            return "Cached[result=" + result + ", forever=" + forever + ", expiresAtNanos=" + expiresAtNanos + "]";
        }
    }

    private final String name;
    private final StconnDataSource dataSource;

    StconnConnection(String name, StconnDataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    public String name() {
        return name;
    }

    /** The connection type as resolved ("sql", "snowflake", or a custom type's name). */
    public String type() throws SQLException {
        return describe().typeName();
    }

    Resolution describe() throws SQLException {
        return pools().describe(dataSource.request());
    }

    /** A DataSource serving this connection's pool (for Spring, Hibernate, Flyway...). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** A JDBC connection from the pool; close it to give it back. */
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    /** {@code conn.query(sql)}: cached until {@link #reset} or a configuration change, as Streamlit's default. */
    public QueryResult query(String sql) throws SQLException {
        return query(sql, null);
    }

    /**
     * {@code conn.query(sql, ttl=..., params=...)}. A null ttl caches without expiry, a zero ttl
     * does not cache. Parameters are bound to {@code ?} placeholders in order.
     */
    public QueryResult query(String sql, Duration ttl, Object... params) throws SQLException {
        List<Object> paramList = params == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(Arrays.asList(params)));
        boolean cached = ttl == null || !(ttl.isZero() || ttl.isNegative());
        // the whole lookup is retried, not only the query: finding the pool builds it when it is
        // missing, and a database that is down fails there first
        return withRetries(cached ? () -> cachedOrRun(sql, ttl, paramList) : () -> run(sql, paramList));
    }

    private QueryResult cachedOrRun(String sql, Duration ttl, List<Object> params) throws SQLException {
        ConnectionRequest request = dataSource.request();
        QueryKey key = new QueryKey(request.poolKey(), request.cacheSpec(), pools().currentPool(request), sql, params);
        long now = System.nanoTime();
        Cached hit = CACHE.get(key);
        if (hit != null && hit.alive(now)) {
            return hit.result();
        }
        QueryResult result = run(sql, params);
        if (CACHE.size() >= MAX_CACHED_RESULTS) {
            CACHE.values().removeIf(c -> !c.alive(now));
            if (CACHE.size() >= MAX_CACHED_RESULTS) {
                CACHE.clear();
            }
        }
        CACHE.put(key, new Cached(result, ttl == null, ttl == null ? 0 : now + ttl.toNanos()));
        return result;
    }

    /**
     * Retires this connection's pool now and forgets its cached results; the next use builds a new
     * pool. Never connects: resetting a connection whose database is down works.
     */
    public void reset() throws SQLException {
        ConnectionRequest request = dataSource.request();
        pools().reset(request);
        CACHE.keySet().removeIf(k -> k.of(request));
    }

    private QueryResult withRetries(Attempt query) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return query.run();
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !isConnectionFailure(e)) {
                    throw e;
                }
                int next = attempt + 1;
                LOG.warning(() -> "stconn: " + name + ": connection failure (" + e.getSQLState() + "), attempt " + next
                        + " of " + ATTEMPTS + " in " + RETRY_DELAY_MILLIS + " ms");
                try {
                    Thread.sleep(RETRY_DELAY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private QueryResult run(String sql, List<Object> params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                st.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                return QueryResult.read(rs);
            }
        }
    }

    /**
     * A connection failure: SQLState class 08 anywhere in the chain, unless stconn itself refused
     * the configuration (a bad URL or a missing driver is class 08 too, and no retry mends it).
     */
    static boolean isConnectionFailure(SQLException e) {
        if (e instanceof StconnConfigurationException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static Road pools() {
        return Road.shared();
    }

    @Override
    public String toString() {
        return "StconnConnection[" + name + "]";
    }
}
