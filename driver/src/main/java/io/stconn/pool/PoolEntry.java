package io.stconn.pool;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import io.stconn.request.ConnectionRequest.PoolKey;
import io.stconn.secrets.SecretsWatch;
import io.stconn.spi.PoolTarget;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One live pool and what it was built from. */
final class PoolEntry {
    private static final Logger LOG = Logger.getLogger(PoolEntry.class.getName());
    final PoolKey key;
    final HikariDataSource dataSource;
    /** The pool itself, for borrows with a timeout of stconn's choosing. */
    final HikariPool pool;
    final PoolTarget target;
    final SecretsWatch watch;
    private final long createdNanos;
    private final long ttlNanos;
    /** The secrets generation this pool's target was last confirmed against. */
    volatile long generation;
    private static final long TOUCH_GRANULARITY_NANOS = 1_000_000;
    volatile long lastUsedNanos;
    volatile boolean retired;
    /** The registry that built it: a request used with two registries never borrows from the other's pool. */
    final PoolRegistry owner;
    /** In a cache with max_entries: only there does the last use matter (and cost a write). */
    final boolean bounded;

    PoolEntry(PoolRegistry owner, PoolKey key, HikariDataSource dataSource, Resolved resolved, long ttlNanos,
              boolean bounded) {
        this.owner = owner;
        this.bounded = bounded;
        this.key = key;
        this.dataSource = dataSource;
        this.pool = (HikariPool) dataSource.getHikariPoolMXBean();
        this.target = resolved.target();
        this.watch = resolved.watch();
        this.generation = resolved.generation();
        this.ttlNanos = ttlNanos;
        this.createdNanos = System.nanoTime();
        this.lastUsedNanos = createdNanos;
    }

    /**
     * Records a use for the least-recently-used choice. Written at most once a millisecond: threads
     * borrowing at once would otherwise all write one shared field on every borrow.
     */
    void touch(long now) {
        if (now - lastUsedNanos > TOUCH_GRANULARITY_NANOS) {
            lastUsedNanos = now;
        }
    }

    boolean expired(long now) {
        return ttlNanos != 0 && now - createdNanos >= ttlNanos;
    }

    /** Still in use by the pools' cache and built from the secrets as they are now. */
    boolean fresh() {
        return !retired && (ttlNanos == 0 || !expired(System.nanoTime()))
                && watch.current().generation() == generation;
    }

    int activeConnections() {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        return pool == null ? 0 : pool.getActiveConnections();
    }

    String poolName() {
        return dataSource.getPoolName();
    }

    /** Closes the pool now, what it lent out included (deregistration, or retired with none left out). */
    void close() {
        try {
            dataSource.close();
            if (!dataSource.isRegisterMbeans()) {
                PoolMBeans.unregister(dataSource.getPoolName());
            }
            if (dataSource.getDataSource() instanceof MemoryDatabase memory) {
                memory.close();
            }
        } catch (RuntimeException | SQLException e) {
            LOG.log(Level.WARNING, poolName() + " - close failed", e);
        }
        // borrowed connections HikariCP could only abort (a driver may ignore abort) close now
        if (dataSource.getDataSource() instanceof DriverDataSource physical) {
            physical.closeOpened();
        }
    }
}
