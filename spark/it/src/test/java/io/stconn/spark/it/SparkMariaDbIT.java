package io.stconn.spark.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.Stconn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same dialect on MySQL's wire (MariaDB server, MySQL Connector/J): here Spark must quote
 * names with backticks, where PostgreSQL's dialect uses double quotes. A column named
 * {@code order} is written and read back only if the MySQL dialect answers.
 */
class SparkMariaDbIT {
    private static final String DIRECT = "jdbc:mariadb://127.0.0.1:3306/stconn_it";
    @TempDir
    static Path project;
    static SparkSession spark;
    static String url;

    @BeforeAll
    static void start() {
        try (Connection c = DriverManager.getConnection(DIRECT, Pg.USER, Pg.PASSWORD)) {
            c.isValid(2);
        } catch (SQLException e) {
            Pg.notReady("MariaDB", "127.0.0.1:3306", e);
        }
        url = Secrets.write(project, "[connections.shop]\n"
                + "url = \"mysql://" + Pg.USER + ":" + Pg.PASSWORD + "@127.0.0.1:3306/stconn_it\"\n").url("shop");
        spark = Sessions.start("stconn-spark-mariadb");
    }

    @AfterAll
    static void stop() throws SQLException {
        if (spark != null) {
            spark.stop();
        }
        try (Connection c = DriverManager.getConnection(DIRECT, Pg.USER, Pg.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS spark_orders");
        }
    }

    @Test
    void aColumnNamedOrderIsWrittenAndReadBackThroughMysqlsQuoting() throws Exception {
        assertThat(Stconn.resolvedJdbcUrl(url)).startsWith("jdbc:mysql:");
        assertThat(JdbcDialects.get(url).quoteIdentifier("order")).isEqualTo("`order`");
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("order", DataTypes.StringType)
                .add("paid", DataTypes.BooleanType);
        spark.createDataFrame(List.of(RowFactory.create(1, "first", true), RowFactory.create(2, "second", false)),
                schema).write().format("jdbc").option("url", url).option("dbtable", "spark_orders")
                .mode(SaveMode.Overwrite).save();
        try (Connection c = DriverManager.getConnection(DIRECT, Pg.USER, Pg.PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT `order` FROM spark_orders WHERE paid ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("first");
        }
        List<Row> back = spark.read().format("jdbc").option("url", url).option("dbtable", "spark_orders").load()
                .where("id = 2").collectAsList();
        assertThat(back).singleElement().satisfies(r -> {
            assertThat(r.getString(r.fieldIndex("order"))).isEqualTo("second");
            assertThat(r.getBoolean(r.fieldIndex("paid"))).isFalse();
        });
    }
}
