package io.stconn.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which of Spark's dialects answers, without a Spark session or a database: the resolution is
 * stconn's (secrets, type, URL), the answers are Spark's own dialects'. PostgreSQL writes a
 * string column as TEXT, H2 as CLOB; Spark's plain dialect has no mapping of its own.
 */
class StconnDialectTest {
    @TempDir
    static Path project;
    static String pg;
    static String h2;

    @BeforeAll
    static void secrets() throws IOException {
        Files.createDirectories(project.resolve(".streamlit"));
        Files.writeString(project.resolve(".streamlit/secrets.toml"), "[connections.pg]\n"
                + "url = \"postgresql://app:pw@db.internal:5432/shop\"\n"
                + "[connections.h2]\n"
                + "url = \"jdbc:h2:mem:stconn_dialect_test\"\n");
        String dir = "?project_dir=" + URLEncoder.encode(project.toString(), StandardCharsets.UTF_8);
        pg = "jdbc:stconn:pg" + dir;
        h2 = "jdbc:stconn:h2" + dir;
    }

    private static String stringType(JdbcDialect dialect) {
        return dialect.getJDBCType(DataTypes.StringType).get().databaseTypeDefinition();
    }

    @Test
    void claimsOnlyStconnUrls() {
        StconnDialect dialect = new StconnDialect();
        assertThat(dialect.canHandle(pg)).isTrue();
        assertThat(dialect.canHandle("JDBC:STCONN:pg")).isTrue();
        assertThat(dialect.canHandle("jdbc:postgresql://db/shop")).isFalse();
        assertThat(dialect.canHandle("jdbc:stconnx:pg")).isFalse();
    }

    @Test
    void answersForTheUrlSparkLastAskedAbout() {
        StconnDialect dialect = new StconnDialect();
        dialect.canHandle(h2);
        assertThat(stringType(dialect)).isEqualTo(stringType(JdbcDialects.get("jdbc:h2:mem:x"))).isEqualTo("CLOB");
        dialect.canHandle(pg);
        assertThat(stringType(dialect)).isEqualTo("TEXT");
        assertThat(dialect.getJDBCType(DataTypes.BooleanType).get().databaseTypeDefinition()).isEqualTo("BOOLEAN");
    }

    /** Spark ships the dialect inside a write task: the copy answers for the URL it was made for. */
    @Test
    void aSerializedCopyKeepsItsUrlWhereverItRuns() throws Exception {
        StconnDialect dialect = new StconnDialect();
        dialect.canHandle(h2);
        JdbcDialect copy = roundTrip(dialect);
        dialect.canHandle(pg);
        assertThat(stringType(copy)).isEqualTo("CLOB");
        assertThat(stringType(dialect)).isEqualTo("TEXT");
    }

    /** A name the secrets do not have: Spark's plain dialect answers; connecting reports the error. */
    @Test
    void anUnresolvableUrlGetsSparksPlainDialect() {
        StconnDialect dialect = new StconnDialect();
        String missing = pg.replace("jdbc:stconn:pg", "jdbc:stconn:nosuchname");
        dialect.canHandle(missing);
        // Spark's plain dialect has no mapping of its own (Spark's common one applies)
        assertThat(dialect.getJDBCType(DataTypes.StringType).isEmpty()).isTrue();
        assertThat(dialect.quoteIdentifier("a b")).isEqualTo("\"a b\"");
    }

    /** Registering replaces the ServiceLoader's copy instead of adding a second one (Spark would merge two). */
    @Test
    void registeringTwiceLeavesOneDialect() {
        StconnDialect.register();
        StconnDialect.register();
        try {
            assertThat(JdbcDialects.get(h2)).isInstanceOf(StconnDialect.class);
        } finally {
            StconnDialect.unregister();
        }
        assertThat(JdbcDialects.get(h2)).isNotInstanceOf(StconnDialect.class);
    }

    private static JdbcDialect roundTrip(JdbcDialect dialect) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(dialect);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (JdbcDialect) in.readObject();
        }
    }
}
