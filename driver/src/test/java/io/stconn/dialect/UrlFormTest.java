package io.stconn.dialect;

import static io.stconn.dialect.DialectTest.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JDBC URL shapes, built from the separate keys of a [connections.<name>] section. */
class UrlFormTest {

    static Stream<Arguments> fromParts() {
        return Stream.of(
                // dialect, host, port, database, expected url
                Arguments.of(Dialect.POSTGRESQL, "db.local", null, "app", "jdbc:postgresql://db.local:5432/app"),
                Arguments.of(Dialect.POSTGRESQL, "db.local", 6543, "app", "jdbc:postgresql://db.local:6543/app"),
                Arguments.of(Dialect.POSTGRESQL, "db.local", null, null, "jdbc:postgresql://db.local:5432/"),
                Arguments.of(Dialect.POSTGRESQL, "::1", null, "app", "jdbc:postgresql://[::1]:5432/app"),
                Arguments.of(Dialect.POSTGRESQL, "[::1]", 5433, "app", "jdbc:postgresql://[::1]:5433/app"),
                // pgjdbc and Connector/J decode the path (pgjdbc reads '+' as a space)
                Arguments.of(Dialect.POSTGRESQL, "h", null, "my db+x/ä", "jdbc:postgresql://h:5432/my%20db%2Bx%2F%C3%A4"),
                Arguments.of(Dialect.MYSQL, "h", null, "shop", "jdbc:mysql://h:3306/shop"),
                Arguments.of(Dialect.MYSQL, "h", null, "a b", "jdbc:mysql://h:3306/a%20b"),
                Arguments.of(Dialect.MARIADB, "h", 3307, "shop", "jdbc:mariadb://h:3307/shop"),
                Arguments.of(Dialect.MARIADB, "h", null, "a b", "jdbc:mariadb://h:3306/a b"),
                Arguments.of(Dialect.REDSHIFT, "cluster.x.redshift.amazonaws.com", null, "dev",
                        "jdbc:redshift://cluster.x.redshift.amazonaws.com:5439/dev"),
                Arguments.of(Dialect.COCKROACHDB, "crdb", null, "defaultdb", "jdbc:postgresql://crdb:26257/defaultdb"),
                Arguments.of(Dialect.MSSQL, "sql.local", null, "sales", "jdbc:sqlserver://sql.local:1433;databaseName=sales"),
                Arguments.of(Dialect.MSSQL, "sql.local", 14330, null, "jdbc:sqlserver://sql.local:14330"),
                Arguments.of(Dialect.MSSQL, "sql.local", null, "a;b}c", "jdbc:sqlserver://sql.local:1433;databaseName={a;b}}c}"),
                Arguments.of(Dialect.MSSQL, "sql.local\\SQLEXPRESS", null, "db", "jdbc:sqlserver://sql.local\\SQLEXPRESS;databaseName=db"),
                Arguments.of(Dialect.MSSQL, "sql.local\\SQLEXPRESS", 1444, "db", "jdbc:sqlserver://sql.local\\SQLEXPRESS:1444;databaseName=db"),
                Arguments.of(Dialect.MSSQL, "fe80::1", null, "db", "jdbc:sqlserver://;serverName=fe80::1;portNumber=1433;databaseName=db"),
                // the database part is a SID, as SQLAlchemy's Oracle dialects read it
                Arguments.of(Dialect.ORACLE, "ora", null, "ORCL", "jdbc:oracle:thin:@ora:1521:ORCL"),
                Arguments.of(Dialect.ORACLE, "ora", 1522, null, "jdbc:oracle:thin:@//ora:1522"),
                Arguments.of(Dialect.ORACLE, "mytns", null, null, "jdbc:oracle:thin:@mytns"),
                Arguments.of(Dialect.ORACLE, "::1", null, "XE", "jdbc:oracle:thin:@[::1]:1521:XE"),
                Arguments.of(Dialect.SQLITE, null, null, "pets.db", "jdbc:sqlite:/project/pets.db"),
                Arguments.of(Dialect.SQLITE, null, null, "data/../pets.db", "jdbc:sqlite:/project/pets.db"),
                Arguments.of(Dialect.SQLITE, null, null, "/abs/pets.db", "jdbc:sqlite:/abs/pets.db"),
                Arguments.of(Dialect.SQLITE, null, null, null, "jdbc:sqlite::memory:"),
                Arguments.of(Dialect.SQLITE, null, null, ":memory:", "jdbc:sqlite::memory:"),
                Arguments.of(Dialect.SQLITE, null, null, "file:pets.db", "jdbc:sqlite:file:/project/pets.db"),
                Arguments.of(Dialect.SQLITE, null, null, ":resource:db/x.db", "jdbc:sqlite::resource:db/x.db"),
                Arguments.of(Dialect.DUCKDB, null, null, "warehouse.duckdb", "jdbc:duckdb:/project/warehouse.duckdb"),
                Arguments.of(Dialect.DUCKDB, null, null, "/data/w.duckdb", "jdbc:duckdb:/data/w.duckdb"),
                Arguments.of(Dialect.DUCKDB, null, null, null, "jdbc:duckdb:"),
                Arguments.of(Dialect.DUCKDB, null, null, ":memory:", "jdbc:duckdb:"),
                Arguments.of(Dialect.DUCKDB, null, null, "md:my_db", "jdbc:duckdb:md:my_db"),
                Arguments.of(Dialect.H2, null, null, "mem:test", "jdbc:h2:mem:test"),
                Arguments.of(Dialect.H2, null, null, null, "jdbc:h2:mem:"),
                Arguments.of(Dialect.H2, null, null, "data/app", "jdbc:h2:/project/data/app"),
                Arguments.of(Dialect.H2, null, null, "./data/app", "jdbc:h2:/project/data/app"),
                Arguments.of(Dialect.H2, null, null, "/srv/app.mv.db", "jdbc:h2:/srv/app.mv.db"),
                Arguments.of(Dialect.H2, null, null, "~/app", "jdbc:h2:~/app"),
                Arguments.of(Dialect.H2, null, null, "file:data/app", "jdbc:h2:file:/project/data/app"),
                Arguments.of(Dialect.H2, "h2.local", null, "~/app", "jdbc:h2:tcp://h2.local/~/app"),
                Arguments.of(Dialect.H2, "h2.local", 9093, "app", "jdbc:h2:tcp://h2.local:9093/app"),
                Arguments.of(Dialect.SNOWFLAKE, "myorg-acct", null, "db/sch", "jdbc:snowflake://myorg-acct.snowflakecomputing.com/"),
                Arguments.of(Dialect.SNOWFLAKE, "xy12345.eu-central-1", null, null,
                        "jdbc:snowflake://xy12345.eu-central-1.snowflakecomputing.com/"),
                Arguments.of(Dialect.SNOWFLAKE, "acct.snowflakecomputing.com", 8443, "db",
                        "jdbc:snowflake://acct.snowflakecomputing.com:8443/"));
    }

    @ParameterizedTest
    @MethodSource("fromParts")
    void buildsTheJdbcUrlFromParts(Dialect dialect, String host, Integer port, String database, String url)
            throws SQLException {
        JdbcTarget target = dialect.target(new ConnectionParts(host, port, database, null, null, null), null, PROJECT);

        assertThat(target.url()).isEqualTo(url);
    }

    @Test
    void relativeFilesResolveAgainstTheWorkingDirectoryWithoutAProjectDir() throws SQLException {
        String cwd = Path.of("").toAbsolutePath().resolve("pets.db").toString();

        assertThat(Dialect.SQLITE.target(new ConnectionParts(null, null, "pets.db", null, null, null), null, null).url())
                .isEqualTo("jdbc:sqlite:" + cwd);
    }
}
