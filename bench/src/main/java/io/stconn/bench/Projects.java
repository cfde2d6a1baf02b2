package io.stconn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Streamlit project folders the benchmarks read, written once by {@link BenchMain} and found
 * by the forked JVMs through the {@code stconn.bench.projects} system property. Every project has
 * a connection {@code bench} (H2 in memory) and, where PostgreSQL is wanted, {@code pg}; they
 * differ only in how much else their secrets hold.
 */
public final class Projects {
    /** The system property naming the folder that holds every project. */
    public static final String ROOT_PROPERTY = "stconn.bench.projects";
    /** The H2 database every H2 benchmark uses, pooled by stconn and by the baseline alike. */
    public static final String H2_URL = "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1";
    public static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String PG_USER = "postgres";
    /**
     * stconn's default pool size (pool_size 5 + max_overflow 10), given to the baseline pools as
     * well; and 5 connections kept idle, which stconn's pools (opened on demand by default) are
     * asked for in the secrets, so that both sides hold the same connections.
     */
    public static final int MAXIMUM_POOL_SIZE = 15;
    public static final int MINIMUM_IDLE = 5;
    private static final String KEEP_IDLE = "hikari = { minimumIdle = " + MINIMUM_IDLE + " }\n";

    /** A secrets file with one connection. */
    public static final String ONE = "one";
    /** A secrets file with 1,000 connections. */
    public static final String THOUSAND = "thousand";
    /** A Kubernetes-style secrets folder of 200 connections, named by config.toml's [secrets] files. */
    public static final String DIR200 = "dir200";
    /** A secrets file with the one PostgreSQL connection, pg. */
    public static final String PG = "pg";
    /** 50 connections to one H2 database, for the footprint harness. */
    public static final String FOOTPRINT = "footprint";
    public static final int FOOTPRINT_POOLS = 50;
    /** Where a fork notes the order in which DriverManager tries its drivers. */
    public static final String DRIVER_ORDER = "driver-order.txt";
    private static final String DATA_SOURCE_SUFFIX = "-ds";

    private Projects() {
    }

    /** Writes every project under root (replacing what was there). */
    public static void writeAll(Path root) {
        try {
            Files.createDirectories(root);
            for (String door : List.of("", DATA_SOURCE_SUFFIX)) {
                writeFile(root.resolve(ONE + door), sections(1));
                writeFile(root.resolve(THOUSAND + door), sections(1000));
                writeDirectory(root.resolve(DIR200 + door), 200);
            }
            writeFile(root.resolve(PG), "[connections.pg]\ndialect = \"postgresql\"\nhost = \"127.0.0.1\"\nport = 5432\n"
                    + "database = \"test\"\nusername = \"" + PG_USER + "\"\n" + KEEP_IDLE);
            StringBuilder foot = new StringBuilder();
            for (int i = 0; i <= FOOTPRINT_POOLS; i++) { // one more, built before the first reading
                foot.append(section(footprintName(i), "jdbc:h2:mem:footprint;DB_CLOSE_DELAY=-1"));
            }
            writeFile(root.resolve(FOOTPRINT), foot.toString());
            Files.createDirectories(root.resolve("home"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The DataSource reads a copy of each project, so that its pool is its own: a pool built by
     * one door and borrowed from through another is found by an equal key, not the same one,
     * and that lookup compares every kwarg (one program uses one door).
     */
    public static Path forDataSource(String kind) {
        return project(kind + DATA_SOURCE_SUFFIX);
    }

    /** The project folder of the given kind, as the forked JVMs see it. */
    public static Path project(String kind) {
        String root = System.getProperty(ROOT_PROPERTY);
        if (root == null) {
            throw new IllegalStateException("-D" + ROOT_PROPERTY + " is not set: run the benchmarks through bench/run");
        }
        return Path.of(root, kind);
    }

    /** {@code jdbc:stconn:<name>?project_dir=<project>}: the same URL shape for every project. */
    public static String stconnUrl(String name, Path project) {
        return "jdbc:stconn:" + name + "?project_dir=" + project.toAbsolutePath();
    }

    public static String footprintName(int i) {
        return String.format("pool%03d", i);
    }

    /** n connections in all: bench in the middle of n - 1 others. */
    private static String sections(int n) {
        StringBuilder toml = new StringBuilder("# written by stconn's bench/run\n");
        for (int i = 0; i < n - 1; i++) {
            if (i == (n - 1) / 2) {
                toml.append(section("bench", H2_URL));
            }
            toml.append(section(String.format("filler%04d", i), "jdbc:h2:mem:filler" + i));
        }
        if (n == 1) {
            toml.append(section("bench", H2_URL));
        }
        return toml.toString();
    }

    private static String section(String name, String url) {
        return "[connections." + name + "]\nurl = \"" + url + "\"\n" + KEEP_IDLE + "\n";
    }

    private static void writeFile(Path project, String secrets) throws IOException {
        Path streamlit = project.resolve(".streamlit");
        Files.createDirectories(streamlit);
        Files.writeString(streamlit.resolve("secrets.toml"), secrets, StandardCharsets.UTF_8);
    }

    /** {@code secrets.d/connections/<name>/url}, one folder per connection, named by config.toml. */
    private static void writeDirectory(Path project, int n) throws IOException {
        Path streamlit = project.resolve(".streamlit");
        Files.createDirectories(streamlit);
        Files.writeString(streamlit.resolve("config.toml"), "[secrets]\nfiles = [\"secrets.d\"]\n", StandardCharsets.UTF_8);
        Path connections = project.resolve("secrets.d").resolve("connections");
        for (int i = 0; i < n - 1; i++) {
            Path c = connections.resolve(String.format("filler%04d", i));
            Files.createDirectories(c);
            Files.writeString(c.resolve("url"), "jdbc:h2:mem:filler" + i + "\n", StandardCharsets.UTF_8);
        }
        Path bench = connections.resolve("bench");
        Files.createDirectories(bench);
        Files.writeString(bench.resolve("url"), H2_URL + "\n", StandardCharsets.UTF_8);
    }
}
