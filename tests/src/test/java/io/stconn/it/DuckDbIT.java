package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB configured only in a temporary project's secrets (duckdb_engine's URL form and parts). */
class DuckDbIT {
    @TempDir
    Path tmp;

    @Test
    void absoluteSqlAlchemyUrl() throws Exception {
        String name = Project.uniqueName("duckabs");
        Path db = Dbs.duckdbFile(tmp.resolve("dbs/abs.duckdb"), "duck-absolute");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("duckdb:///" + db) + "\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("duck-absolute");
            assertThat(c.getMetaData().getDatabaseProductName()).containsIgnoringCase("duckdb");
        }
    }

    @Test
    void relativeSqlAlchemyUrlIsRelativeToTheProject() throws Exception {
        String name = Project.uniqueName("duckrel");
        Project project = Project.in(tmp);
        Dbs.duckdbFile(project.resolve("ducks.duckdb"), "duck-in-project");
        project.secrets(
                "[connections." + name + "]\n"
                        + "url = \"duckdb:///ducks.duckdb\"\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("duck-in-project");
        }
    }

    @Test
    void partsWithAbsoluteDatabase() throws Exception {
        String name = Project.uniqueName("duckparts");
        Path db = Dbs.duckdbFile(tmp.resolve("dbs/parts.duckdb"), "duck-parts");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"duckdb\"\n"
                        + "database = " + Project.toml(db) + "\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("duck-parts");
        }
    }

    @Test
    void jdbcUrlIsUsedAsIs() throws Exception {
        String name = Project.uniqueName("duckjdbc");
        Path db = Dbs.duckdbFile(tmp.resolve("dbs/jdbc.duckdb"), "duck-jdbc-url");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:duckdb:" + db) + "\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("duck-jdbc-url");
            assertThat(c.isWrapperFor(org.duckdb.DuckDBConnection.class)).isTrue();
        }
    }

    @Test
    void secondConnectionForTheSameNameUsesTheSamePoolAndCloseReturnsIt() throws Exception {
        String name = Project.uniqueName("duckpool");
        Path db = Dbs.duckdbFile(tmp.resolve("dbs/pool.duckdb"), "pooled");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"duckdb\"\n"
                        + "database = " + Project.toml(db) + "\n");
        SamePool.assertSecondConnectionSharesThePoolAndCloseReturnsIt(project.url(name), name);
    }
}
