package io.stconn.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.stconn.request.ConnectionRequest;
import io.stconn.request.ConnectionRequest.CacheSpec;
import io.stconn.secrets.SecretsWatch;
import io.stconn.spi.PoolTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

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
    /** How often a waiting borrower looks whether its pool was retired: the secrets' check interval. */
    static final long WAIT_SLICE_MILLIS = 250;

    private final TargetSource targets;
    private final Map<CacheSpec, PoolCache> caches = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> poolNumbers = new ConcurrentHashMap<>();
    private final Janitor janitor = new Janitor(this::sweepExpired, this::hasExpiringPools);
    private final PoolMetrics metrics = new PoolMetrics();

    public PoolRegistry(TargetSource targets) {
        this.targets = targets;
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
            return borrow(request, entry);
        } catch (SQLException e) {
            if (cache == null) {
                cache = caches.computeIfAbsent(request.cacheSpec(), PoolCache::new);
            }
            if (entry.dataSource.isClosed()) {
                // retired and closed between the lookup and the borrow: take the current pool
                return current(request, cache, false).dataSource.getConnection();
            }
            if (StartFailure.isLoginFailure(e)) {
                PoolEntry rotated = current(request, cache, true);
                if (rotated != entry) {
                    return rotated.dataSource.getConnection();
                }
            }
            throw e;
        }
    }

    /**
     * HikariCP's borrow, in slices of {@link #WAIT_SLICE_MILLIS} up to the pool's connectionTimeout:
     * a borrower waiting on a pool that is retired meanwhile (the secrets changed, its ttl passed)
     * moves to the current pool instead of waiting out the timeout on one that will never serve it.
     */
    private Connection borrow(ConnectionRequest request, PoolEntry first) throws SQLException {
        PoolEntry entry = first;
        long start = 0;
        while (true) {
            try {
                return entry.pool.getConnection(WAIT_SLICE_MILLIS);
            } catch (SQLTransientConnectionException timeout) {
                long now = System.nanoTime();
                start = start == 0 ? now - TimeUnit.MILLISECONDS.toNanos(WAIT_SLICE_MILLIS) : start;
                long waited = TimeUnit.NANOSECONDS.toMillis(now - start);
                if (waited >= entry.dataSource.getConnectionTimeout()) {
                    throw new SQLTransientConnectionException(String.valueOf(timeout.getMessage())
                            .replaceFirst("after \\d+ms", "after " + waited + "ms"), timeout.getSQLState(), timeout.getCause());
                }
                if (!entry.fresh()) {
                    entry = current(request, caches.computeIfAbsent(request.cacheSpec(), PoolCache::new), false);
                    request.lastPool(entry);
                }
            }
        }
    }

    /** The pool for the request as the secrets are now: reused, rebuilt, or built. */
    private PoolEntry current(ConnectionRequest request, PoolCache cache, boolean forceRecheck) throws SQLException {
        synchronized (cache.lockFor(request.poolKey())) {
            PoolEntry entry = cache.get(request.poolKey());
            long now = System.nanoTime();
            Resolved resolved = null;
            if (entry != null && entry.expired(now)) {
                retire(cache, entry, "its ttl passed");
                entry = null;
            }
            if (entry != null) {
                SecretsWatch.Snapshot snapshot = forceRecheck ? entry.watch.refresh() : entry.watch.current();
                if (snapshot.generation() == entry.generation && !forceRecheck) {
                    return entry;
                }
                resolved = resolve(request, entry.watch, snapshot);
                if (resolved.target().equals(entry.target)) {
                    entry.generation = snapshot.generation();
                    return entry;
                }
                retire(cache, entry, "its configuration changed");
            }
            if (resolved == null) {
                SecretsWatch watch = targets.watchFor(request);
                resolved = resolve(request, watch, watch.current());
            }
            PoolEntry built = buildWithRotation(request, resolved);
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

    /**
     * The request's pools report to this Micrometer MeterRegistry (or Dropwizard MetricRegistry)
     * from now on: the running pool at once, and every pool later built for the same connection.
     */
    public void metrics(ConnectionRequest request, Object registry) throws SQLException {
        Object kept = metrics.register(request.poolKey(), registry);
        PoolCache cache = caches.get(request.cacheSpec());
        if (cache != null) {
            synchronized (cache.lockFor(request.poolKey())) {
                PoolEntry entry = cache.get(request.poolKey());
                if (entry != null) {
                    PoolMetrics.attach(entry.dataSource, kept);
                }
            }
        }
    }

    private Resolved resolve(ConnectionRequest request, SecretsWatch watch, SecretsWatch.Snapshot snapshot)
            throws SQLException {
        return new Resolved(targets.target(request, watch, snapshot), watch, snapshot.generation());
    }

    /**
     * Builds the pool; when the database refuses the login (class 28), re-reads the secrets once
     * and, if the credentials changed meanwhile (rotation), builds once more. Never loops.
     */
    private PoolEntry buildWithRotation(ConnectionRequest request, Resolved resolved) throws SQLException {
        try {
            return build(request, resolved);
        } catch (SQLException e) {
            if (!StartFailure.isLoginFailure(e)) {
                throw e;
            }
            SecretsWatch watch = resolved.watch();
            Resolved again = resolve(request, watch, watch.refresh());
            if (again.target().equals(resolved.target())) {
                throw e;
            }
            LOG.info(() -> "stconn: " + request.name() + ": login refused; the secrets changed, retrying once");
            return build(request, again);
        }
    }

    private PoolEntry build(ConnectionRequest request, Resolved resolved) throws SQLException {
        PoolTarget target = resolved.target();
        HikariConfig config = PoolSettings.config(request.name(), target.poolSettings(), poolName(request.name()));
        metrics.configure(config, request.poolKey());
        config.setDataSource(target.dataSource() != null ? target.dataSource()
                : MemoryDatabase.of(target.driver(), target.jdbcUrl(), target.properties()));
        LOG.fine(config.getPoolName() + " - starting for " + target + ", notes " + target.notes());
        try {
            HikariDataSource dataSource = new HikariDataSource(config);
            if (PoolSettings.jmx() && !config.isRegisterMbeans()) {
                PoolMBeans.registerLater(dataSource);
            }
            long ttl = request.ttl() == null ? 0 : request.ttl().toNanos();
            return new PoolEntry(this, request.poolKey(), dataSource, resolved, ttl, request.maxEntries() != null);
        } catch (RuntimeException e) {
            throw StartFailure.of(request.name(), target, e);
        }
    }

    /**
     * {@code stconn-<name>}, or {@code stconn-<name>-<n>} for a later pool of the same name. Unique in
     * the JVM, not only in this registry (another class loader may run a second copy of stconn),
     * because HikariCP registers its MBeans under the pool name and skips a name already taken.
     */
    private String poolName(String connectionName) {
        String base = PoolSettings.poolNameBase(connectionName);
        AtomicInteger counter = poolNumbers.computeIfAbsent(base, k -> new AtomicInteger());
        while (true) {
            int n = counter.incrementAndGet();
            String name = n == 1 ? base : base + "-" + n;
            if (!PoolSettings.jmx() || !PoolMBeans.taken(name)) {
                return name;
            }
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
            e.close();
        });
        janitor.shutdown().forEach(PoolEntry::close);
    }
}
