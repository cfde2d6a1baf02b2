package io.stconn.spark.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark job leaves no server connection behind: stconn's pools open connections only when a
 * task asks, and close them once they sat idle for the pool's idleTimeout (10 s in these secrets),
 * the pool of every kwarg set the job used included.
 */
class SparkStopIT {
    private static final String APP = "stconn-spark-stop";
    @TempDir
    static Path project;

    @BeforeAll
    static void table() throws Exception {
        Pg.require();
        Pg.exec("DROP TABLE IF EXISTS spark_stop", "DROP TABLE IF EXISTS spark_stop_copy",
                "CREATE TABLE spark_stop AS SELECT i AS id, 'row ' || i AS name FROM generate_series(1, 2000) i");
    }

    @AfterAll
    static void drop() throws Exception {
        Pg.exec("DROP TABLE IF EXISTS spark_stop", "DROP TABLE IF EXISTS spark_stop_copy");
    }

    @Test
    void afterSparkStopsAndTheIdleTimeoutPassesNoStconnConnectionIsOpen() throws Exception {
        String url = Secrets.postgres(project, "warehouse", APP).url("warehouse");
        SparkSession spark = Sessions.start(APP);
        try {
            Dataset<Row> rows = spark.read().format("jdbc").option("url", url).option("dbtable", "spark_stop")
                    .option("partitionColumn", "id").option("lowerBound", "1").option("upperBound", "2000")
                    .option("numPartitions", "4").load();
            assertThat(rows.count()).isEqualTo(2000);
            // a second kwarg set: Spark hands the option to the driver, and stconn keeps a pool for it
            rows.write().format("jdbc").option("url", url).option("dbtable", "spark_stop_copy")
                    .option("stringtype", "unspecified").mode(SaveMode.Overwrite).save();
            assertThat(Pg.backends(APP)).as("the job's connections, idle in the pools").isPositive();
        } finally {
            spark.stop();
        }
        int atStop = Pg.backends(APP);
        long stopped = System.nanoTime();
        int open = atStop;
        // HikariCP looks for idle connections every 30 s (5 s in these tests): idleTimeout (10 s) plus one round
        while (open > 0 && System.nanoTime() - stopped < 60_000_000_000L) {
            Thread.sleep(1000);
            open = Pg.backends(APP);
        }
        System.out.printf("after spark.stop(): %d stconn connections open, %d after %d s%n", atStop, open,
                (System.nanoTime() - stopped) / 1_000_000_000L);
        assertThat(open).as("stconn connections open 60 s after spark.stop()").isZero();
    }
}
