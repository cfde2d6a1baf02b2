package io.stconn.spark;

import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * Registers {@link StconnDialect} in the driver and in every executor as they start:
 * {@code spark.plugins=io.stconn.spark.StconnPlugin}. Spark 3.5 needs it on a cluster, where
 * executors read a table in JVMs the driver program's {@code register()} never reached; Spark 4
 * finds the dialect by itself, and the plugin changes nothing there.
 */
public class StconnPlugin implements SparkPlugin {
    @Override
    public DriverPlugin driverPlugin() {
        return new DriverPlugin() {
            @Override
            public Map<String, String> init(SparkContext sc, PluginContext context) {
                StconnDialect.register();
                return Map.of();
            }
        };
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorPlugin() {
            @Override
            public void init(PluginContext context, Map<String, String> extraConf) {
                StconnDialect.register();
            }
        };
    }
}
