package io.stconn.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** A pool started without MBeans (no MBean server yet) gets them a moment later, and loses them when closed. */
class PoolMBeansTest {
    @Test
    void registersLaterUnderHikariCpsNamesAndUnregistersOnClose() throws Exception {
        HikariDataSource pool = pool("stconn-mbeans-later");
        try {
            PoolMBeans.registerLater(pool);
            await(() -> PoolMBeans.taken("stconn-mbeans-later"));
            ObjectName config = new ObjectName(HikariDataSource.class.getPackageName()
                    + ":type=PoolConfig (stconn-mbeans-later)");
            assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(config, "MaximumPoolSize")).isEqualTo(1);
        } finally {
            pool.close();
            PoolMBeans.unregister("stconn-mbeans-later");
        }
        assertThat(PoolMBeans.taken("stconn-mbeans-later")).isFalse();
    }

    @Test
    void aPoolClosedBeforeItsTurnGetsNone() throws Exception {
        HikariDataSource pool = pool("stconn-mbeans-closed");
        pool.close();
        PoolMBeans.registerLater(pool);
        // a second task runs after the first on the one JMX thread
        HikariDataSource marker = pool("stconn-mbeans-marker");
        try {
            PoolMBeans.registerLater(marker);
            await(() -> PoolMBeans.taken("stconn-mbeans-marker"));
            assertThat(PoolMBeans.taken("stconn-mbeans-closed")).isFalse();
        } finally {
            marker.close();
            PoolMBeans.unregister("stconn-mbeans-marker");
        }
    }

    private static HikariDataSource pool(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + name);
        config.setPoolName(name);
        config.setMaximumPoolSize(1);
        config.setRegisterMbeans(false);
        return new HikariDataSource(config);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
