package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.management.ObjectName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SQLite, DuckDB and H2 in memory, as Streamlit users write them: one pool is one database for as
 * long as the pool lives, seen by every borrow from every thread, and still there after HikariCP
 * has retired every connection and opened new ones.
 */
class InMemoryDatabaseIT {
    private static final int BORROWS = 10;

    @TempDir
    Path tmp;

    @RegisterExtension
    final OpenedPools pools = new OpenedPools();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sqlite://", "sqlite:///:memory:", "duckdb:///:memory:", "duckdb://", "h2://", "h2:///mem:shared_name"})
    void aTableCreatedOnOneBorrowIsSeenByTheNextOnesAndSurvivesEveryConnectionBeingReplaced(String url)
            throws Exception {
        String name = Project.uniqueName("mem");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\nurl = \"" + url + "\"\n");
        try (Connection c = pools.connect(project.url(name)); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE pets (name VARCHAR(20))");
            st.execute("INSERT INTO pets VALUES ('Rex')");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }

        assertThat(countsFromThreads(project.url(name))).as("ten borrows from ten threads").containsOnly(1L);

        // every idle connection closed and replaced: the pool is, for a moment, without any connection
        ObjectName pool = Pools.only(name);
        ManagementFactory.getPlatformMBeanServer().invoke(pool, "softEvictConnections", null, null);
        // pools open connections on demand, so the pool now holds none until the next borrow opens one
        Await.until(Duration.ofSeconds(10), () -> Pools.number(pool, "TotalConnections") == 0,
                () -> "the pool still holds a connection after the eviction");

        assertThat(countsFromThreads(project.url(name))).as("after every connection was replaced").containsOnly(1L);
    }

    private List<Long> countsFromThreads(String url) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(BORROWS);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < BORROWS; i++) {
                counts.add(threads.submit(() -> {
                    try (Connection c = pools.connect(url); Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pets")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
            }
            List<Long> result = new ArrayList<>();
            for (Future<Long> count : counts) {
                result.add(count.get());
            }
            return result;
        } finally {
            threads.shutdownNow();
        }
    }
}
