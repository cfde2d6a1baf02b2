package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar users drop into a tool: self-contained (tomlj and HikariCP inside, relocated), small, no
 * real JDBC driver inside, and working when loaded alone with a real driver the way DBeaver loads a
 * "Generic" driver's library list.
 */
class DropInJarIT {
    private static final long MAX_JAR_BYTES = 1_572_864; // 1.5 MiB

    @TempDir
    Path tmp;

    @Test
    void driverOnTheTestClassPathComesFromTheShadedJar() {
        Path source = Jars.stconnJar();
        assertThat(source.getFileName().toString()).isEqualTo("stconn-jdbc-0.1.0.jar");
        assertThat(Files.isRegularFile(source)).as("%s is a jar, not a classes folder", source).isTrue();
    }

    @Test
    void relocatedDependenciesAreNotOnTheTestClassPath() {
        assertThatThrownBy(() -> Class.forName("com.zaxxer.hikari.HikariDataSource"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.tomlj.Toml"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void jarIsAtMostOneAndAHalfMegabytes() throws IOException {
        assertThat(Files.size(Jars.stconnJar())).isLessThanOrEqualTo(MAX_JAR_BYTES);
    }

    @Test
    void jarCarriesRelocatedDependenciesAndNoRealJdbcDriver() throws IOException {
        List<String> entries = new ArrayList<>();
        try (JarFile jar = new JarFile(Jars.stconnJar().toFile())) {
            jar.stream().map(JarEntry::getName).forEach(entries::add);
        }
        assertThat(entries)
                .contains("io/stconn/StconnDriver.class",
                        "io/stconn/shaded/hikari/HikariDataSource.class",
                        "io/stconn/shaded/tomlj/Toml.class");
        List<String> forbidden = List.of(
                // real JDBC drivers: never bundled
                "org/h2/", "org/postgresql/", "org/sqlite/", "org/duckdb/", "com/mysql/", "org/mariadb/",
                "com/microsoft/sqlserver/", "oracle/jdbc/", "net/snowflake/",
                // dependencies: only in relocated form
                "com/zaxxer/", "org/tomlj/", "org/slf4j/", "org/antlr/");
        assertThat(entries).noneMatch(e -> forbidden.stream().anyMatch(e::startsWith));
    }

    @Test
    void jarRegistersOnlyStconnDriverAsJdbcDriverService() throws IOException {
        try (JarFile jar = new JarFile(Jars.stconnJar().toFile())) {
            JarEntry services = jar.getJarEntry("META-INF/services/java.sql.Driver");
            assertThat(services).isNotNull();
            try (InputStream in = jar.getInputStream(services)) {
                List<String> names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::trim)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .toList();
                assertThat(names).containsExactly(Jars.DRIVER_CLASS);
            }
        }
    }

    @Test
    void jarAloneWithH2InAFreshClassLoaderConnectsAndQueries() throws Exception {
        String name = Project.uniqueName("dropin");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:mem:" + name) + "\n");

        URL[] jars = {Jars.stconnJar().toUri().toURL(), Jars.h2Jar().toUri().toURL()};
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader fresh = new URLClassLoader("dropin", jars, ClassLoader.getPlatformClassLoader())) {
            // a GUI tool runs its driver calls with the driver's loader as context loader
            Thread.currentThread().setContextClassLoader(fresh);

            Driver driver = null;
            for (Driver candidate : ServiceLoader.load(Driver.class, fresh)) {
                if (candidate.getClass().getName().equals(Jars.DRIVER_CLASS)) {
                    driver = candidate;
                }
            }
            assertThat(driver).as("io.stconn.StconnDriver found through the jar's services file").isNotNull();
            assertThat(driver.getClass().getClassLoader()).isSameAs(fresh);
            assertThat(driver.getClass()).isNotSameAs(Jars.driverClass());

            // the same, by reflection as a tool given only the class name does
            Driver byName = (Driver) Class.forName(Jars.DRIVER_CLASS, true, fresh).getDeclaredConstructor().newInstance();
            assertThat(byName.getClass().getClassLoader()).isSameAs(fresh);

            try (Connection c = byName.connect(project.url(name), new Properties())) {
                assertThat(c).isNotNull();
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE marker(v VARCHAR(20))");
                    s.execute("INSERT INTO marker VALUES ('isolated')");
                    try (ResultSet rs = s.executeQuery("SELECT v FROM marker")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("isolated");
                    }
                }
                // nothing from the test class path leaked in: the pool's proxy and the real H2
                // connection under it both come from the fresh loader
                assertThat(c.getClass().getClassLoader()).isSameAs(fresh);
                Connection real = c.unwrap(Connection.class);
                assertThat(real.getClass().getName()).startsWith("org.h2.");
                assertThat(real.getClass().getClassLoader()).isSameAs(fresh);
                assertThat(real.getClass().getClassLoader()).isNotSameAs(org.h2.Driver.class.getClassLoader());
                assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
