package io.stconn.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.stconn.StconnDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.sql.DataSource;

/**
 * The heap one idle pool keeps: in a fresh JVM, the live bytes of a class histogram (taken after a
 * full GC) with N more idle pools minus before them, divided by N. A first pool is
 * built before the "before" reading, so class loading, the parsed secrets and other one-off state
 * are not counted. Every pool holds minimumIdle (5) idle H2 connections to one shared database;
 * those are the same for stconn and HikariCP, so the difference is what stconn adds.
 */
public final class PoolFootprint {
    static final String H2_URL = "jdbc:h2:mem:footprint;DB_CLOSE_DELAY=-1";
    /** Long enough for HikariCP's connection-adding threads to finish and its housekeeper to run once. */
    static final long SETTLE_MILLIS = 3000;

    private PoolFootprint() {
    }

    /** Child process: prints the bytes per idle pool. Arguments: hikari|stconn, N, project folder. */
    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int n = Integer.parseInt(args[1]);
        Path project = Path.of(args[2]);
        try (Connection keeper = DriverManager.getConnection(H2_URL)) {
            List<DataSource> pools = new ArrayList<>();
            pools.add(open(kind, 0, project));
            waitIdle(kind, pools);
            Thread.sleep(SETTLE_MILLIS);
            long before = liveBytes();
            for (int i = 1; i <= n; i++) {
                pools.add(open(kind, i, project));
            }
            waitIdle(kind, pools);
            Thread.sleep(SETTLE_MILLIS);
            long after = liveBytes();
            System.out.println((after - before) / n);
            Reference.reachabilityFence(pools);
            Reference.reachabilityFence(keeper);
        }
        Runtime.getRuntime().halt(0);
    }

    /** Parent: runs the child for each kind; returns {hikari, stconn} bytes per pool. */
    static long[] measure(Path projects, int n) throws IOException, InterruptedException {
        return new long[] {child("hikari", projects, n), child("stconn", projects, n)};
    }

    private static long child(String kind, Path projects, int n) throws IOException, InterruptedException {
        List<String> command = List.of(ClassPath.java(), "-XX:+UseSerialGC", "-Xms512m", "-Xmx512m",
                "-Duser.home=" + projects.resolve("home"), "-cp", System.getProperty("java.class.path"),
                PoolFootprint.class.getName(), kind, String.valueOf(n), projects.resolve(Projects.FOOTPRINT).toString());
        Path err = Files.createTempFile("stconn-footprint", ".err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exit = p.waitFor();
        String errors = Files.readString(err);
        Files.deleteIfExists(err);
        if (exit != 0 || out.isEmpty()) {
            throw new IllegalStateException("footprint of " + kind + " failed (exit " + exit + "): " + out + " " + errors);
        }
        String[] lines = out.split("\\R");
        return Long.parseLong(lines[lines.length - 1].trim());
    }

    private static DataSource open(String kind, int i, Path project) throws Exception {
        DataSource ds;
        if (kind.equals("stconn")) {
            StconnDataSource s = new StconnDataSource(Projects.footprintName(i));
            s.setProjectDir(project.toString());
            ds = s;
        } else {
            ds = Pools.hikari("baseline-" + i, H2_URL, null);
        }
        Pools.warm(ds);
        return ds;
    }

    /** Until every pool holds its minimumIdle connections (HikariCP fills them in the background). */
    private static void waitIdle(String kind, List<DataSource> pools) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        int want = pools.size() * Projects.MINIMUM_IDLE;
        while (idle(kind, pools) < want) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pools did not fill to minimumIdle: " + idle(kind, pools) + " of " + want);
            }
            Thread.sleep(50);
        }
    }

    private static int idle(String kind, List<DataSource> pools) throws Exception {
        int idle = 0;
        if (kind.equals("stconn")) {
            // stconn's pools are reachable only through the MBeans it registers (HikariCP relocated);
            // were it to register none, the settling pause alone has to do
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            int beans = 0;
            for (ObjectName name : server.queryNames(new ObjectName("io.stconn.shaded.hikari:*"), null)) {
                if (name.getKeyProperty("type").startsWith("Pool (")) {
                    idle += (Integer) server.getAttribute(name, "IdleConnections");
                    beans++;
                }
            }
            if (beans == 0) {
                return Integer.MAX_VALUE;
            }
        } else {
            for (DataSource ds : pools) {
                idle += ((HikariDataSource) ds).getHikariPoolMXBean().getIdleConnections();
            }
        }
        return idle;
    }

    /**
     * Live heap bytes: the total of a class histogram, which the JVM takes after a full GC. Heap
     * "used" from MemoryMXBean is no good here: any thread's new allocation buffer (TLAB, often
     * hundreds of KB) counts as used the moment it is handed out.
     */
    private static long liveBytes() throws Exception {
        long live = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String[] lines = histogram.trim().split("\\R");
            String[] total = lines[lines.length - 1].trim().split("\\s+");
            live = Math.min(live, Long.parseLong(total[total.length - 1]));
        }
        return live;
    }
}
