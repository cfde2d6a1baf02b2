package io.stconn.spark.it;

import io.stconn.spark.StconnDialect;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One table read whole, in one partition, with {@code fetchsize}, through {@code jdbc:stconn:} and
 * through {@code jdbc:postgresql:} in turn (three times each, alternating), in a JVM whose heap is
 * smaller than the text it reads. Reports the rows and bytes read, the best time of each URL and
 * the peak heap.
 */
public final class StreamedRead {
    private StreamedRead() {
    }

    public static void main(String[] args) {
        String stconnUrl = args[0];
        String table = args[1];
        if ("3.5".equals(System.getProperty("stconn.spark.line"))) {
            StconnDialect.register();
        }
        SparkSession spark = SparkSession.builder().master("local[2]").appName("streamed-read")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                // Spark refuses to start below 450 MB of heap; this tells its memory manager the
                // heap is 512 MB, while the JVM's real limit stays the one given (-Xmx256m)
                .config("spark.testing.memory", String.valueOf(512L << 20)).getOrCreate();
        long bestStconn = Long.MAX_VALUE;
        long bestDirect = Long.MAX_VALUE;
        Row result = null;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            result = readAll(spark, stconnUrl, table, false);
            bestStconn = Math.min(bestStconn, System.nanoTime() - t0);
            t0 = System.nanoTime();
            Row direct = readAll(spark, Pg.DIRECT_URL, table, true);
            bestDirect = Math.min(bestDirect, System.nanoTime() - t0);
            if (!direct.equals(result)) {
                throw new AssertionError("jdbc:postgresql: read " + direct + ", jdbc:stconn: read " + result);
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("report rows=" + result.getLong(0));
        System.out.println("report textBytes=" + result.getLong(1));
        System.out.println("report stconnMillis=" + bestStconn / 1_000_000);
        System.out.println("report postgresqlMillis=" + bestDirect / 1_000_000);
        System.out.println("report peakHeapBytes=" + peak);
        System.out.println("report maxHeapBytes=" + Runtime.getRuntime().maxMemory());
        spark.stop();
    }

    /** Every row crosses into Spark: the aggregate runs in Spark, not in PostgreSQL. */
    private static Row readAll(SparkSession spark, String url, String table, boolean login) {
        var reader = spark.read().format("jdbc").option("url", url).option("dbtable", table)
                .option("fetchsize", "10000");
        if (login) {
            reader = reader.option("user", Pg.USER).option("password", Pg.PASSWORD);
        }
        return reader.load().selectExpr("count(*)", "sum(length(payload))").first();
    }
}
