package io.stconn.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.prometheus.PrometheusMetricsTrackerFactory;
import io.prometheus.client.CollectorRegistry;
import io.stconn.SqlState;
import io.stconn.request.ConnectionRequest.PoolKey;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The metric registries callers gave for their connections, handed to HikariCP, which reports its
 * own meters tagged with the pool name. HikariCP takes a Micrometer {@code MeterRegistry} or a
 * Dropwizard {@code MetricRegistry} as an Object and looks for those classes by name; a Prometheus
 * {@code CollectorRegistry} goes to HikariCP's own Prometheus tracker. No library is needed unless a
 * registry is given. A registry outlives
 * the pools of its connection: a pool rebuilt after a change of the secrets reports to it too.
 */
final class PoolMetrics {
    private static final Logger LOG = Logger.getLogger(PoolMetrics.class.getName());
    static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";
    static final String DROPWIZARD = "com.codahale.metrics.MetricRegistry";
    static final String PROMETHEUS = "io.prometheus.client.CollectorRegistry";

    private final Map<PoolKey, Object> registries = new ConcurrentHashMap<>();

    /** Remembers the registry for the connection's pools; the first one given for a connection stays. */
    Object register(PoolKey key, Object registry) throws SQLException {
        if (!isA(registry, MICROMETER) && !isA(registry, DROPWIZARD) && !isA(registry, PROMETHEUS)) {
            throw SqlState.INVALID_VALUE.exception("A metric registry for connection '" + key.name() + "' must be a "
                    + "Micrometer " + MICROMETER + ", a Dropwizard " + DROPWIZARD + " or a Prometheus " + PROMETHEUS
                    + ", not " + (registry == null ? "null" : registry.getClass().getName()));
        }
        readsTheLibraryOf(registry);
        Object kept = registries.putIfAbsent(key, registry);
        return kept == null ? registry : kept;
    }

    /**
     * On the module path, stconn's module declares no metrics library (each is optional), so
     * HikariCP's trackers inside it could not use the registry's classes: the module reads the
     * library of the registry it is given, as a module may grant itself at run time.
     */
    private static void readsTheLibraryOf(Object registry) {
        Module self = PoolMetrics.class.getModule();
        if (!self.isNamed()) {
            return; // the class path reads everything
        }
        for (String api : new String[] {MICROMETER, DROPWIZARD, PROMETHEUS}) {
            Class<?> type = visible(api);
            if (type != null && type.isInstance(registry)) {
                self.addReads(type.getModule());
            }
        }
    }

    /** For a pool about to start. */
    void configure(HikariConfig config, PoolKey key) {
        Object registry = registries.get(key);
        if (registry != null && isA(registry, PROMETHEUS)) {
            config.setMetricsTrackerFactory(Prometheus.tracker(registry));
        } else if (registry != null) {
            config.setMetricRegistry(registry);
        }
    }

    /** For a pool already running without a registry (HikariCP takes one once, after the start too). */
    static void attach(HikariDataSource pool, Object registry) {
        if (pool.getMetricRegistry() == null && pool.getMetricsTrackerFactory() == null) {
            if (isA(registry, PROMETHEUS)) {
                pool.setMetricsTrackerFactory(Prometheus.tracker(registry));
            } else {
                pool.setMetricRegistry(registry);
            }
            LOG.fine(() -> pool.getPoolName() + " - reporting to " + registry.getClass().getName());
        }
    }

    /** Whether the object is an instance of the class of that name, as the class loader of HikariCP sees it. */
    private static boolean isA(Object object, String className) {
        Class<?> type = visible(className);
        return object != null && type != null && type.isInstance(object);
    }

    /** The class of that name as HikariCP's class loader sees it, or null when that library is absent. */
    private static Class<?> visible(String className) {
        try {
            return Class.forName(className, false, HikariConfig.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** Loaded only when a Prometheus registry is given: it links to the Prometheus client. */
    private static final class Prometheus {
        static MetricsTrackerFactory tracker(Object registry) {
            return new PrometheusMetricsTrackerFactory((CollectorRegistry) registry);
        }
    }
}
