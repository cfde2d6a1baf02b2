package io.stconn.pool;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * The pools' JMX MBeans, kept off the first connection's path. Starting the JVM's platform MBean
 * server costs a fresh JVM tens of milliseconds, which a first connection should not wait for:
 * when no MBean server exists yet, a pool starts without MBeans and this class registers them on a
 * daemon thread, under the names HikariCP gives them. When one exists already (a JMX agent, an
 * application server, a second pool), HikariCP registers them itself, at once.
 */
final class PoolMBeans {
    private static final Logger LOG = Logger.getLogger(PoolMBeans.class.getName());
    // HikariCP names its MBeans after its own package, which the drop-in jar relocates
    private static final String DOMAIN = HikariDataSource.class.getPackageName();
    private static final ExecutorService LATER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "stconn-jmx");
        thread.setDaemon(true);
        return thread;
    });

    private PoolMBeans() {
    }

    /** Whether an MBean server exists in this JVM already, so that registering costs little. Creates none. */
    static boolean serverExists() {
        return !MBeanServerFactory.findMBeanServer(null).isEmpty();
    }

    /** Registers the MBeans of a pool started without them, on the JMX thread; never those of a closed pool. */
    static void registerLater(HikariDataSource pool) {
        LATER.execute(() -> {
            if (pool.isClosed()) {
                return;
            }
            try {
                MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                ObjectName config = name("PoolConfig", pool.getPoolName());
                if (!server.isRegistered(config)) {
                    server.registerMBean(pool.getHikariConfigMXBean(), config);
                    server.registerMBean(pool.getHikariPoolMXBean(), name("Pool", pool.getPoolName()));
                }
            } catch (JMException | RuntimeException e) {
                LOG.log(Level.FINE, e, () -> pool.getPoolName() + " - MBeans not registered");
            }
            // closed meanwhile: its close found nothing to unregister
            if (pool.isClosed()) {
                unregister(pool.getPoolName());
            }
        });
    }

    /** Removes a pool's MBeans from every MBean server that exists; HikariCP does it only for those it registered. */
    static void unregister(String poolName) {
        for (MBeanServer server : servers()) {
            for (String type : List.of("PoolConfig", "Pool")) {
                try {
                    ObjectName name = name(type, poolName);
                    if (server.isRegistered(name)) {
                        server.unregisterMBean(name);
                    }
                } catch (JMException | RuntimeException e) {
                    LOG.log(Level.FINE, e, () -> poolName + " - MBean not unregistered");
                }
            }
        }
    }

    /** Whether a pool of this name has its MBean registered in this JVM (by any copy of stconn); creates no server. */
    static boolean taken(String poolName) {
        for (MBeanServer server : servers()) {
            try {
                if (server.isRegistered(name("Pool", poolName))) {
                    return true;
                }
            } catch (JMException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    private static List<MBeanServer> servers() {
        return MBeanServerFactory.findMBeanServer(null);
    }

    private static ObjectName name(String type, String poolName) throws JMException {
        return new ObjectName(DOMAIN + ":type=" + type + " (" + poolName + ")");
    }
}
