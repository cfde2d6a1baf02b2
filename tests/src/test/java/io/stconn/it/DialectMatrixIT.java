package io.stconn.it;

import static io.stconn.it.Servers.APP_PASSWORD;
import static io.stconn.it.Servers.APP_USER;
import static io.stconn.it.Servers.DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.dialect.Dialect;
import io.stconn.it.Servers.Server;
import io.stconn.spi.PoolTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.snowflake.client.jdbc.SnowflakeConnectString;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the dialect table (the {@link Dialect} enum), each proven the strongest way this
 * machine allows: a real query on PostgreSQL, MariaDB (MySQL through both drivers), SQLite, H2 and
 * DuckDB, and for SQL Server, Oracle and Snowflake, which have no server here, the vendor driver
 * accepting the URL and its own parser reading back host, port and database. A dialect added to
 * the enum without a row here fails {@link #everyDialectHasARow()}.
 */
class DialectMatrixIT {
    private static final String PG_DRIVER = "PostgreSQL JDBC Driver";
    private static final String LOGIN = APP_USER + ":" + Project.encode(APP_PASSWORD);

    @TempDir
    Path tmp;

    @RegisterExtension
    final OpenedPools pools = new OpenedPools();

    /** One dialect, one way of proving it. */
    record Row(Dialect dialect, Check check) {
    }

    @FunctionalInterface
    interface Check {
        void prove(Context context) throws Exception;
    }

    /** A fresh project and connection name for one row. */
    record Context(Project project, String name, OpenedPools pools) {
        String url() {
            return project.url(name);
        }

        void section(String section) {
            project.secrets("[connections." + name + "]\n" + section + "\n");
        }
    }

    static List<Named<Row>> rows() {
        return List.of(
                row("postgresql: real query", Dialect.POSTGRESQL, server(Server.POSTGRESQL,
                        "dialect = \"postgresql\"\nhost = \"127.0.0.1\"\nport = 5432\ndatabase = \"" + DATABASE
                                + "\"\nusername = \"" + APP_USER + "\"\npassword = " + Project.toml(APP_PASSWORD),
                        "jdbc:postgresql://127.0.0.1:5432/" + DATABASE, PG_DRIVER)),
                row("mysql: real query through MySQL Connector/J", Dialect.MYSQL, server(Server.MARIADB,
                        "url = \"mysql+pymysql://" + LOGIN + "@127.0.0.1:3306/" + DATABASE + "?charset=utf8mb4\"",
                        "jdbc:mysql://127.0.0.1:3306/" + DATABASE, "MySQL Connector/J")),
                row("mysql: real query through MariaDB's driver, Connector/J absent", Dialect.MYSQL,
                        DialectMatrixIT::mysqlThroughMariaDbDriver),
                row("mariadb: real query", Dialect.MARIADB, server(Server.MARIADB,
                        "url = \"mariadb+mariadbconnector://" + LOGIN + "@127.0.0.1:3306/" + DATABASE + "\"",
                        "jdbc:mariadb://127.0.0.1:3306/" + DATABASE, "MariaDB Connector/J")),
                row("sqlite: real query", Dialect.SQLITE, context -> {
                    Dbs.sqliteFile(context.project().resolve("pets.db"), "sqlite-row");
                    context.section("url = \"sqlite:///pets.db\"");
                    fileQuery(context, "jdbc:sqlite:" + context.project().resolve("pets.db"), "sqlite-row");
                }),
                row("mssql: mssql-jdbc reads the URL back", Dialect.MSSQL, DialectMatrixIT::sqlServer),
                row("oracle: the thin driver sends the connect descriptor", Dialect.ORACLE, DialectMatrixIT::oracle),
                row("h2: real query", Dialect.H2, context -> {
                    Dbs.h2File(context.project().resolve("data/app"), "h2-row");
                    context.section("dialect = \"h2\"\ndatabase = \"data/app\"");
                    fileQuery(context, "jdbc:h2:" + context.project().resolve("data/app"), "h2-row");
                }),
                row("duckdb: real query", Dialect.DUCKDB, context -> {
                    Dbs.duckdbFile(context.project().resolve("analytics.duckdb"), "duckdb-row");
                    context.section("url = \"duckdb:///analytics.duckdb\"");
                    fileQuery(context, "jdbc:duckdb:" + context.project().resolve("analytics.duckdb"), "duckdb-row");
                }),
                row("snowflake: snowflake-jdbc reads the URL back", Dialect.SNOWFLAKE, DialectMatrixIT::snowflake),
                // no Amazon driver on the class path: pgjdbc, the fallback, on the PostgreSQL server
                row("redshift: real query through pgjdbc", Dialect.REDSHIFT, server(Server.POSTGRESQL,
                        "url = \"redshift+psycopg2://" + LOGIN + "@127.0.0.1:5432/" + DATABASE + "\"",
                        "jdbc:postgresql://127.0.0.1:5432/" + DATABASE, PG_DRIVER)),
                row("cockroachdb: real query through pgjdbc", Dialect.COCKROACHDB, server(Server.POSTGRESQL,
                        "url = \"cockroachdb://" + LOGIN + "@127.0.0.1:5432/" + DATABASE + "\"",
                        "jdbc:postgresql://127.0.0.1:5432/" + DATABASE, PG_DRIVER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void dialect(Row row) throws Exception {
        String name = Project.uniqueName(row.dialect().canonicalName());
        row.check().prove(new Context(Project.in(tmp, name), name, pools));
    }

    @Test
    void everyDialectHasARow() {
        Set<Dialect> covered = rows().stream().map(r -> r.getPayload().dialect())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Dialect.class)));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Dialect.class));
    }

    private static Named<Row> row(String label, Dialect dialect, Check check) {
        return Named.of(label, new Row(dialect, check));
    }

    private static Check server(Server server, String section, String jdbcUrl, String driverName) {
        return context -> {
            Servers.require(server);
            context.section(section);
            assertThat(Described.target(context.url()).jdbcUrl()).isEqualTo(jdbcUrl);
            try (Connection c = context.pools().connect(context.url())) {
                assertThat(c.getMetaData().getDriverName()).isEqualTo(driverName);
                assertThat(Servers.pets(c)).containsExactly("John:cat", "Mary:dog", "Robert:bird");
            }
        };
    }

    private static void fileQuery(Context context, String jdbcUrl, String marker) throws Exception {
        assertThat(Described.target(context.url()).jdbcUrl()).isEqualTo(jdbcUrl);
        try (Connection c = context.pools().connect(context.url())) {
            assertThat(Dbs.marker(c)).isEqualTo(marker);
        }
    }

    private static void mysqlThroughMariaDbDriver(Context context) throws Exception {
        Servers.require(Server.MARIADB);
        context.section("dialect = \"mysql\"\nhost = \"127.0.0.1\"\nport = 3306\ndatabase = \"" + DATABASE
                + "\"\nusername = \"" + APP_USER + "\"\npassword = " + Project.toml(APP_PASSWORD)
                + "\nquery = { charset = \"utf8mb4\" }");
        try (IsolatedStconn stconn = IsolatedStconn.with(org.mariadb.jdbc.Driver.class)) {
            assertThat(stconn.sees("com.mysql.cj.jdbc.Driver")).isFalse();
            try (Connection c = stconn.connect(context.url())) {
                assertThat(c.getMetaData().getDriverName()).isEqualTo("MariaDB Connector/J");
                assertThat(c.getMetaData().getURL()).startsWith("jdbc:mariadb://127.0.0.1");
                assertThat(Servers.pets(c)).containsExactly("John:cat", "Mary:dog", "Robert:bird");
            }
        }
    }

    private static void sqlServer(Context context) throws Exception {
        context.section("dialect = \"mssql\"\nhost = \"sql.example.com\"\nport = 1433\ndatabase = \"sales\"\n"
                + "username = \"sa\"\npassword = " + Project.toml(Project.PASSWORD));
        PoolTarget target = Described.target(context.url());
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:sqlserver://sql.example.com:1433;databaseName=sales");
        Driver driver = target.driver();
        assertThat(driver.getClass().getName()).isEqualTo("com.microsoft.sqlserver.jdbc.SQLServerDriver");
        assertThat(driver.acceptsURL(target.jdbcUrl())).isTrue();
        DriverPropertyInfo[] reading = driver.getPropertyInfo(target.jdbcUrl(), target.properties());
        assertThat(reading).anySatisfy(p -> assertThat(p.name + "=" + p.value).isEqualTo("serverName=sql.example.com"))
                .anySatisfy(p -> assertThat(p.name + "=" + p.value).isEqualTo("portNumber=1433"))
                .anySatisfy(p -> assertThat(p.name + "=" + p.value).isEqualTo("databaseName=sales"));
    }

    private static void oracle(Context context) throws Exception {
        try (OracleListener listener = new OracleListener()) {
            context.section("url = \"oracle+oracledb://scott:" + Project.encode(Project.PASSWORD) + "@127.0.0.1:"
                    + listener.port() + "/ORCL\""); // a SID, as SQLAlchemy's Oracle dialects read the database part
            PoolTarget target = Described.target(context.url());
            assertThat(target.jdbcUrl()).isEqualTo("jdbc:oracle:thin:@127.0.0.1:" + listener.port() + ":ORCL");
            assertThat(target.driver().getClass().getName()).isEqualTo("oracle.jdbc.OracleDriver");
            assertThat(target.driver().acceptsURL(target.jdbcUrl())).isTrue();
            String descriptor = listener.descriptorSentBy(target.driver(), target.jdbcUrl(), target.properties());
            assertThat(OracleListener.value(descriptor, "HOST")).isEqualTo("127.0.0.1");
            assertThat(OracleListener.value(descriptor, "PORT")).isEqualTo(String.valueOf(listener.port()));
            assertThat(OracleListener.value(descriptor, "SID")).isEqualTo("ORCL");
        }
    }

    private static void snowflake(Context context) throws Exception {
        context.section("url = \"snowflake://jsmith:" + Project.encode(Project.PASSWORD)
                + "@myorg-myaccount/SALES/PUBLIC?warehouse=COMPUTE_WH&role=ANALYST\"");
        PoolTarget target = Described.target(context.url());
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:snowflake://myorg-myaccount.snowflakecomputing.com/");
        assertThat(target.driver().getClass().getName()).isEqualTo("net.snowflake.client.jdbc.SnowflakeDriver");
        assertThat(target.driver().acceptsURL(target.jdbcUrl())).isTrue();
        SnowflakeConnectString reading = SnowflakeConnectString.parse(target.jdbcUrl(), target.properties());
        assertThat(reading.isValid()).isTrue();
        assertThat(reading.getHost()).isEqualTo("myorg-myaccount.snowflakecomputing.com");
        assertThat(reading.getPort()).isEqualTo(443);
        assertThat(reading.getParameters()).containsEntry("DB", "SALES").containsEntry("SCHEMA", "PUBLIC")
                .containsEntry("WAREHOUSE", "COMPUTE_WH").containsEntry("ROLE", "ANALYST");
    }
}
