package io.stconn.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.stconn.StconnDataSource;
import io.stconn.StconnDriver;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The interleaved A/B harness: every variant (baseline and candidates) lives in one JVM and they
 * take turns in short time slices, round after round, the order rotating each round; each slice
 * records operations, wall time and the CPU time of the threads that ran it. A busy machine slows
 * whole seconds at a time, so separate JMH forks of the baseline and the candidate, tens of seconds
 * apart, see different machines; slices a few milliseconds apart see the same one, and the ratio of
 * each round is judged against its own baseline. BenchMain starts this in a fresh JVM and turns
 * the per-slice lines it prints into medians and confidence intervals ({@link Paired}).
 *
 * <p>Arguments: h2|pg, threads, rounds, slice milliseconds, rotation of the pools' creation order.
 * Output: one line per slice,
 * {@code round variant ops wallNanos cpuNanos} (summed over the threads).
 */
public final class Interleaved {
    /** One variant: the operation, with its own loop so that every call site in it sees one receiver type. */
    abstract static class Variant {
        final String key;

        Variant(String key) {
            this.key = key;
        }

        /** Runs operations until the deadline; returns how many. */
        abstract long runUntil(long deadline) throws Exception;
    }

    private static final Blackhole BLACKHOLE = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    /** Operations between two clock reads: the same for every variant, so the clock's cost cancels. */
    private static final int BATCH = 16;

    private Interleaved() {
    }

    public static void main(String[] args) throws Exception {
        String suite = args[0];
        int threads = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        long sliceNanos = (long) (Double.parseDouble(args[3]) * 1e6);
        int rotation = Integer.parseInt(args[4]);
        List<Variant> variants = suite.equals("pg") ? pgVariants(rotation) : h2Variants(rotation);
        // warm-up: every variant compiled by C2 before anything counts
        measure(variants, threads, Math.max(20, rounds / 5), sliceNanos, false);
        measure(variants, threads, rounds, sliceNanos, true);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /**
     * The H2 variants, built group by group (the baseline pool; each secrets kind's DataSource pool
     * and URL pool) in the rotated order: a pool's place in the creation order decides where its
     * ThreadLocal lands in each borrowing thread's ThreadLocalMap (HikariCP finds a thread's own
     * connections through one), and a collision there costs that pool a few per cent on every
     * borrow. Each JVM of a run rotates the order, so every group is created first once.
     */
    static List<Variant> h2Variants(int rotation) throws Exception {
        List<String> groups = rotate(List.of("hikari", Projects.ONE, Projects.THOUSAND, Projects.DIR200), rotation);
        List<Variant> variants = new ArrayList<>();
        Driver driver = new StconnDriver();
        Properties emptyLogin = new Properties();
        emptyLogin.setProperty("user", "");
        emptyLogin.setProperty("password", "");
        for (String group : groups) {
            if (group.equals("hikari")) {
                variants.add(baseline());
            } else {
                variants.addAll(stconnVariants(group, driver, emptyLogin));
            }
        }
        return variants;
    }

    private static Variant baseline() throws Exception {
        HikariDataSource baseline = Pools.hikari(Projects.H2_URL, null);
        Pools.warm(baseline);
        return new Variant("hikari") {
            @Override
            long runUntil(long deadline) throws Exception {
                long ops = 0;
                do {
                    for (int i = 0; i < BATCH; i++) {
                        try (Connection c = baseline.getConnection()) {
                            BLACKHOLE.consume(c);
                        }
                    }
                    ops += BATCH;
                } while (System.nanoTime() < deadline);
                return ops;
            }
        };
    }

    private static List<Variant> stconnVariants(String kind, Driver driver, Properties emptyLogin) throws Exception {
        List<Variant> variants = new ArrayList<>();
        StconnDataSource ds = new StconnDataSource("bench");
        ds.setProjectDir(Projects.forDataSource(kind).toString());
        Pools.warm(ds);
        String url = Projects.stconnUrl("bench", Projects.project(kind));
        try (Connection c = driver.connect(url, null)) {
            Pools.check(c);
        }
        variants.add(new Variant("dataSource." + kind) {
            @Override
            long runUntil(long deadline) throws Exception {
                long ops = 0;
                do {
                    for (int i = 0; i < BATCH; i++) {
                        try (Connection c = ds.getConnection()) {
                            BLACKHOLE.consume(c);
                        }
                    }
                    ops += BATCH;
                } while (System.nanoTime() < deadline);
                return ops;
            }
        });
        variants.add(new Variant("driverConnect." + kind) {
            @Override
            long runUntil(long deadline) throws Exception {
                long ops = 0;
                do {
                    for (int i = 0; i < BATCH; i++) {
                        try (Connection c = driver.connect(url, null)) {
                            BLACKHOLE.consume(c);
                        }
                    }
                    ops += BATCH;
                } while (System.nanoTime() < deadline);
                return ops;
            }
        });
        if (!kind.equals(Projects.ONE)) {
            return variants;
        }
        variants.add(new Variant("driverConnectProps." + kind) {
            @Override
            long runUntil(long deadline) throws Exception {
                long ops = 0;
                do {
                    for (int i = 0; i < BATCH; i++) {
                        try (Connection c = driver.connect(url, emptyLogin)) {
                            BLACKHOLE.consume(c);
                        }
                    }
                    ops += BATCH;
                } while (System.nanoTime() < deadline);
                return ops;
            }
        });
        variants.add(new Variant("driverManager." + kind) {
            @Override
            long runUntil(long deadline) throws Exception {
                long ops = 0;
                do {
                    for (int i = 0; i < BATCH; i++) {
                        try (Connection c = DriverManager.getConnection(url)) {
                            BLACKHOLE.consume(c);
                        }
                    }
                    ops += BATCH;
                } while (System.nanoTime() < deadline);
                return ops;
            }
        });
        return variants;
    }

    private static <T> List<T> rotate(List<T> list, int by) {
        List<T> out = new ArrayList<>(list);
        java.util.Collections.rotate(out, -Math.floorMod(by, list.size()));
        return out;
    }

    static List<Variant> pgVariants(int rotation) throws Exception {
        List<Variant> variants = new ArrayList<>();
        for (String group : rotate(List.of("hikari", "stconn"), rotation)) {
            DataSource ds;
            if (group.equals("hikari")) {
                ds = Pools.hikari(Projects.PG_URL, Projects.PG_USER);
            } else {
                StconnDataSource stconn = new StconnDataSource("pg");
                stconn.setProjectDir(Projects.project(Projects.PG).toString());
                ds = stconn;
            }
            Pools.warm(ds);
            variants.add(query(group + "Select1", ds, PgQueryBench.SELECT_1));
            variants.add(query(group + "Fetch100", ds, PgQueryBench.FETCH_100));
        }
        return variants;
    }

    private static Variant query(String key, DataSource ds, String sql) {
        return new Variant(key) {
            @Override
            long runUntil(long deadline) throws Exception {
                long ops = 0;
                do {
                    PgQueryBench.query(ds, sql, BLACKHOLE);
                    ops++;
                } while (System.nanoTime() < deadline);
                return ops;
            }
        };
    }

    /** Every round runs each variant for one slice on all threads at once, in an order that rotates. */
    private static void measure(List<Variant> variants, int threads, int rounds, long sliceNanos, boolean print)
            throws Exception {
        int n = variants.size();
        long[][] ops = new long[rounds][n];
        long[][] wall = new long[rounds][n];
        long[][] cpu = new long[rounds][n];
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        for (int k = 0; k < n; k++) {
                            int v = (k + r) % n;
                            barrier.await();
                            long c0 = mx.getCurrentThreadCpuTime();
                            long w0 = System.nanoTime();
                            long done = variants.get(v).runUntil(w0 + sliceNanos);
                            long w1 = System.nanoTime();
                            long c1 = mx.getCurrentThreadCpuTime();
                            synchronized (ops) {
                                ops[r][v] += done;
                                wall[r][v] += w1 - w0;
                                cpu[r][v] += c1 - c0;
                            }
                        }
                    }
                } catch (Exception | Error e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                    barrier.reset();
                }
            }, "interleaved-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.stream().filter(f -> !(f instanceof BrokenBarrierException)).findFirst()
                    .orElse(failures.get(0));
            throw new IllegalStateException("interleaved run failed", first);
        }
        if (print) {
            StringBuilder out = new StringBuilder();
            for (int r = 0; r < rounds; r++) {
                for (int v = 0; v < n; v++) {
                    out.append(String.format(Locale.ROOT, "%d %s %d %d %d%n", r, variants.get(v).key, ops[r][v], wall[r][v],
                            cpu[r][v]));
                }
            }
            System.out.print(out);
        }
    }
}
