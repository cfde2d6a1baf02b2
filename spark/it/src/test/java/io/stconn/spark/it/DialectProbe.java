package io.stconn.spark.it;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.apache.spark.sql.types.DataTypes;

/**
 * What a fresh JVM's Spark answers for a {@code jdbc:stconn:} URL, as an executor would: nothing
 * here registers the dialect. With the argument {@code plugin}, a Spark session is started first
 * with {@code spark.plugins=io.stconn.spark.StconnPlugin}, as a Spark 3.5 job is submitted.
 */
public final class DialectProbe {
    private DialectProbe() {
    }

    public static void main(String[] args) {
        String url = args[0];
        SparkSession spark = null;
        if (args.length > 1 && args[1].equals("plugin")) {
            spark = SparkSession.builder().master("local[1]").appName("probe").config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.plugins", "io.stconn.spark.StconnPlugin").getOrCreate();
        }
        System.out.println("report dialect=" + JdbcDialects.get(url).getClass().getName());
        System.out.println("report boolean=" + JdbcDialects.get(url).getJDBCType(DataTypes.BooleanType)
                .map(t -> t.databaseTypeDefinition()).getOrElse(() -> "none"));
        if (spark != null) {
            spark.stop();
        }
    }
}
