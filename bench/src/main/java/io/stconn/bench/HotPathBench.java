package io.stconn.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.stconn.StconnDataSource;
import io.stconn.StconnDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The hot path on H2 in memory: borrow a connection and close it, (a) from a HikariDataSource
 * configured in code, (b) from stconn's DataSource, (c) through StconnDriver.connect directly,
 * (c') the same with the Properties a GUI tool sends (empty user and password), (d) through
 * DriverManager.getConnection. bench/run runs it with 1 and 4 threads, and with secrets of 1
 * connection, 1,000 connections and a folder of 200. Each door has a state of its own, so a
 * benchmark's fork builds its pool through the door it measures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotPathBench {

    /** (a): the pool stconn wraps, configured directly with stconn's default settings. */
    @State(Scope.Benchmark)
    public static class Baseline {
        HikariDataSource pool;

        @Setup
        public void start() throws SQLException {
            pool = Pools.hikari(Projects.H2_URL, null);
            Pools.warm(pool);
        }

        @TearDown
        public void stop() {
            pool.close();
        }
    }

    /** (b): the same H2 database through stconn's DataSource, its secrets of the given size. */
    @State(Scope.Benchmark)
    public static class DataSourceDoor {
        @Param({Projects.ONE, Projects.THOUSAND, Projects.DIR200})
        public String secrets;

        StconnDataSource dataSource;

        @Setup
        public void start() throws SQLException {
            dataSource = new StconnDataSource("bench");
            dataSource.setProjectDir(Projects.forDataSource(secrets).toString());
            // the first connection parses the secrets and starts the pool: not the hot path
            Pools.warm(dataSource);
        }
    }

    /** (c), (c'), (d): jdbc:stconn:bench?project_dir=..., its secrets of the given size. */
    @State(Scope.Benchmark)
    public static class UrlDoor {
        @Param({Projects.ONE, Projects.THOUSAND, Projects.DIR200})
        public String secrets;

        Driver driver;
        String url;
        /** What DBeaver-like tools send with an empty login form (stconn treats both as absent). */
        Properties emptyLogin;

        @Setup
        public void start() throws SQLException {
            url = Projects.stconnUrl("bench", Projects.project(secrets));
            driver = new StconnDriver();
            emptyLogin = new Properties();
            emptyLogin.setProperty("user", "");
            emptyLogin.setProperty("password", "");
            try (Connection c = DriverManager.getConnection(url)) {
                Pools.check(c);
            }
            recordDriverOrder();
        }
    }

    @Benchmark
    public void hikari(Baseline s, Blackhole bh) throws SQLException {
        try (Connection c = s.pool.getConnection()) {
            bh.consume(c);
        }
    }

    @Benchmark
    public void dataSource(DataSourceDoor s, Blackhole bh) throws SQLException {
        try (Connection c = s.dataSource.getConnection()) {
            bh.consume(c);
        }
    }

    @Benchmark
    public void driverConnect(UrlDoor s, Blackhole bh) throws SQLException {
        try (Connection c = s.driver.connect(s.url, null)) {
            bh.consume(c);
        }
    }

    @Benchmark
    public void driverConnectProps(UrlDoor s, Blackhole bh) throws SQLException {
        try (Connection c = s.driver.connect(s.url, s.emptyLogin)) {
            bh.consume(c);
        }
    }

    @Benchmark
    public void driverManager(UrlDoor s, Blackhole bh) throws SQLException {
        try (Connection c = DriverManager.getConnection(s.url)) {
            bh.consume(c);
        }
    }

    /** DriverManager tries its drivers in registration order: the report says where stconn stands. */
    static void recordDriverOrder() {
        try {
            String order = DriverManager.drivers().map(d -> d.getClass().getName()).collect(Collectors.joining("\n"));
            Path file = Projects.project(Projects.DRIVER_ORDER);
            Files.writeString(file, order + "\n");
        } catch (java.io.IOException | RuntimeException e) {
            // only a note for the report
        }
    }
}
