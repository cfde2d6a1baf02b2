package io.stconn.it;

import io.stconn.SqlState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drop-in jar without the dialect's driver: stconn loaded in a class loader that holds every
 * other real driver but not that one. The error names each driver class the dialect can use and
 * the Maven coordinates to add (Streamlit's "You need to install the '...' package").
 */
class MissingDriverIT {
    /** Every real driver on the tests' class path, by class name. */
    private static final Map<String, Class<?>> DRIVERS = Map.of(
            "org.postgresql.Driver", org.postgresql.Driver.class,
            "com.mysql.cj.jdbc.Driver", com.mysql.cj.jdbc.Driver.class,
            "org.mariadb.jdbc.Driver", org.mariadb.jdbc.Driver.class,
            "org.sqlite.JDBC", org.sqlite.JDBC.class,
            "com.microsoft.sqlserver.jdbc.SQLServerDriver", com.microsoft.sqlserver.jdbc.SQLServerDriver.class,
            "oracle.jdbc.OracleDriver", oracle.jdbc.OracleDriver.class,
            "org.h2.Driver", org.h2.Driver.class,
            "org.duckdb.DuckDBDriver", org.duckdb.DuckDBDriver.class,
            "net.snowflake.client.jdbc.SnowflakeDriver", net.snowflake.client.jdbc.SnowflakeDriver.class);

    @TempDir
    Path tmp;

    /** dialect, the section, and each "class (Maven: coordinates)" the error must name, in order. */
    static Stream<Arguments> dialects() {
        return Stream.of(
                row("postgresql", "url = \"postgresql://app:pw@db.example.com/app\"",
                        "org.postgresql.Driver (Maven: org.postgresql:postgresql)"),
                row("mysql", "dialect = \"mysql\"\nhost = \"db.example.com\"\nusername = \"app\"",
                        "com.mysql.cj.jdbc.Driver (Maven: com.mysql:mysql-connector-j)",
                        "org.mariadb.jdbc.Driver (Maven: org.mariadb.jdbc:mariadb-java-client)"),
                row("mariadb", "url = \"mariadb+mariadbconnector://app:pw@db.example.com/app\"",
                        "org.mariadb.jdbc.Driver (Maven: org.mariadb.jdbc:mariadb-java-client)",
                        "com.mysql.cj.jdbc.Driver (Maven: com.mysql:mysql-connector-j)"),
                row("sqlite", "url = \"sqlite:///pets.db\"",
                        "org.sqlite.JDBC (Maven: org.xerial:sqlite-jdbc)"),
                row("mssql", "url = \"mssql+pyodbc://sa:pw@db.example.com/sales?driver=ODBC+Driver+18+for+SQL+Server\"",
                        "com.microsoft.sqlserver.jdbc.SQLServerDriver (Maven: com.microsoft.sqlserver:mssql-jdbc)"),
                row("oracle", "url = \"oracle+oracledb://scott:pw@db.example.com/?service_name=ORCLPDB1\"",
                        "oracle.jdbc.OracleDriver (Maven: com.oracle.database.jdbc:ojdbc11)"),
                row("h2", "dialect = \"h2\"\ndatabase = \"mem:missing\"",
                        "org.h2.Driver (Maven: com.h2database:h2)"),
                row("duckdb", "url = \"duckdb:///analytics.duckdb\"",
                        "org.duckdb.DuckDBDriver (Maven: org.duckdb:duckdb_jdbc)"),
                row("snowflake", "url = \"snowflake://jsmith:pw@myorg-myaccount/SALES/PUBLIC\"",
                        "net.snowflake.client.jdbc.SnowflakeDriver (Maven: net.snowflake:snowflake-jdbc)"),
                row("redshift", "url = \"redshift+psycopg2://app:pw@cluster.example.com:5439/dev\"",
                        "com.amazon.redshift.jdbc42.Driver (Maven: com.amazon.redshift:redshift-jdbc42)",
                        "org.postgresql.Driver (Maven: org.postgresql:postgresql)"),
                row("cockroachdb", "url = \"cockroachdb://app:pw@db.example.com:26257/defaultdb\"",
                        "org.postgresql.Driver (Maven: org.postgresql:postgresql)"),
                row("jdbc: url", "url = \"jdbc:postgresql://db.example.com/app\"",
                        "org.postgresql.Driver (Maven: org.postgresql:postgresql)"));
    }

    private static Arguments row(String label, String section, String... named) {
        return Arguments.of(label, section, List.of(named));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void errorNamesTheDriverClassesAndMavenCoordinates(String label, String section, List<String> named)
            throws Exception {
        String name = Project.uniqueName("nodriver");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n" + section + "\n");
        List<Class<?>> others = new ArrayList<>();
        DRIVERS.forEach((className, type) -> {
            if (named.stream().noneMatch(n -> n.startsWith(className + " "))) {
                others.add(type);
            }
        });
        try (IsolatedStconn stconn = IsolatedStconn.with(others.toArray(Class<?>[]::new))) {
            for (String n : named) {
                assertThat(stconn.sees(n.substring(0, n.indexOf(' ')))).as("isolated loader sees %s", n).isFalse();
            }
            assertThatThrownBy(() -> stconn.connect(project.url(name)))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        Errors.assertReason(e, SqlState.DRIVER_NOT_FOUND);
                        assertThat(e.getMessage()).contains("JDBC driver not found for connection '" + name + "'",
                                ": " + String.join(" or ", named) + ". Put the driver jar beside the stconn jar");
                    });
        }
    }

    @Test
    void aDriverClassNamedInTheSecretsIsNamedInTheError() throws Exception {
        String driverClass = "com.acme.jdbc.AcmeDriver";
        String name = Project.uniqueName("nodriverkey");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n"
                + "url = \"jdbc:acme://db.example.com/app\"\n"
                + "driver = \"" + driverClass + "\"\n");
        try (IsolatedStconn stconn = IsolatedStconn.with(org.h2.Driver.class)) {
            assertThatThrownBy(() -> stconn.connect(project.url(name)))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        Errors.assertReason(e, SqlState.DRIVER_NOT_FOUND);
                        assertThat(e.getMessage()).contains("JDBC driver not found for connection '" + name + "'",
                                ": " + driverClass + ". Put the driver jar");
                    });
        }
    }
}
