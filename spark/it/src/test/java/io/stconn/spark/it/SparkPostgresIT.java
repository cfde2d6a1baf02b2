package io.stconn.spark.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.spark.StconnDialect;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's JDBC data source on {@code jdbc:stconn:} against the real PostgreSQL server: each case
 * is one that Spark's plain dialect gets wrong and PostgreSQL's gets right, and each checks on the
 * server what Spark did. One Spark session for the class.
 */
class SparkPostgresIT {
    private static final String ITEMS = "spark_items";
    @TempDir
    static Path project;
    static SparkSession spark;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        Pg.require();
        url = Secrets.postgres(project, "warehouse", "stconn-spark-pg").url("warehouse");
        Pg.exec("DROP TABLE IF EXISTS " + ITEMS,
                "CREATE TABLE " + ITEMS + " (id int PRIMARY KEY, name text, tags text[], active boolean)",
                "INSERT INTO " + ITEMS + " SELECT i, 'item ' || i, ARRAY['t' || (i % 3), 'all'], i % 2 = 0"
                        + " FROM generate_series(1, 1000) i");
        spark = Sessions.start("stconn-spark-pg");
    }

    @AfterAll
    static void stop() throws Exception {
        if (spark != null) {
            spark.stop();
        }
        Pg.exec("DROP VIEW IF EXISTS spark_truncated_v", "DROP TABLE IF EXISTS " + ITEMS,
                "DROP TABLE IF EXISTS spark_written", "DROP TABLE IF EXISTS spark_truncated",
                "DROP TABLE IF EXISTS spark_appended", "DROP TABLE IF EXISTS spark_json");
    }

    @BeforeEach
    void server() {
        Pg.require();
    }

    private Dataset<Row> read(String table) {
        return spark.read().format("jdbc").option("url", url).option("dbtable", table).load();
    }

    @Test
    void sparkAnswersAStconnUrlWithPostgresqlsDialect() {
        assertThat(JdbcDialects.get(url)).isInstanceOf(StconnDialect.class);
        assertThat(JdbcDialects.get(url).getJDBCType(DataTypes.BooleanType).get().databaseTypeDefinition())
                .isEqualTo(JdbcDialects.get(Pg.DIRECT_URL).getJDBCType(DataTypes.BooleanType).get()
                        .databaseTypeDefinition());
    }

    @Test
    void partitionedReadSplitsTheTableIntoFourQueries() {
        Dataset<Row> items = spark.read().format("jdbc").option("url", url).option("dbtable", ITEMS)
                .option("partitionColumn", "id").option("lowerBound", "1").option("upperBound", "1000")
                .option("numPartitions", "4").load();
        assertThat(items.rdd().getNumPartitions()).isEqualTo(4);
        assertThat(items.count()).isEqualTo(1000);
        assertThat(items.selectExpr("sum(id)").first().getLong(0)).isEqualTo(500_500L);
    }

    @Test
    void textArraysAndBooleansAreReadAsArraysAndBooleans() {
        Row row = read(ITEMS).where("id = 4").first();
        assertThat(row.<String>getList(row.fieldIndex("tags"))).containsExactly("t1", "all");
        assertThat(row.getBoolean(row.fieldIndex("active"))).isTrue();
    }

    @Test
    void writtenArraysAndBooleansBecomeTextArrayAndBooleanColumns() throws Exception {
        StructType schema = new StructType().add("id", DataTypes.IntegerType)
                .add("tags", DataTypes.createArrayType(DataTypes.StringType)).add("ok", DataTypes.BooleanType)
                .add("small", DataTypes.ByteType);
        Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create(1, List.of("a", "b"), true, (byte) 7),
                RowFactory.create(2, List.of(), false, (byte) -3)), schema);
        rows.write().format("jdbc").option("url", url).option("dbtable", "spark_written")
                .mode(SaveMode.Overwrite).save();
        assertThat(Pg.one("SELECT string_agg(column_name || ':' || udt_name, ',' ORDER BY ordinal_position)"
                + " FROM information_schema.columns WHERE table_name = 'spark_written'"))
                .isEqualTo("id:int4,tags:_text,ok:bool,small:int2");
        assertThat(Pg.one("SELECT array_to_string(tags, '|') || ' ' || ok FROM spark_written WHERE id = 1"))
                .isEqualTo("a|b true");
    }

    @Test
    void overwriteWithTruncateKeepsTheTableItsCommentAndTheViewOnIt() throws Exception {
        Pg.exec("DROP VIEW IF EXISTS spark_truncated_v", "DROP TABLE IF EXISTS spark_truncated",
                "CREATE TABLE spark_truncated (id int, name text)",
                "INSERT INTO spark_truncated VALUES (1, 'old'), (2, 'old')",
                "COMMENT ON TABLE spark_truncated IS 'kept by truncate'",
                "CREATE VIEW spark_truncated_v AS SELECT name FROM spark_truncated");
        String oid = Pg.one("SELECT 'spark_truncated'::regclass::oid");
        read(ITEMS).where("id <= 3").select("id", "name").write().format("jdbc").option("url", url)
                .option("dbtable", "spark_truncated").option("truncate", "true").mode(SaveMode.Overwrite).save();
        assertThat(Pg.one("SELECT 'spark_truncated'::regclass::oid")).isEqualTo(oid);
        assertThat(Pg.one("SELECT obj_description('spark_truncated'::regclass)")).isEqualTo("kept by truncate");
        assertThat(Pg.one("SELECT string_agg(name, ',' ORDER BY name) FROM spark_truncated_v"))
                .isEqualTo("item 1,item 2,item 3");
    }

    @Test
    void appendIntoATableWithAnArrayColumnWritesEachRowOnce() throws Exception {
        Pg.exec("DROP TABLE IF EXISTS spark_appended",
                "CREATE TABLE spark_appended (id int, tags text[])",
                "INSERT INTO spark_appended VALUES (0, ARRAY['before'])");
        read(ITEMS).where("id <= 50").select("id", "tags").write().format("jdbc").option("url", url)
                .option("dbtable", "spark_appended").mode(SaveMode.Append).save();
        assertThat(Pg.one("SELECT count(*) || ' ' || count(DISTINCT id) FROM spark_appended")).isEqualTo("51 51");
        assertThat(Pg.one("SELECT array_to_string(tags, '|') FROM spark_appended WHERE id = 3")).isEqualTo("t0|all");
    }

    /**
     * {@code stringtype=unspecified} is pgjdbc's, given as a Spark option: Spark hands it to the
     * driver as a connection property, and only if it reaches pgjdbc does a string go into jsonb.
     */
    @Test
    void stringsGoIntoJsonbWithStringtypeUnspecifiedAsASparkOption() throws Exception {
        Pg.exec("DROP TABLE IF EXISTS spark_json", "CREATE TABLE spark_json (id int, doc jsonb)");
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("doc", DataTypes.StringType);
        spark.createDataFrame(List.of(RowFactory.create(1, "{\"pets\": [\"dog\", \"cat\"]}")), schema).write()
                .format("jdbc").option("url", url).option("dbtable", "spark_json")
                .option("stringtype", "unspecified").mode(SaveMode.Append).save();
        assertThat(Pg.one("SELECT doc -> 'pets' ->> 1 FROM spark_json WHERE id = 1")).isEqualTo("cat");
        List<String> docs = read("spark_json").collectAsList().stream().map(r -> r.getString(1))
                .collect(Collectors.toList());
        assertThat(docs).containsExactly("{\"pets\": [\"dog\", \"cat\"]}");
    }
}
