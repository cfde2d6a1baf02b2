package io.stconn.spark.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code fetchsize} read of 600,000 rows (about 300 MB of text) in a JVM with a 256 MB heap:
 * only a read that streams (PostgreSQL's dialect turns autocommit off, so pgjdbc fetches with a
 * cursor) gets through; a buffered one runs out of memory. Timed beside the same read through
 * {@code jdbc:postgresql:} in the same JVM.
 */
class StreamedReadIT {
    private static final String TABLE = "spark_stream";
    private static final int ROWS = 600_000;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void table() throws Exception {
        Pg.require();
        // 512 characters a row; PostgreSQL compresses them on disk, but they cross the wire whole
        Pg.exec("DROP TABLE IF EXISTS " + TABLE,
                "CREATE TABLE " + TABLE + " (id int, payload text)",
                "INSERT INTO " + TABLE + " SELECT i, repeat(md5(i::text), 16) FROM generate_series(1, " + ROWS + ") i");
    }

    @AfterAll
    static void drop() throws Exception {
        Pg.exec("DROP TABLE IF EXISTS " + TABLE);
    }

    @Test
    void sixHundredThousandRowsStreamThroughA256MegabyteHeapAsFastAsThroughPgjdbc() throws Exception {
        String url = Secrets.postgres(tmp, "warehouse", "stconn-spark-stream").url("warehouse");
        Map<String, String> report = ChildJvm.run(tmp, "256m", StreamedRead.class, url, TABLE);
        long textBytes = Long.parseLong(report.get("textBytes"));
        assertThat(Long.parseLong(report.get("rows"))).isEqualTo(ROWS);
        assertThat(textBytes).isEqualTo(ROWS * 512L).isGreaterThan(Long.parseLong(report.get("maxHeapBytes")));
        double ratio = Double.parseDouble(report.get("stconnMillis")) / Double.parseDouble(report.get("postgresqlMillis"));
        System.out.printf("streamed read: stconn %s ms, postgresql %s ms, ratio %.2f, peak heap %d MB%n",
                report.get("stconnMillis"), report.get("postgresqlMillis"), ratio,
                Long.parseLong(report.get("peakHeapBytes")) >> 20);
        // the goal is 1.2; the bound leaves room for a machine shared with other builds
        assertThat(ratio).isLessThan(1.5);
    }
}
