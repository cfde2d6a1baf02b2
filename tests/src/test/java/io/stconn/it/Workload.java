package io.stconn.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Threads that borrow a connection, run one query and give it back, over and over, as an
 * application under load does; what they saw is counted: operations, failures by SQLState, and
 * the time of every success (for recovery times).
 */
final class Workload implements AutoCloseable {
    private final String url;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong remaining;
    private volatile boolean stopped;
    final AtomicInteger ok = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    /** The last failure's message, to show when a test fails. */
    volatile String lastFailure = "";
    private final AtomicLong lastSuccessNanos = new AtomicLong();
    private final AtomicLong lastFailureNanos = new AtomicLong();
    private final AtomicLongArray threadSuccessNanos;

    /** {@code threads} threads, each doing operations until {@code operations} are done (or {@link #close}). */
    Workload(String url, int threadCount, long operations, long holdMillis) {
        this.url = url;
        this.remaining = new AtomicLong(operations);
        this.threadSuccessNanos = new AtomicLongArray(threadCount);
        for (int i = 0; i < threadCount; i++) {
            int index = i;
            Thread t = new Thread(() -> loop(index, holdMillis), "workload-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    private void loop(int index, long holdMillis) {
        while (!stopped && remaining.getAndDecrement() > 0) {
            try (Connection c = DriverManager.getConnection(url);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
                if (holdMillis > 0) {
                    Thread.sleep(holdMillis);
                }
                ok.incrementAndGet();
                long now = System.nanoTime();
                lastSuccessNanos.set(now);
                threadSuccessNanos.set(index, now);
            } catch (SQLException e) {
                failed.incrementAndGet();
                failures.computeIfAbsent(String.valueOf(e.getSQLState()), k -> new AtomicInteger()).incrementAndGet();
                lastFailure = e.getMessage();
                lastFailureNanos.set(System.nanoTime());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long lastFailureNanos() {
        return lastFailureNanos.get();
    }

    /** Milliseconds from {@code sinceNanos} to the first success after it, waiting up to {@code maxMillis}; -1 if none. */
    long millisToSuccessAfter(long sinceNanos, long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            long last = lastSuccessNanos.get();
            if (last - sinceNanos > 0) {
                return (last - sinceNanos) / 1_000_000;
            }
            Thread.sleep(5);
        }
        return -1;
    }

    /**
     * Milliseconds from {@code sinceNanos} until every thread has succeeded after it, waiting up to
     * {@code maxMillis}; -1 if some thread did not.
     */
    long millisUntilEveryThreadSucceededAfter(long sinceNanos, long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            long latest = 0;
            boolean all = true;
            for (int i = 0; i < threadSuccessNanos.length(); i++) {
                long t = threadSuccessNanos.get(i);
                all &= t - sinceNanos > 0;
                latest = Math.max(latest, t - sinceNanos);
            }
            if (all) {
                return latest / 1_000_000;
            }
            Thread.sleep(5);
        }
        return -1;
    }

    /** Waits for every thread to end (the operations are done); returns the milliseconds it took them. */
    long join(long maxMillis) throws InterruptedException {
        long start = System.nanoTime();
        for (Thread t : threads) {
            t.join(Math.max(1, maxMillis - (System.nanoTime() - start) / 1_000_000));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    boolean allEnded() {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    String summary() {
        return "ok=" + ok.get() + " failed=" + failed.get() + " " + new TreeMap<>(failures);
    }

    /** Stops the threads after their current operation. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        join(60_000);
    }
}
