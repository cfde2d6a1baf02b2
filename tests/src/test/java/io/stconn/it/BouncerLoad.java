package io.stconn.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many pools borrowing at once through PgBouncer, as a fleet of app instances does: every thread
 * borrows, runs the same two prepared statements in one transaction, commits and gives the
 * connection back, over and over. Counts operations and failures, and samples the server
 * connections PgBouncer holds ({@code pg_stat_activity}) meanwhile.
 */
final class BouncerLoad {
    /** The database behind PgBouncer (.ci/setup-databases.sh), reached directly to watch and check. */
    static final String DATABASE = "stconn_bouncer";
    static final String DIRECT_URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
    static final String SUPERUSER = "postgres";

    record Result(int operations, int failures, List<String> firstFailures, int peakBackends) {
    }

    private BouncerLoad() {
    }

    /** {@code threadsPerUrl} threads on each URL (one pool each), {@code opsPerThread} operations each. */
    static Result run(List<String> urls, int threadsPerUrl, int opsPerThread, String tag) throws Exception {
        AtomicInteger ops = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ConcurrentLinkedQueue<String> first = new ConcurrentLinkedQueue<>();
        AtomicLong peak = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> watch(peak, running), "backend-watcher");
        watcher.start();
        ExecutorService pool = Executors.newFixedThreadPool(urls.size() * threadsPerUrl);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int u = 0; u < urls.size(); u++) {
                String url = urls.get(u);
                int poolNo = u;
                for (int t = 0; t < threadsPerUrl; t++) {
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < opsPerThread; i++) {
                            ops.incrementAndGet();
                            try {
                                operation(url, tag, poolNo, i);
                            } catch (SQLException e) {
                                failures.incrementAndGet();
                                if (first.size() < 5) {
                                    first.add(e.getSQLState() + " " + e.getMessage());
                                }
                            }
                        }
                    }));
                }
            }
            for (Future<?> f : work) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            running.set(false);
            watcher.join();
        }
        return new Result(ops.get(), failures.get(), List.copyOf(first), (int) peak.get());
    }

    private static void operation(String url, String tag, int poolNo, int n) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement select = c.prepareStatement("SELECT ? + 1");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO stconn_bouncer_ops (tag, pool, n) VALUES (?, ?, ?)")) {
                select.setInt(1, n);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != n + 1) {
                        throw new SQLException("wrong answer " + rs.getInt(1) + " for " + n);
                    }
                }
                insert.setString(1, tag);
                insert.setInt(2, poolNo);
                insert.setInt(3, n);
                insert.executeUpdate();
            }
            c.commit();
        }
    }

    /** Server connections to the database, sampled every 20 ms: the ones PgBouncer opened. */
    private static void watch(AtomicLong peak, AtomicBoolean running) {
        try (Connection c = direct(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            st.setString(1, DATABASE);
            while (running.get()) {
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    peak.accumulateAndGet(rs.getLong(1), Math::max);
                }
                Thread.sleep(20);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("cannot watch pg_stat_activity", e);
        }
    }

    static Connection direct() throws SQLException {
        return DriverManager.getConnection(DIRECT_URL, SUPERUSER, "");
    }

    static long rows(String tag) throws SQLException {
        try (Connection c = direct(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM stconn_bouncer_ops WHERE tag = '" + tag + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
