package io.stconn.cli;

import io.stconn.SqlState;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.cli.DriverPath.Entry;
import io.stconn.cli.DriverPath.Origin;
import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverPathTest {
    @TempDir
    Path temp;

    private Path jar(String relative) throws IOException {
        Path jar = temp.resolve(relative);
        Files.createDirectories(jar.getParent());
        return Files.writeString(jar, "");
    }

    private MavenRepository maven() throws IOException {
        Path repo = temp.resolve("m2");
        jar("m2/com/h2database/h2/2.3.232/h2-2.3.232.jar");
        jar("m2/org/postgresql/postgresql/42.7.7/postgresql-42.7.7.jar");
        return new MavenRepository(repo);
    }

    @Test
    void optionsThenEnvironmentThenBesideTheJarThenMaven() throws IOException {
        Path option = jar("opt/a.jar");
        Path folder = temp.resolve("folder");
        Path inFolderB = jar("folder/b.jar");
        Path inFolderA = jar("folder/a.jar");
        jar("folder/readme.txt");
        Path fromEnv = jar("env/e.jar");
        Path stconnJar = jar("app/stconn-jdbc.jar");
        Path beside = jar("app/drivers/d.jar");

        DriverPath path = DriverPath.of(List.of(option, folder), fromEnv + File.pathSeparator + temp.resolve("missing"),
                stconnJar, maven());

        assertThat(path.entries()).containsExactly(
                new Entry(option, Origin.OPTION),
                new Entry(inFolderA, Origin.OPTION),
                new Entry(inFolderB, Origin.OPTION),
                new Entry(fromEnv, Origin.ENVIRONMENT),
                new Entry(beside, Origin.BESIDE_JAR),
                new Entry(temp.resolve("m2/org/postgresql/postgresql/42.7.7/postgresql-42.7.7.jar"), Origin.MAVEN_REPOSITORY),
                new Entry(temp.resolve("m2/com/h2database/h2/2.3.232/h2-2.3.232.jar"), Origin.MAVEN_REPOSITORY));
    }

    @Test
    void aJarFoundTwiceKeepsItsFirstOrigin() throws IOException {
        Path option = jar("opt/a.jar");
        DriverPath path = DriverPath.of(List.of(option), option.toString(), null, new MavenRepository(temp.resolve("none")));
        assertThat(path.entries()).containsExactly(new Entry(option, Origin.OPTION));
        assertThat(path.entryFor(option)).contains(new Entry(option, Origin.OPTION));
        assertThat(path.entryFor(temp.resolve("other.jar"))).isEmpty();
    }

    @Test
    void classPathStyleFolderStarMeansTheFolder() throws IOException {
        Path inFolder = jar("lib/x.jar");
        DriverPath path = DriverPath.of(List.of(), temp.resolve("lib") + File.separator + "*", null,
                new MavenRepository(temp.resolve("none")));
        assertThat(path.entries()).containsExactly(new Entry(inFolder, Origin.ENVIRONMENT));
    }

    @Test
    void emptyEntriesInTheEnvironmentAddNothing() {
        String blanks = File.pathSeparator + " " + File.pathSeparator + "a\0b" + File.pathSeparator;
        assertThat(DriverPath.of(List.of(), blanks, null, new MavenRepository(temp.resolve("none"))).entries()).isEmpty();
    }

    @Test
    void everyDialectDriverIsLookedUp() {
        assertThat(DriverPath.knownDriverCoordinates()).contains("org.postgresql:postgresql",
                "org.mariadb.jdbc:mariadb-java-client", "com.mysql:mysql-connector-j", "org.xerial:sqlite-jdbc",
                "com.h2database:h2", "org.duckdb:duckdb_jdbc", "com.microsoft.sqlserver:mssql-jdbc",
                "com.oracle.database.jdbc:ojdbc11", "net.snowflake:snowflake-jdbc");
    }

    @Test
    void theClassLoaderHoldsTheJarsInOrderAndAsksItsParentFirst() throws IOException {
        Path a = jar("a.jar");
        Path b = jar("b.jar");
        DriverPath path = DriverPath.of(List.of(a, b), null, null, new MavenRepository(temp.resolve("none")));
        try (URLClassLoader loader = path.classLoader(getClass().getClassLoader())) {
            assertThat(loader.getURLs()).containsExactly(a.toUri().toURL(), b.toUri().toURL());
            assertThat(loader.getParent()).isSameAs(getClass().getClassLoader());
        }
    }

    @Test
    void remembersEveryPlaceItLookedIn() throws IOException {
        Path option = jar("opt/a.jar");
        Path stconnJar = jar("app/stconn-jdbc.jar");
        MavenRepository maven = new MavenRepository(temp.resolve("none"));
        DriverPath path = DriverPath.of(List.of(option), null, stconnJar, maven);
        assertThat(path.searched()).containsExactly("the class path", "--driver-path " + option,
                "STCONN_DRIVER_PATH (not set)",
                "drivers/ beside the stconn jar (" + temp.resolve("app/drivers") + ", no such folder)",
                "local Maven repository " + temp.resolve("none") + " (no such folder)");

        DriverPath nothing = DriverPath.of(List.of(), "/x" + File.pathSeparator + "/y", null, maven());
        assertThat(nothing.searched()).containsExactly("the class path", "--driver-path (none given)",
                "STCONN_DRIVER_PATH=/x" + File.pathSeparator + "/y", "local Maven repository " + temp.resolve("m2"));
    }

    @Test
    void theMissingDriverErrorGetsThePlacesSearched() {
        DriverPath path = DriverPath.of(List.of(), null, null, new MavenRepository(temp.resolve("none")));
        SQLException missing = SqlState.DRIVER_NOT_FOUND.exception("JDBC driver not found for connection 'x': org.h2.Driver.");
        Throwable explained = path.withPlacesSearched(new RuntimeException("wrapped", missing));
        assertThat(explained).isInstanceOf(SQLException.class)
                .hasMessage("JDBC driver not found for connection 'x': org.h2.Driver. The command-line tool looked in: "
                        + "the class path; --driver-path (none given); STCONN_DRIVER_PATH (not set); local Maven repository "
                        + temp.resolve("none") + " (no such folder). Give the jar with --driver-path, or put it in a "
                        + "drivers/ folder beside the stconn jar.");
        assertThat(SqlState.reasonOf(explained)).contains(SqlState.DRIVER_NOT_FOUND);

        SQLException other = new SQLException("Connection refused", "08001");
        assertThat(path.withPlacesSearched(other)).isSameAs(other);
        SQLException sameWordsOtherState = new SQLException("JDBC driver not found", "42000");
        assertThat(path.withPlacesSearched(sameWordsOtherState)).isSameAs(sameWordsOtherState);
    }

    @Test
    void aClassComesFromItsJarOnThePathOrElseFromTheClassPath() throws Exception {
        Path h2 = DriverPath.codeSource(org.h2.Driver.class).orElseThrow();
        DriverPath onPath = DriverPath.of(List.of(h2), null, null, new MavenRepository(temp.resolve("none")));
        // the same jar is on the test class path, and the parent is asked first
        assertThat(onPath.origin(org.h2.Driver.class)).contains(new Entry(h2, Origin.CLASS_PATH));
        try (URLClassLoader alone = onPath.classLoader(ClassLoader.getPlatformClassLoader())) {
            Class<?> fromPath = Class.forName("org.h2.Driver", false, alone);
            assertThat(onPath.origin(fromPath)).contains(new Entry(h2, Origin.OPTION));
        }
        // classes of the JDK have no code source
        assertThat(onPath.origin(String.class)).isEmpty();
    }

    @Test
    void describeDoesNotClaimAPathEntryForAClassThePathDidNotLoad() throws Exception {
        DriverPath empty = DriverPath.of(List.of(), null, null, new MavenRepository(temp.resolve("none")));
        Path h2 = DriverPath.codeSource(org.h2.Driver.class).orElseThrow();
        assertThat(empty.origin(org.h2.Driver.class)).contains(new Entry(h2, Origin.CLASS_PATH));
    }
}
