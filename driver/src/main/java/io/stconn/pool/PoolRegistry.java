package io.stconn.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.stconn.SqlState;
import io.stconn.internal.Masking;
import io.stconn.request.ConnectionRequest;
import io.stconn.request.ConnectionRequest.CacheSpec;
import io.stconn.resolve.Resolution;
import io.stconn.resolve.Resolver;
import io.stconn.secrets.SecretsWatch;
import io.stconn.type.PoolTarget;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Every pool of the JVM, shared by all callers as Streamlit's cache_resource is shared by all
 * sessions. The hot path is the request's own reference to its last pool (the maps are looked up
 * only when that pool is gone), two volatile reads for the freshness of the secrets (a timer marks
 * them due every 250 ms), a clock read only for a pool with a ttl or in a bounded cache, and
 * HikariCP's own borrow; everything else happens when a pool is missing, expired, or built from
 * secrets that changed since.
 */
public final class PoolRegistry {
    private static final Logger LOG = Logger.getLogger(PoolRegistry.class.getName());

    private final Resolver resolver;
    private final Map<CacheSpec, PoolCache> caches = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> poolNumbers = new ConcurrentHashMap<>();
    private final Janitor janitor = new Janitor(this::sweepExpired, this::hasExpiringPools);

    public PoolRegistry(Resolver resolver) {
        this.resolver = resolver;
    }

    public Resolver resolver() {
        return resolver;
    }

    /** A connection for the request from its pool, building or rebuilding the pool as needed. */
    public Connection connection(ConnectionRequest request) throws SQLException {
        PoolEntry entry = request.lastPool() instanceof PoolEntry last && last.owner == this && last.fresh()
                ? last : null;
        PoolCache cache = null;
        if (entry == null) {
            cache = caches.computeIfAbsent(request.cacheSpec(), PoolCache::new);
            entry = cache.get(request.poolKey());
            if (entry == null || !entry.fresh()) {
                entry = current(request, cache, false);
            }
            request.lastPool(entry);
        }
        if (entry.bounded) {
            entry.touch(System.nanoTime());
        }
        try {
            return entry.dataSource.getConnection();
        } catch (SQLException e) {
            if (cache == null) {
                cache = caches.computeIfAbsent(request.cacheSpec(), PoolCache::new);
            }
            if (entry.dataSource.isClosed()) {
                // retired and closed between the lookup and the borrow: take the current pool
                return current(request, cache, false).dataSource.getConnection();
            }
            if (isLoginFailure(e)) {
                PoolEntry rotated = current(request, cache, true);
                if (rotated != entry) {
                    return rotated.dataSource.getConnection();
                }
            }
            throw e;
        }
    }

    /** The pool for the request as the secrets are now: reused, rebuilt, or built. */
    private PoolEntry current(ConnectionRequest request, PoolCache cache, boolean forceRecheck) throws SQLException {
        synchronized (cache.lockFor(request.poolKey())) {
            PoolEntry entry = cache.get(request.poolKey());
            long now = System.nanoTime();
            Resolution resolution = null;
            if (entry != null && entry.expired(now)) {
                retire(cache, entry, "its ttl passed");
                entry = null;
            }
            if (entry != null) {
                SecretsWatch.Snapshot snapshot = forceRecheck ? entry.watch.refresh() : entry.watch.current();
                if (snapshot.generation() == entry.generation && !forceRecheck) {
                    return entry;
                }
                resolution = resolver.resolve(request, entry.watch, snapshot);
                if (resolution.target().equals(entry.target)) {
                    entry.generation = snapshot.generation();
                    return entry;
                }
                retire(cache, entry, "its configuration changed");
            }
            if (resolution == null) {
                resolution = resolver.resolve(request);
            }
            PoolEntry built = buildWithRotation(request, resolution);
            for (PoolEntry evicted : cache.put(built)) {
                retire(cache, evicted, "the cache for max_entries=" + cache.spec().maxEntries() + " is full");
            }
            if (cache.hasTtl()) {
                janitor.wake();
            }
            return built;
        }
    }

    /**
     * The pool serving the request now (built if needed), as an opaque identity: it changes when
     * the pool is retired and rebuilt, so results cached against it die with it.
     */
    public Object currentPool(ConnectionRequest request) throws SQLException {
        PoolCache cache = caches.computeIfAbsent(request.cacheSpec(), PoolCache::new);
        PoolEntry entry = cache.get(request.poolKey());
        return entry != null && entry.fresh() ? entry : current(request, cache, false);
    }

    /** Retires the request's pool now (the Java API's reset); the next connection builds a new one. */
    public void reset(ConnectionRequest request) {
        PoolCache cache = caches.get(request.cacheSpec());
        if (cache == null) {
            return;
        }
        synchronized (cache.lockFor(request.poolKey())) {
            PoolEntry entry = cache.get(request.poolKey());
            if (entry != null) {
                retire(cache, entry, "reset");
            }
        }
    }

    /** A description of what the request resolves to, without building a pool. */
    public Resolution describe(ConnectionRequest request) throws SQLException {
        return resolver.resolve(request);
    }

    /**
     * Builds the pool; when the database refuses the login (class 28), re-reads the secrets once
     * and, if the credentials changed meanwhile (rotation), builds once more. Never loops.
     */
    private PoolEntry buildWithRotation(ConnectionRequest request, Resolution resolution) throws SQLException {
        try {
            return build(request, resolution);
        } catch (SQLException e) {
            if (!isLoginFailure(e)) {
                throw e;
            }
            SecretsWatch watch = resolution.watch();
            Resolution again = resolver.resolve(request, watch, watch.refresh());
            if (again.target().equals(resolution.target())) {
                throw e;
            }
            LOG.info(() -> "stconn: " + request.name() + ": login refused; the secrets changed, retrying once");
            return build(request, again);
        }
    }

    private PoolEntry build(ConnectionRequest request, Resolution resolution) throws SQLException {
        PoolTarget target = resolution.target();
        HikariConfig config = hikariConfig(request.name(), target.poolSettings());
        config.setPoolName(poolName(request.name()));
        config.setDataSource(target.dataSource() != null ? target.dataSource()
                : new DriverDataSource(target.driver(), target.jdbcUrl(), target.properties()));
        config.setRegisterMbeans(true);
        target.notes().forEach(note -> LOG.fine(() -> config.getPoolName() + " - " + note));
        try {
            HikariDataSource dataSource = new HikariDataSource(config);
            long ttl = request.ttl() == null ? 0 : request.ttl().toNanos();
            LOG.fine(() -> config.getPoolName() + " - started for " + target);
            return new PoolEntry(this, request.poolKey(), dataSource, resolution, ttl, request.maxEntries() != null);
        } catch (RuntimeException e) {
            throw connectFailure(request, resolution, e);
        }
    }

    /** HikariCP's own reading and checking of pool settings, as the pool start makes it. */
    public static HikariConfig hikariConfig(String connectionName, Properties settings) throws SQLException {
        try {
            return new HikariConfig(settings);
        } catch (RuntimeException e) {
            throw invalidPoolSetting(connectionName, e);
        }
    }

    /** The error for pool settings HikariCP refuses, in HikariCP's own words. */
    public static SQLException invalidPoolSetting(String connectionName, RuntimeException e) {
        return SqlState.INVALID_POOL_SETTING.exception("Invalid pool setting for connection '" + connectionName
                + "': " + hikariMessage(e) + ". Pool settings come from create_engine_kwargs and the hikari table; "
                + "see HikariCP's configuration documentation for names and values.", e);
    }

    private static SQLException connectFailure(ConnectionRequest request, Resolution resolution, RuntimeException e) {
        SQLException cause = rootSqlException(e);
        PoolTarget target = resolution.target();
        String what = target.driver() != null ? Masking.url(target.jdbcUrl()) : target.implementationClass();
        if (cause == null) {
            return SqlState.INVALID_POOL_SETTING.exception("Cannot start the pool for connection '" + request.name()
                    + "' (" + what + "): " + hikariMessage(e), e);
        }
        String state = cause.getSQLState() != null ? cause.getSQLState() : SqlState.CONNECTION_FAILED.code();
        // 08004: the server rejected the connection, as pgjdbc says when it wanted a password and got none
        String advice = state.startsWith("28") || state.equals("08004")
                ? " Check user and password in [connections." + request.name() + "] (or the kwargs that override them)."
                : " Check that the database is running and reachable, and the url or host/port/database.";
        String message = Masking.url(String.valueOf(cause.getMessage())).strip();
        return new SQLException("Cannot connect to '" + request.name() + "' (" + what + "): " + message
                + (message.endsWith(".") ? "" : ".") + advice, state, cause);
    }

    /** HikariCP's complaint about one setting, in its own words, or null when it takes the value. */
    public static String refusal(String key, String value) {
        Properties one = new Properties();
        one.setProperty(key, value);
        try {
            new HikariConfig(one);
            return null;
        } catch (RuntimeException e) {
            return hikariMessage(e);
        }
    }

    /**
     * HikariCP's own words: it wraps a setter's complaint in reflection exceptions, so the
     * innermost message is the one that says what is wrong.
     */
    private static String hikariMessage(Throwable e) {
        Throwable innermost = e;
        for (Throwable t = e.getCause(); t != null && t != innermost; t = t.getCause()) {
            if (t.getMessage() != null) {
                innermost = t;
            }
        }
        String message = String.valueOf(innermost.getMessage());
        if (innermost instanceof NumberFormatException) {
            message = "not a number (" + message + ")";
        }
        return Masking.url(message);
    }

    static SQLException rootSqlException(Throwable e) {
        SQLException found = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                found = sql;
            }
        }
        return found;
    }

    /** A refused login, judged by the SQLState of the root cause (class 28), not of a wrapper. */
    static boolean isLoginFailure(Throwable e) {
        SQLException root = rootSqlException(e);
        return root != null && root.getSQLState() != null && root.getSQLState().startsWith("28");
    }

    /**
     * {@code stconn-<name>}, or {@code stconn-<name>-<n>} for a later pool of the same name. Unique in
     * the JVM, not only in this registry (another class loader may run a second copy of stconn),
     * because HikariCP registers its MBeans under the pool name and skips a name already taken.
     */
    private String poolName(String connectionName) {
        String safe = connectionName.replaceAll("[:,=*?\"\\n\\r\\\\]", "_");
        AtomicInteger counter = poolNumbers.computeIfAbsent(safe, k -> new AtomicInteger());
        while (true) {
            int n = counter.incrementAndGet();
            String name = n == 1 ? "stconn-" + safe : "stconn-" + safe + "-" + n;
            if (!mbeanTaken(name)) {
                return name;
            }
        }
    }

    private static boolean mbeanTaken(String poolName) {
        try {
            // HikariCP names its MBeans after its own package, which the drop-in jar relocates
            ObjectName pool = new ObjectName(HikariDataSource.class.getPackageName() + ":type=Pool (" + poolName + ")");
            return ManagementFactory.getPlatformMBeanServer().isRegistered(pool);
        } catch (MalformedObjectNameException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Gracefully: no new borrowers (it leaves the cache), idle connections close now, borrowed
     * ones keep working and close when returned; the janitor shuts the pool down once none is out.
     */
    private void retire(PoolCache cache, PoolEntry entry, String why) {
        cache.remove(entry);
        if (entry.retired) {
            return;
        }
        entry.retired = true;
        LOG.info(() -> entry.poolName() + " - retired: " + why);
        entry.dataSource.getHikariConfigMXBean().setMinimumIdle(0);
        HikariPoolMXBean pool = entry.dataSource.getHikariPoolMXBean();
        if (pool != null) {
            pool.softEvictConnections();
        }
        janitor.closeWhenIdle(entry);
    }

    private void sweepExpired() {
        long now = System.nanoTime();
        for (PoolCache cache : caches.values()) {
            if (!cache.hasTtl()) {
                continue;
            }
            for (PoolEntry entry : new ArrayList<>(cache.entries())) {
                if (entry.expired(now)) {
                    synchronized (cache.lockFor(entry.key)) {
                        retire(cache, entry, "its ttl passed");
                    }
                }
            }
        }
    }

    /** True while a cache with a ttl holds a pool: the janitor keeps sweeping. */
    boolean hasExpiringPools() {
        return caches.values().stream().anyMatch(c -> c.hasTtl() && !c.entries().isEmpty());
    }

    /** Closes every pool now, borrowed connections included, and stops the janitor (driver deregistration). */
    public void closeAll() {
        List<PoolEntry> all = new ArrayList<>();
        caches.values().forEach(c -> all.addAll(c.entries()));
        caches.clear();
        all.forEach(e -> {
            e.retired = true;
            closeQuietly(e);
        });
        janitor.shutdown().forEach(PoolRegistry::closeQuietly);
    }

    static void closeQuietly(PoolEntry entry) {
        try {
            entry.dataSource.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, entry.poolName() + " - close failed", e);
        }
    }
}
