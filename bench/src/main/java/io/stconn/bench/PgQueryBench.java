package io.stconn.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.stconn.StconnDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Query throughput on PostgreSQL (bench/run: 4 threads): SELECT 1 and a 100-row fetch, each a
 * borrow, a prepared statement, every row read and a close, through stconn and through plain
 * HikariCP with the same settings.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PgQueryBench {
    static final String SELECT_1 = "SELECT 1";
    static final String FETCH_100 = "SELECT g, 'row ' || g FROM generate_series(1, 100) AS g";

    @State(Scope.Benchmark)
    public static class Baseline {
        HikariDataSource pool;

        @Setup
        public void start() throws SQLException {
            pool = Pools.hikari(Projects.PG_URL, Projects.PG_USER);
            Pools.warm(pool);
        }

        @TearDown
        public void stop() {
            pool.close();
        }
    }

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

    @Benchmark
    public void hikariSelect1(Baseline s, Blackhole bh) throws SQLException {
        query(s.pool, SELECT_1, bh);
    }

    @Benchmark
    public void stconnSelect1(Stconn s, Blackhole bh) throws SQLException {
        query(s.dataSource, SELECT_1, bh);
    }

    @Benchmark
    public void hikariFetch100(Baseline s, Blackhole bh) throws SQLException {
        query(s.pool, FETCH_100, bh);
    }

    @Benchmark
    public void stconnFetch100(Stconn s, Blackhole bh) throws SQLException {
        query(s.dataSource, FETCH_100, bh);
    }

    static void query(DataSource dataSource, String sql, Blackhole bh) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    bh.consume(rs.getObject(i));
                }
            }
        }
    }
}
