package io.stconn.bench;

import io.stconn.StconnDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Pooled versus unpooled on PostgreSQL: borrow, SELECT 1, close through stconn, against what a
 * program without a pool does: DriverManager.getConnection on the PostgreSQL URL, SELECT 1, close.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PgConnectBench {

    @State(Scope.Benchmark)
    public static class Stconn {
        StconnDataSource dataSource;

        @Setup
        public void start() throws SQLException {
            dataSource = new StconnDataSource("pg");
            dataSource.setProjectDir(Projects.project(Projects.PG).toString());
            Pools.warm(dataSource);
        }
    }

    @State(Scope.Benchmark)
    public static class Unpooled {
        Properties login;

        @Setup
        public void start() throws SQLException {
            login = new Properties();
            login.setProperty("user", Projects.PG_USER);
            try (Connection c = DriverManager.getConnection(Projects.PG_URL, login)) {
                Pools.check(c);
            }
        }
    }

    @Benchmark
    public int stconnPooled(Stconn s) throws SQLException {
        try (Connection c = s.dataSource.getConnection()) {
            return select1(c);
        }
    }

    @Benchmark
    public int unpooled(Unpooled s) throws SQLException {
        try (Connection c = DriverManager.getConnection(Projects.PG_URL, s.login)) {
            return select1(c);
        }
    }

    static int select1(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
