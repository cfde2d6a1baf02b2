package io.stconn.spark.it;

import io.stconn.spark.StconnDialect;
import org.apache.spark.sql.SparkSession;

/** Spark in local mode as the tests run it: two cores, no UI, everything on 127.0.0.1. */
final class Sessions {
    private Sessions() {
    }

    /** The Spark line under test: "3.5" or "4" (set by each test module's pom). */
    static String line() {
        return System.getProperty("stconn.spark.line", "4");
    }

    /**
     * A session with the dialect as a user of this Spark line gets it: Spark 3.5 users call
     * {@code StconnDialect.register()}; Spark 4 finds it through ServiceLoader, so nothing is called.
     */
    static SparkSession start(String appName) {
        if (line().equals("3.5")) {
            StconnDialect.register();
        }
        return SparkSession.builder()
                .appName(appName)
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }
}
