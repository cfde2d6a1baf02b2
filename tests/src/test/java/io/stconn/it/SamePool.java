package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.management.ObjectName;

/**
 * The pooling every database test proves: a second connection for the same name comes from the
 * same HikariCP pool, and close() gives a connection back to it instead of closing it.
 */
final class SamePool {
    private SamePool() {
    }

    static void assertSecondConnectionSharesThePoolAndCloseReturnsIt(String url, String name) throws SQLException {
        ObjectName pool;
        try (Connection first = DriverManager.getConnection(url)) {
            pool = Pools.only(name);
            assertThat(Pools.active(pool)).as("active with one connection out").isEqualTo(1);
            int settled = Pools.awaitSettled(pool);
            boolean hadIdle = Pools.idle(pool) > 0;
            try (Connection second = DriverManager.getConnection(url)) {
                assertThat(Pools.of(name)).as("still one pool for %s", name).containsExactly(pool);
                assertThat(Pools.active(pool)).as("active with two connections out").isEqualTo(2);
                if (hadIdle) {
                    assertThat(Pools.total(pool)).as("an idle connection was reused, none opened").isEqualTo(settled);
                }
                assertThat(Dbs.one(second, "SELECT 1")).isEqualTo("1");
                assertThat(Dbs.one(first, "SELECT 2")).isEqualTo("2");
            }
            assertThat(Pools.active(pool)).as("active after closing the second").isEqualTo(1);
        }
        assertThat(Pools.active(pool)).as("active after closing both").isZero();
        int settled = Pools.awaitSettled(pool);
        assertThat(Pools.idle(pool)).as("closed connections are idle in the pool").isEqualTo(settled).isPositive();

        try (Connection third = DriverManager.getConnection(url)) {
            assertThat(Pools.of(name)).containsExactly(pool);
            assertThat(Pools.active(pool)).isEqualTo(1);
            assertThat(Pools.total(pool)).as("the returned connection is reused, none opened").isEqualTo(settled);
            assertThat(Dbs.one(third, "SELECT 3")).isEqualTo("3");
        }
        assertThat(Pools.active(pool)).isZero();
    }
}
