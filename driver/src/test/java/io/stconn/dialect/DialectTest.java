package io.stconn.dialect;

import io.stconn.SqlState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DialectTest {
    static final Path PROJECT = Path.of("/project");
    private static final String SECRET = "s3cr3t-pässwörd€";

    @ParameterizedTest
    @CsvSource({
            "postgresql, POSTGRESQL", "postgres, POSTGRESQL", "pgsql, POSTGRESQL", "PostgreSQL, POSTGRESQL",
            "postgresql+psycopg2, POSTGRESQL", "' postgres ', POSTGRESQL",
            "mysql, MYSQL", "mysql+pymysql, MYSQL", "mariadb, MARIADB", "sqlite, SQLITE",
            "mssql, MSSQL", "sqlserver, MSSQL", "SQLServer, MSSQL", "mssql+pyodbc, MSSQL",
            "oracle, ORACLE", "oracle+oracledb, ORACLE", "h2, H2", "duckdb, DUCKDB", "snowflake, SNOWFLAKE",
            "redshift, REDSHIFT", "redshift+psycopg2, REDSHIFT", "cockroachdb, COCKROACHDB", "cockroach, COCKROACHDB"})
    void byNameKnowsEveryAliasInAnyCase(String name, Dialect expected) {
        assertThat(Dialect.byName(name)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"mongodb", "sqlite3", "postgresq", "+psycopg2", "jdbc:postgresql"})
    void byNameIsEmptyForAnythingElse(String name) {
        assertThat(Dialect.byName(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "jdbc:postgresql://h:5432/db, POSTGRESQL", "JDBC:PostgreSQL://h/db, POSTGRESQL",
            "jdbc:mysql://h:3306/db, MYSQL", "jdbc:mariadb://h/db, MARIADB", "jdbc:sqlite:/tmp/x.db, SQLITE",
            "jdbc:sqlserver://h:1433;databaseName=db, MSSQL", "jdbc:oracle:thin:@//h:1521/svc, ORACLE",
            "jdbc:oracle:oci:@tns, ORACLE", "jdbc:h2:mem:x, H2", "jdbc:duckdb:, DUCKDB",
            "jdbc:snowflake://a.snowflakecomputing.com/, SNOWFLAKE", "jdbc:redshift://h:5439/db, REDSHIFT"})
    void byJdbcUrlReadsThePrefix(String url, Dialect expected) {
        assertThat(Dialect.byJdbcUrl(url)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"jdbc:stconn:x", "postgresql://h/db", "jdbc:db2://h/db", "jdbc:"})
    void byJdbcUrlIsEmptyForForeignUrls(String url) {
        assertThat(Dialect.byJdbcUrl(url)).isEmpty();
    }

    @Test
    void knownNamesListsEveryDialectWithItsAliases() {
        assertThat(Dialect.knownNames()).isEqualTo("postgresql (postgres, pgsql), mysql, mariadb, sqlite,"
                + " mssql (sqlserver), oracle, h2, duckdb, snowflake, redshift, cockroachdb (cockroach)");
    }

    static Stream<Arguments> facts() {
        return Stream.of(
                // dialect, canonical name, default port, file based, required parts, driver classes and coordinates
                Arguments.of(Dialect.POSTGRESQL, "postgresql", 5432, false, List.of("host"),
                        List.of("org.postgresql.Driver org.postgresql:postgresql")),
                Arguments.of(Dialect.MYSQL, "mysql", 3306, false, List.of("host"),
                        List.of("com.mysql.cj.jdbc.Driver com.mysql:mysql-connector-j",
                                "org.mariadb.jdbc.Driver org.mariadb.jdbc:mariadb-java-client")),
                Arguments.of(Dialect.MARIADB, "mariadb", 3306, false, List.of("host"),
                        List.of("org.mariadb.jdbc.Driver org.mariadb.jdbc:mariadb-java-client",
                                "com.mysql.cj.jdbc.Driver com.mysql:mysql-connector-j")),
                Arguments.of(Dialect.SQLITE, "sqlite", -1, true, List.of("database"),
                        List.of("org.sqlite.JDBC org.xerial:sqlite-jdbc")),
                Arguments.of(Dialect.MSSQL, "mssql", 1433, false, List.of("host"),
                        List.of("com.microsoft.sqlserver.jdbc.SQLServerDriver com.microsoft.sqlserver:mssql-jdbc")),
                Arguments.of(Dialect.ORACLE, "oracle", 1521, false, List.of("host"),
                        List.of("oracle.jdbc.OracleDriver com.oracle.database.jdbc:ojdbc11")),
                Arguments.of(Dialect.H2, "h2", -1, true, List.of("database"),
                        List.of("org.h2.Driver com.h2database:h2")),
                Arguments.of(Dialect.DUCKDB, "duckdb", -1, true, List.of("database"),
                        List.of("org.duckdb.DuckDBDriver org.duckdb:duckdb_jdbc")),
                Arguments.of(Dialect.SNOWFLAKE, "snowflake", 443, false, List.of("host"),
                        List.of("net.snowflake.client.jdbc.SnowflakeDriver net.snowflake:snowflake-jdbc")),
                Arguments.of(Dialect.REDSHIFT, "redshift", 5439, false, List.of("host"),
                        List.of("com.amazon.redshift.jdbc42.Driver com.amazon.redshift:redshift-jdbc42",
                                "org.postgresql.Driver org.postgresql:postgresql")),
                Arguments.of(Dialect.COCKROACHDB, "cockroachdb", 26257, false, List.of("host"),
                        List.of("org.postgresql.Driver org.postgresql:postgresql")));
    }

    @ParameterizedTest
    @MethodSource("facts")
    void eachDialectKnowsItsPortDriversAndRequiredParts(Dialect dialect, String name, int port, boolean fileBased,
                                                        List<String> required, List<String> drivers) {
        assertThat(dialect.canonicalName()).isEqualTo(name);
        assertThat(dialect.defaultPort()).isEqualTo(port);
        assertThat(dialect.isFileBased()).isEqualTo(fileBased);
        assertThat(dialect.requiredParts()).isEqualTo(required);
        assertThat(dialect.drivers()).extracting(d -> d.className() + " " + d.mavenCoordinates())
                .containsExactlyElementsOf(drivers);
    }

    static Stream<Arguments> fromSqlAlchemyUrls() {
        return Stream.of(
                // the forms of the Streamlit tutorials: url, JDBC url, properties
                Arguments.of("postgresql+psycopg2://user:p%40ss@host:5432/db?sslmode=disable",
                        "jdbc:postgresql://host:5432/db", props("sslmode", "disable", "user", "user", "password", "p@ss")),
                Arguments.of("mysql://u:p@h:3306/db?charset=utf8mb4",
                        "jdbc:mysql://h:3306/db", props("characterEncoding", "UTF-8", "user", "u", "password", "p")),
                Arguments.of("sqlite:///pets.db", "jdbc:sqlite:/project/pets.db", props()),
                Arguments.of("sqlite:////abs/path.db", "jdbc:sqlite:/abs/path.db", props()),
                Arguments.of("sqlite://", "jdbc:sqlite::memory:", props()),
                Arguments.of("sqlite:///:memory:", "jdbc:sqlite::memory:", props()),
                Arguments.of("mssql+pyodbc://u:p@h:1433/db?driver=ODBC+Driver+18+for+SQL+Server&TrustServerCertificate=yes",
                        "jdbc:sqlserver://h:1433;databaseName=db",
                        props("trustServerCertificate", "true", "user", "u", "password", "p")),
                Arguments.of("oracle+oracledb://u:p@h:1521/?service_name=XEPDB1",
                        "jdbc:oracle:thin:@//h:1521/XEPDB1", props("user", "u", "password", "p")),
                Arguments.of("oracle+cx_oracle://u:p@h:1521/?sid=XE", "jdbc:oracle:thin:@h:1521:XE",
                        props("user", "u", "password", "p")),
                Arguments.of("oracle://u:p@h/FREE", "jdbc:oracle:thin:@h:1521:FREE",
                        props("user", "u", "password", "p")),
                Arguments.of("snowflake://u:p@myacct/db/sch?warehouse=wh&role=r",
                        "jdbc:snowflake://myacct.snowflakecomputing.com/",
                        props("db", "db", "schema", "sch", "warehouse", "wh", "role", "r", "user", "u", "password", "p")),
                Arguments.of("snowflake://u:p@myacct", "jdbc:snowflake://myacct.snowflakecomputing.com/",
                        props("user", "u", "password", "p")),
                Arguments.of("duckdb:///:memory:", "jdbc:duckdb:", props()),
                Arguments.of("duckdb:///data/x.duckdb?read_only=true", "jdbc:duckdb:/project/data/x.duckdb",
                        props("duckdb.read_only", "true")),
                Arguments.of("h2:///mem:demo?DB_CLOSE_DELAY=-1&MODE=PostgreSQL", "jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1;MODE=PostgreSQL",
                        props()),
                Arguments.of("h2://sa:pw@/data/app", "jdbc:h2:/project/data/app", props("user", "sa", "password", "pw")),
                Arguments.of("mariadb+mariadbconnector://u:p@[::1]/shop", "jdbc:mariadb://[::1]:3306/shop",
                        props("user", "u", "password", "p")),
                // user and password from the url win over query parameters of the same name
                Arguments.of("postgresql://u:p@h/db?user=other&password=other", "jdbc:postgresql://h:5432/db",
                        props("user", "u", "password", "p")));
    }

    @ParameterizedTest
    @MethodSource("fromSqlAlchemyUrls")
    void buildsTheJdbcTargetFromSqlAlchemyUrls(String url, String jdbcUrl, Properties properties) throws SQLException {
        JdbcTarget target = target(url);

        assertThat(target.url()).isEqualTo(jdbcUrl);
        assertThat(target.properties()).isEqualTo(properties);
    }

    static Stream<Arguments> drivers() {
        return Stream.of(
                // dialect, chosen driver class, JDBC url
                Arguments.of(Dialect.MYSQL, "com.mysql.cj.jdbc.Driver", "jdbc:mysql://h:3306/db"),
                Arguments.of(Dialect.MYSQL, "org.mariadb.jdbc.Driver", "jdbc:mariadb://h:3306/db"),
                Arguments.of(Dialect.MARIADB, "com.mysql.cj.jdbc.Driver", "jdbc:mysql://h:3306/db"),
                Arguments.of(Dialect.REDSHIFT, "org.postgresql.Driver", "jdbc:postgresql://h:5439/db"),
                Arguments.of(Dialect.MYSQL, "com.example.OtherDriver", "jdbc:mysql://h:3306/db"),
                Arguments.of(Dialect.POSTGRESQL, "org.h2.Driver", "jdbc:postgresql://h:5432/db"));
    }

    @ParameterizedTest
    @MethodSource("drivers")
    void theUrlFollowsTheChosenDriver(Dialect dialect, String driverClass, String url) throws SQLException {
        ConnectionParts parts = new ConnectionParts("h", null, "db", null, null, null);

        assertThat(dialect.target(parts, new JdbcDriver(driverClass, "x:y"), PROJECT).url()).isEqualTo(url);
    }

    @Test
    void anUnknownDriverClassIsNoted() throws SQLException {
        JdbcTarget target = Dialect.MYSQL.target(new ConnectionParts("h", null, "db", null, null, null),
                new JdbcDriver("com.mysql.jdbc.Driver", null), PROJECT);

        assertThat(target.notes()).containsExactly("driver com.mysql.jdbc.Driver is not one stconn knows for mysql;"
                + " using the jdbc:mysql: URL form");
    }

    @Test
    void anH2SettingKeepsAnEscapedSemicolon() throws SQLException {
        JdbcTarget target = Dialect.H2.target(parts(null, null, "mem:x", Map.of("INIT", "CREATE TABLE a(i INT)\\;SELECT 1")),
                null, PROJECT);

        assertThat(target.url()).isEqualTo("jdbc:h2:mem:x;INIT=CREATE TABLE a(i INT)\\;SELECT 1");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                // dialect, parts, SQLState, words of the message
                Arguments.of(Dialect.POSTGRESQL, parts(null, null, "db", Map.of()), SqlState.MISSING_VALUE,
                        "the postgresql connection needs a host"),
                Arguments.of(Dialect.MSSQL, parts(" ", null, "db", Map.of()), SqlState.MISSING_VALUE, "the mssql connection needs a host"),
                Arguments.of(Dialect.ORACLE, parts(null, null, "svc", Map.of()), SqlState.MISSING_VALUE, "the oracle connection needs a host"),
                Arguments.of(Dialect.POSTGRESQL, parts("h", 0, "db", Map.of()), SqlState.INVALID_VALUE, "between 1 and 65535, not 0"),
                Arguments.of(Dialect.POSTGRESQL, parts("h", 70000, "db", Map.of()), SqlState.INVALID_VALUE, "between 1 and 65535"),
                Arguments.of(Dialect.POSTGRESQL, parts("h;x=y", null, "db", Map.of()), SqlState.INVALID_VALUE,
                        "contains a character no host name can contain"),
                Arguments.of(Dialect.POSTGRESQL, parts("h/evil", null, "db", Map.of()), SqlState.INVALID_VALUE,
                        "contains a character no host name can contain"),
                Arguments.of(Dialect.POSTGRESQL, parts("a\\b", null, "db", Map.of()), SqlState.INVALID_VALUE,
                        "contains a character no host name can contain"),
                Arguments.of(Dialect.MARIADB, parts("h", null, "a?b", Map.of()), SqlState.INVALID_VALUE,
                        "the database name cannot contain / ? ; & or # in a jdbc:mariadb: URL"),
                Arguments.of(Dialect.SNOWFLAKE, parts(null, null, "db", Map.of()), SqlState.MISSING_VALUE,
                        "the snowflake connection needs the account"),
                Arguments.of(Dialect.SNOWFLAKE, parts("evil.com/x#", null, "db", Map.of()), SqlState.INVALID_VALUE,
                        "the snowflake account may contain only letters, digits, '_', '-' and '.'"),
                Arguments.of(Dialect.SNOWFLAKE, parts("acct@evil.com", null, "db", Map.of()), SqlState.INVALID_VALUE,
                        "the snowflake account may contain only"),
                Arguments.of(Dialect.SNOWFLAKE, parts("acct:443", null, "db", Map.of()), SqlState.INVALID_VALUE,
                        "the snowflake account may contain only"),
                Arguments.of(Dialect.ORACLE, parts("h", null, "svc", Map.of("service_name", "other")), SqlState.INVALID_VALUE,
                        "takes one of: the database part"),
                Arguments.of(Dialect.ORACLE, parts("h", null, null, Map.of("service_name", "a", "sid", "b")), SqlState.INVALID_VALUE,
                        "not several"),
                Arguments.of(Dialect.POSTGRESQL, parts("h", null, "db", Map.of("connect_timeout", "soon")), SqlState.INVALID_VALUE,
                        "connect_timeout must be a number of seconds (0 or more), not 'soon'"),
                Arguments.of(Dialect.MYSQL, parts("h", null, "db", Map.of("read_timeout", "-1")), SqlState.INVALID_VALUE,
                        "read_timeout must be a number of seconds"),
                Arguments.of(Dialect.POSTGRESQL, parts("h", null, "db", Map.of("target_session_attrs", "master")), SqlState.INVALID_VALUE,
                        "target_session_attrs must be one of any, read-write, read-only, primary, standby, prefer-standby,"
                                + " not 'master'"),
                Arguments.of(Dialect.MSSQL, parts("h", null, "db", Map.of("TrustServerCertificate", "maybe")), SqlState.INVALID_VALUE,
                        "TrustServerCertificate must be yes or no (or true/false, on/off, 1/0), not 'maybe'"),
                Arguments.of(Dialect.MSSQL, parts(null, null, null, Map.of("odbc_connect", "DRIVER=x;PWD=" + SECRET)),
                        SqlState.INVALID_VALUE, "the mssql parameter odbc_connect is not supported"),
                Arguments.of(Dialect.SQLITE, parts(null, null, "x.db", Map.of("mode", "memory")), SqlState.INVALID_VALUE,
                        "mode must be one of ro, rw, rwc, not 'memory'"),
                Arguments.of(Dialect.H2, parts(null, null, "mem:x", Map.of("INIT", "a;b")), SqlState.INVALID_VALUE,
                        "the h2 setting INIT cannot contain a bare ';'"),
                Arguments.of(Dialect.H2, parts("h2host", null, null, Map.of()), SqlState.MISSING_VALUE,
                        "the h2 server connection needs the database"),
                Arguments.of(Dialect.SQLITE, parts(null, null, "bad\0name", Map.of()), SqlState.INVALID_VALUE,
                        "the database is not a valid file path"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputsAreSqlExceptionsWithAStateAndNoSecret(Dialect dialect, ConnectionParts parts, SqlState state,
                                                         String words) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> dialect.target(parts, null, PROJECT));

        assertThat((Throwable) e).isNotNull();
        assertThat(SqlState.reasonOf(e)).contains(state);
        assertThat(e.getMessage()).contains(words).doesNotContain(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "mariadb", "mssql", "oracle", "h2", "snowflake", "redshift",
            "cockroachdb"})
    void thePasswordGoesIntoThePropertiesOnlyAndIsMaskedEverywhere(String dialect) throws SQLException {
        String url = dialect + "://admin:" + SqlAlchemyUrlTest.encode(SECRET) + "@acct/db"
                + "?password_extra=" + SqlAlchemyUrlTest.encode(SECRET) + "&application_name=x";

        JdbcTarget target = target(url);

        assertThat(target.properties().getProperty("password")).isEqualTo(SECRET);
        assertThat(target.properties().getProperty("user")).isEqualTo("admin");
        assertThat(target.url()).doesNotContain(SECRET).doesNotContain("s3cr3t");
        assertThat(target.toString()).doesNotContain(SECRET).doesNotContain("s3cr3t").contains("password=****");
        assertThat(target.notes()).allSatisfy(note -> assertThat(note).doesNotContain("s3cr3t"));
        assertThat(SqlAlchemyUrl.parse(url).toString()).doesNotContain("s3cr3t");
        assertThat(SqlAlchemyUrl.parse(url).parts().toString()).doesNotContain("s3cr3t");
    }

    @Test
    void targetIsAValue() throws SQLException {
        JdbcTarget target = target("postgresql://u:p@h/db");

        target.properties().setProperty("user", "changed");

        assertThat(target.properties().getProperty("user")).isEqualTo("u");
        assertThat(target.toString()).isEqualTo(
                "JdbcTarget[url=jdbc:postgresql://h:5432/db, properties={password=****, user=u}, notes=[]]");
    }

    @Test
    void partsKeepTheQueryOrderAndNeverHoldNull() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("z", "1");
        query.put("a", "2");

        assertThat(new ConnectionParts("h", null, null, query, null, null).query().keySet()).containsExactly("z", "a");
        assertThat(new ConnectionParts("h", null, null, null, null, null).query()).isEmpty();
        assertThat(new ConnectionParts("h", 1, "d", Map.of("token", "t0k"), "u", "pw").toString()).isEqualTo(
                "ConnectionParts[host=h, port=1, database=d, query={token=****}, username=u, password=****]");
    }

    @Test
    void everyDialectHasATranslationTableAndAtLeastOneDriver() {
        assertThat(Arrays.stream(Dialect.values())).allSatisfy(dialect -> {
            assertThat(dialect.drivers()).isNotEmpty();
            assertThat(Dialect.byName(dialect.canonicalName())).contains(dialect);
        });
    }

    static JdbcTarget target(String sqlAlchemyUrl) throws SQLException {
        SqlAlchemyUrl url = SqlAlchemyUrl.parse(sqlAlchemyUrl);
        Dialect dialect = Dialect.byName(url.dialect()).orElseThrow();
        return dialect.target(url.parts(), null, PROJECT);
    }

    private static ConnectionParts parts(String host, Integer port, String database, Map<String, String> query) {
        return new ConnectionParts(host, port, database, new HashMap<>(query), null, null);
    }

    static Properties props(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }
}
