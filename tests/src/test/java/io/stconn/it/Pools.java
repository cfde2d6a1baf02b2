package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The pools stconn built, seen from outside through HikariCP's JMX beans
 * ({@code <domain>:type=Pool (stconn-<name>)}). The domain is not fixed here, so a relocation that
 * changed it still works. A pool built while an older one of the same name is still retiring may
 * carry a suffix after the name; the names tests use never contain '-', so
 * {@code stconn-<name>} followed by anything but a letter, digit or '_' is still that name's pool.
 */
final class Pools {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private Pools() {
    }

    /** Every registered pool bean of this connection name. */
    static Set<ObjectName> of(String name) {
        return beans("Pool (stconn-" + name);
    }

    /** The one HikariCP configuration bean ({@code type=PoolConfig (...)}) of this connection name. */
    static ObjectName configOf(String name) {
        Set<ObjectName> beans = beans("PoolConfig (stconn-" + name);
        assertThat(beans).as("HikariCP PoolConfig MBeans for connection %s", name).hasSize(1);
        return beans.iterator().next();
    }

    /** A numeric attribute of any bean (PoolConfig: MaximumPoolSize, MinimumIdle, ConnectionTimeout, MaxLifetime). */
    static long number(ObjectName bean, String attribute) {
        try {
            return ((Number) SERVER.getAttribute(bean, attribute)).longValue();
        } catch (JMException e) {
            throw new AssertionError("cannot read " + attribute + " of " + bean, e);
        }
    }

    private static Set<ObjectName> beans(String prefix) {
        Set<ObjectName> found = new TreeSet<>();
        for (ObjectName bean : SERVER.queryNames(null, null)) {
            String type = bean.getKeyProperty("type");
            if (type == null || !type.startsWith(prefix) || !type.endsWith(")")) {
                continue;
            }
            char next = type.charAt(prefix.length());
            if (next == ')' || !(Character.isLetterOrDigit(next) || next == '_')) {
                found.add(bean);
            }
        }
        return found;
    }

    /** The one pool bean of this name; fails when there is none or several. */
    static ObjectName only(String name) {
        Set<ObjectName> beans = of(name);
        assertThat(beans)
                .as("HikariCP pool MBeans for connection %s (all stconn pools: %s)", name, allStconnPools())
                .hasSize(1);
        return beans.iterator().next();
    }

    static Set<ObjectName> allStconnPools() {
        Set<ObjectName> found = new TreeSet<>();
        for (ObjectName bean : SERVER.queryNames(null, null)) {
            String type = bean.getKeyProperty("type");
            if (type != null && type.startsWith("Pool (stconn-")) {
                found.add(bean);
            }
        }
        return found;
    }

    static boolean registered(ObjectName bean) {
        return SERVER.isRegistered(bean);
    }

    static int active(ObjectName pool) {
        return attribute(pool, "ActiveConnections");
    }

    static int idle(ObjectName pool) {
        return attribute(pool, "IdleConnections");
    }

    static int total(ObjectName pool) {
        return attribute(pool, "TotalConnections");
    }

    private static int attribute(ObjectName pool, String attribute) {
        return (int) number(pool, attribute);
    }

    /**
     * Waits until HikariCP's background filling has stopped (the total stays the same for half a
     * second), so that a change of the total afterwards is caused by the test alone.
     */
    static int awaitSettled(ObjectName pool) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int last = -1;
        int stableFor = 0;
        while (System.nanoTime() < deadline) {
            int now = total(pool);
            stableFor = now == last ? stableFor + 1 : 0;
            last = now;
            if (stableFor >= 5) {
                return now;
            }
            Await.sleep(100);
        }
        throw new AssertionError("pool " + pool + " never settled; last total " + last);
    }
}
