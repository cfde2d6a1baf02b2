package io.stconn.it;

import io.stconn.SqlState;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SEMANTICS section 4, rule by rule: 1 the type kwarg; 2 the names sql and snowflake; 3 the type
 * key of the section; 4 inference from url / dialect / account; 5 an error. And what a type value
 * may be: sql, snowflake, a ServiceLoader short name, or a class implementing the SPI.
 */
class TypeResolutionIT {
    private static final String SNOWFLAKE_DRIVER = "net.snowflake.client.jdbc.SnowflakeDriver";

    @TempDir
    Path tmp;

    // ---- rule 1: the type kwarg

    @Test
    void typeKwargOverridesTheNameSnowflake() throws Exception {
        Path db = Dbs.h2File(tmp.resolve("dbs/kw"), "sql-despite-name");
        Project project = Project.in(tmp).secrets(
                "[connections.snowflake]\n"
                        + "url = " + Project.toml("jdbc:h2:" + db) + "\n");
        assertReaches(project.url("snowflake", "type=sql"), "sql-despite-name");
    }

    @Test
    void typeKwargOverridesTheTypeKeyOfTheSection() throws Exception {
        String name = Project.uniqueName("kwtype");
        Path db = Dbs.h2File(tmp.resolve("dbs/kw"), "kwarg-beats-key");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "type = \"snowflake\"\n"
                        + "url = " + Project.toml("jdbc:h2:" + db) + "\n");
        assertReaches(project.url(name, "type=sql"), "kwarg-beats-key");
    }

    @Test
    void typeKwargOverridesInferenceFromKeys() throws Exception {
        String name = Project.uniqueName("kwinfer");
        Project project = Project.in(tmp);
        Dbs.h2File(project.resolve("f/db"), "custom-by-kwarg");
        project.secrets(
                "[connections." + name + "]\n"
                        + "url = \"jdbc:h2:mem:decoy\"\n"
                        + "folder = \"f\"\n");
        assertReaches(project.url(name, "type=h2folder"), "custom-by-kwarg");
    }

    // ---- rule 2: the names sql and snowflake

    @Test
    void nameSqlIgnoresTheTypeKeyOfItsSection() throws Exception {
        Path db = Dbs.h2File(tmp.resolve("dbs/sql"), "name-sql-is-sql");
        Project project = Project.in(tmp).secrets(
                "[connections.sql]\n"
                        + "type = \"snowflake\"\n"
                        + "url = " + Project.toml("jdbc:h2:" + db) + "\n");
        assertReaches(project.url("sql"), "name-sql-is-sql");
    }

    @Test
    void nameSnowflakeIgnoresTheTypeKeyOfItsSection() throws Exception {
        Project project = Project.in(tmp).secrets(
                "[connections.snowflake]\n"
                        + "type = \"sql\"\n"
                        + "url = \"jdbc:h2:mem:never\"\n"
                        + "account = \"xy12345\"\n"
                        + "user = \"someone\"\n"
                        + "password = " + Project.toml(Project.PASSWORD) + "\n");
        // the snowflake type is chosen: it needs snowflake-jdbc, which the isolated jar lacks
        SQLException e = snowflakeError(project.url("snowflake"));
        Errors.assertError(e, SqlState.DRIVER_NOT_FOUND, SNOWFLAKE_DRIVER);
    }

    // ---- rule 3: the type key of the section

    @Test
    void typeKeyOfTheSectionBeatsInferenceFromKeys() throws Exception {
        String name = Project.uniqueName("typekey");
        Project project = Project.in(tmp);
        Dbs.h2File(project.resolve("f/db"), "type-key-wins");
        project.secrets(
                "[connections." + name + "]\n"
                        + "type = \"h2folder\"\n"
                        + "url = \"jdbc:h2:mem:decoy\"\n"
                        + "folder = \"f\"\n");
        assertReaches(project.url(name), "type-key-wins");
    }

    // ---- rule 4: inference from keys

    @Test
    void urlKeyMeansSql() throws Exception {
        String name = Project.uniqueName("inferurl");
        Path db = Dbs.h2File(tmp.resolve("dbs/u"), "url-means-sql");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:" + db) + "\n");
        assertReaches(project.url(name), "url-means-sql");
    }

    @Test
    void dialectKeyMeansSql() throws Exception {
        String name = Project.uniqueName("inferdialect");
        Path db = Dbs.h2File(tmp.resolve("dbs/d"), "dialect-means-sql");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"h2\"\n"
                        + "database = " + Project.toml(db) + "\n");
        assertReaches(project.url(name), "dialect-means-sql");
    }

    @Test
    void accountKeyMeansSnowflake() throws Exception {
        String name = Project.uniqueName("inferaccount");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "account = \"xy12345\"\n"
                        + "user = \"someone\"\n"
                        + "password = " + Project.toml(Project.PASSWORD) + "\n");
        SQLException e = snowflakeError(project.url(name));
        Errors.assertError(e, SqlState.DRIVER_NOT_FOUND, SNOWFLAKE_DRIVER);
    }

    @Test
    void typeSnowparkIsAcceptedAsSnowflake() throws Exception {
        String name = Project.uniqueName("snowpark");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "account = \"xy12345\"\n"
                        + "user = \"someone\"\n"
                        + "password = " + Project.toml(Project.PASSWORD) + "\n");
        SQLException e = snowflakeError(project.url(name, "type=snowpark"));
        Errors.assertError(e, SqlState.DRIVER_NOT_FOUND, SNOWFLAKE_DRIVER);
    }

    // ---- rule 5: nothing tells the type

    @Test
    void sectionWithNothingThatTellsTheTypeIsAnErrorSayingWhatToAdd() {
        String name = Project.uniqueName("notype");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "host = \"db.example.com\"\n"
                        + "username = \"someone\"\n"
                        + "password = " + Project.toml(Project.PASSWORD) + "\n");
        SQLException e = Errors.connectError(project.url(name));
        Errors.assertError(e, SqlState.UNKNOWN_TYPE, name, "type");
    }

    // ---- what a type value may be

    @Test
    void customTypeByServiceLoaderShortName() throws Exception {
        String name = Project.uniqueName("shortname");
        Project project = Project.in(tmp);
        Dbs.h2File(project.resolve("store/db"), "custom-short-name");
        project.secrets(
                "[connections." + name + "]\n"
                        + "type = \"h2folder\"\n"
                        + "folder = \"store\"\n");
        assertReaches(project.url(name), "custom-short-name");
    }

    @Test
    void customTypeByFullyQualifiedClassName() throws Exception {
        String name = Project.uniqueName("classname");
        Project project = Project.in(tmp);
        Dbs.h2File(project.resolve("store/db"), "custom-class-name");
        project.secrets(
                "[connections." + name + "]\n"
                        + "type = " + Project.toml(H2FolderType.class.getName()) + "\n"
                        + "folder = \"store\"\n");
        assertReaches(project.url(name), "custom-class-name");
    }

    @Test
    void customTypeReceivesTheMergedConfigurationWithKwargsWinning() throws Exception {
        String name = Project.uniqueName("merged");
        Project project = Project.in(tmp);
        Dbs.h2File(project.resolve("fromsecrets/db"), "folder-from-secrets");
        Dbs.h2File(project.resolve("fromkwarg/db"), "folder-from-kwarg");
        project.secrets(
                "[connections." + name + "]\n"
                        + "type = \"h2folder\"\n"
                        + "folder = \"fromsecrets\"\n");
        assertReaches(project.url(name), "folder-from-secrets");
        assertReaches(project.url(name, "folder=fromkwarg"), "folder-from-kwarg");
    }

    @Test
    void customTypeClassIsFoundThroughTheThreadContextClassLoader() throws Exception {
        String name = Project.uniqueName("tccl");
        Path classes = compileTypeOutsideTheClassPath();
        Path db = Dbs.h2File(tmp.resolve("dbs/tccl"), "context-loader-type");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "type = \"io.stconn.gen.ContextLoaderType\"\n"
                        + "jdbc = " + Project.toml("jdbc:h2:" + db) + "\n");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader context = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                TypeResolutionIT.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(context);
            assertReaches(project.url(name), "context-loader-type");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void classNotImplementingTheSpiIsRejectedWithoutBeingInitialised() {
        String name = Project.uniqueName("notspi");
        String className = "io.stconn.it.NotAConnectionType";
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "type = " + Project.toml(className) + "\n"
                        + "password = " + Project.toml(Project.PASSWORD) + "\n");
        SQLException e = Errors.connectError(project.url(name));
        Errors.assertError(e, SqlState.UNKNOWN_TYPE, className, "io.stconn.spi.ConnectionType");
        assertThat(Tripwire.INSTANTIATED).doesNotContain(className);
        assertThat(Tripwire.INITIALISED).as("loaded without initialising").doesNotContain(className);
    }

    @Test
    void unknownTypeNameIsRejected() {
        String name = Project.uniqueName("unknowntype");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "type = \"mongodb\"\n"
                        + "password = " + Project.toml(Project.PASSWORD) + "\n");
        SQLException e = Errors.connectError(project.url(name));
        Errors.assertError(e, SqlState.UNKNOWN_TYPE, "mongodb");
    }

    /**
     * The error of a connection that must be of type snowflake, from the drop-in jar loaded with H2
     * alone: without snowflake-jdbc nothing can reach out to snowflakecomputing.com, and with the
     * sql type the H2 url would connect.
     */
    private static SQLException snowflakeError(String url) throws Exception {
        try (IsolatedStconn alone = IsolatedStconn.with(org.h2.Driver.class)) {
            assertThat(alone.sees(SNOWFLAKE_DRIVER)).isFalse();
            Connection c = null;
            try {
                c = alone.connect(url);
            } catch (SQLException e) {
                Leaks.assertNoPassword(e);
                return e;
            } finally {
                if (c != null) {
                    c.close();
                }
            }
            throw new AssertionError("connected, but the snowflake type should have been chosen");
        }
    }

    private static void assertReaches(String url, String marker) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(Dbs.marker(c)).isEqualTo(marker);
        }
    }

    /** A ConnectionType compiled now into a folder that only a context class loader sees. */
    private Path compileTypeOutsideTheClassPath() throws IOException {
        Path src = tmp.resolve("gen-src/io/stconn/gen/ContextLoaderType.java");
        Path out = tmp.resolve("gen-classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(out);
        Files.writeString(src, String.join("\n",
                "package io.stconn.gen;",
                "public final class ContextLoaderType implements io.stconn.spi.ConnectionType {",
                "  @Override public String name() { return \"contextloader\"; }",
                "  @Override public io.stconn.spi.PoolTarget target(io.stconn.spi.ConnectionConfig config)",
                "      throws java.sql.SQLException {",
                "    return io.stconn.spi.PoolTarget.ofDriver(new org.h2.Driver(), config.string(\"jdbc\"),",
                "        new java.util.Properties());",
                "  }",
                "}", ""));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK with javac runs the tests").isNotNull();
        String classPath = Jars.stconnJar() + java.io.File.pathSeparator + Jars.h2Jar();
        int status = javac.run(null, null, null, List.of(
                "-classpath", classPath, "-d", out.toString(), src.toString()).toArray(String[]::new));
        assertThat(status).as("javac exit status").isZero();
        assertThat(TypeResolutionIT.class.getClassLoader().getResource("io/stconn/gen/ContextLoaderType.class"))
                .as("the generated type is not on the test class path").isNull();
        return out;
    }
}
