package io.stconn.bench;

import io.stconn.QueryResult;
import io.stconn.Stconn;
import io.stconn.StconnConnection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Java API's result cache: {@code conn.query(sql)} answered from the cache, against the same
 * query with ttl=0, which borrows, runs and reads the 100 rows every time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ResultCacheBench {
    @Param({"h2", "pg"})
    public String db;

    StconnConnection connection;
    String sql;

    @Setup
    public void start() throws SQLException {
        if (db.equals("pg")) {
            connection = Stconn.connection("pg", Map.of("project_dir", Projects.project(Projects.PG).toString()));
            sql = PgQueryBench.FETCH_100;
        } else {
            connection = Stconn.connection("bench", Map.of("project_dir", Projects.project(Projects.ONE).toString()));
            sql = "SELECT X, 'row ' || X FROM SYSTEM_RANGE(1, 100)";
        }
        if (connection.query(sql).rows().size() != 100) {
            throw new SQLException("expected 100 rows from " + sql);
        }
    }

    @Benchmark
    public QueryResult cached() throws SQLException {
        return connection.query(sql);
    }

    @Benchmark
    public QueryResult uncached() throws SQLException {
        return connection.query(sql, Duration.ZERO);
    }
}
