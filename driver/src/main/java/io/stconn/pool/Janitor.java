package io.stconn.pool;

import io.stconn.internal.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Closes retired pools once their last borrowed connection is back, and retires pools whose ttl
 * passed even when nobody asks for them. Its one daemon thread runs only while there is work and
 * ends after a few idle seconds, so an idle JVM keeps no stconn thread of its own.
 */
final class Janitor {
    private static final long PERIOD_MILLIS = 100;

    private final Runnable sweepExpired;
    private final BooleanSupplier hasExpiringPools;
    private final ConcurrentLinkedQueue<PoolEntry> retired = new ConcurrentLinkedQueue<>();
    private ScheduledThreadPoolExecutor executor;
    private ScheduledFuture<?> task;

    Janitor(Runnable sweepExpired, BooleanSupplier hasExpiringPools) {
        this.sweepExpired = sweepExpired;
        this.hasExpiringPools = hasExpiringPools;
    }

    void closeWhenIdle(PoolEntry entry) {
        retired.add(entry);
        wake();
    }

    synchronized void wake() {
        if (task != null) {
            return;
        }
        if (executor == null) {
            executor = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("stconn-janitor"));
            executor.setKeepAliveTime(5, TimeUnit.SECONDS);
            executor.allowCoreThreadTimeOut(true);
            executor.setRemoveOnCancelPolicy(true);
        }
        task = executor.scheduleWithFixedDelay(this::run, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void run() {
        sweepExpired.run();
        retired.removeIf(entry -> {
            if (entry.activeConnections() == 0) {
                entry.close();
                return true;
            }
            return false;
        });
        synchronized (this) {
            if (retired.isEmpty() && !hasExpiringPools.getAsBoolean() && task != null) {
                task.cancel(false);
                task = null;
            }
        }
    }

    /** Stops the thread; returns the retired pools still waiting, for the caller to close. */
    synchronized List<PoolEntry> shutdown() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
            task = null;
        }
        List<PoolEntry> left = new ArrayList<>(retired);
        retired.clear();
        return left;
    }
}
