package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite configured only in a temporary project's secrets, in Streamlit's URL forms and as parts. */
class SqliteIT {
    @TempDir
    Path tmp;

    @Test
    void relativeSqlAlchemyUrlIsRelativeToTheProject() throws Exception {
        String name = Project.uniqueName("sqliterel");
        Project project = Project.in(tmp);
        Dbs.sqliteFile(project.resolve("pets.db"), "pets-in-project");
        project.secrets(
                "[connections." + name + "]\n"
                        + "url = \"sqlite:///pets.db\"\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("pets-in-project");
        }
    }

    @Test
    void absoluteSqlAlchemyUrlWithFourSlashes() throws Exception {
        String name = Project.uniqueName("sqliteabs");
        Path db = Dbs.sqliteFile(tmp.resolve("elsewhere/abs.db"), "absolute");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("sqlite:///" + db) + "\n");
        assertThat("sqlite:///" + db).startsWith("sqlite:////");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("absolute");
        }
    }

    @Test
    void inMemorySqlAlchemyUrl() throws Exception {
        String name = Project.uniqueName("sqlitemem");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = \"sqlite://\"\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("SQLite");
            assertThat(Dbs.one(c, "SELECT sqlite_version()")).isNotBlank();
        }
    }

    @Test
    void partsWithAbsoluteDatabase() throws Exception {
        String name = Project.uniqueName("sqliteparts");
        Path db = Dbs.sqliteFile(tmp.resolve("dbs/parts.db"), "sqlite-parts");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"sqlite\"\n"
                        + "database = " + Project.toml(db) + "\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("sqlite-parts");
        }
    }

    @Test
    void partsWithRelativeDatabaseResolveAgainstTheProject() throws Exception {
        String name = Project.uniqueName("sqlitepartsrel");
        Project project = Project.in(tmp);
        Dbs.sqliteFile(project.resolve("data/rel.db"), "sqlite-relative-parts");
        project.secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"sqlite\"\n"
                        + "database = \"data/rel.db\"\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("sqlite-relative-parts");
        }
    }

    @Test
    void jdbcUrlIsUsedAsIs() throws Exception {
        String name = Project.uniqueName("sqlitejdbc");
        Path db = Dbs.sqliteFile(tmp.resolve("dbs/jdbc.db"), "sqlite-jdbc-url");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:sqlite:" + db) + "\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(Dbs.marker(c)).isEqualTo("sqlite-jdbc-url");
            assertThat(c.isWrapperFor(org.sqlite.SQLiteConnection.class)).isTrue();
        }
    }

    @Test
    void secondConnectionForTheSameNameUsesTheSamePoolAndCloseReturnsIt() throws Exception {
        String name = Project.uniqueName("sqlitepool");
        Project project = Project.in(tmp);
        Dbs.sqliteFile(project.resolve("pool.db"), "pooled");
        project.secrets(
                "[connections." + name + "]\n"
                        + "url = \"sqlite:///pool.db\"\n");
        SamePool.assertSecondConnectionSharesThePoolAndCloseReturnsIt(project.url(name), name);
    }
}
