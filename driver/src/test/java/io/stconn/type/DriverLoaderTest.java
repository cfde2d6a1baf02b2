package io.stconn.type;

import io.stconn.SqlState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stconn.dialect.JdbcDriver;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SEMANTICS.md section 7: the real driver is loaded by class name through stconn's class loader,
 * then the thread context class loader, never looked up through DriverManager; section 5: a
 * missing driver names the class and the Maven coordinates to add.
 */
class DriverLoaderTest {

    @Test
    void aDriverOnTheClassPathIsLoadedOncePerClass() {
        Optional<Driver> first = DriverLoader.load("org.h2.Driver");
        Optional<Driver> second = DriverLoader.load("org.h2.Driver");

        assertThat(first).containsInstanceOf(org.h2.Driver.class);
        assertThat(second.orElseThrow()).isSameAs(first.orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.NoSuchDriver", "java.lang.String", "io.stconn.type.EchoConnectionType",
            "java.sql.Driver", "not a class"})
    void whatIsNotALoadableDriverIsEmpty(String className) {
        assertThat(DriverLoader.load(className)).isEmpty();
    }

    @Test
    void theFirstCandidateThatLoadsIsChosen() throws SQLException {
        JdbcDriver missing = new JdbcDriver("com.example.NoSuchDriver", "com.example:no-such-driver:1.0");
        JdbcDriver h2 = new JdbcDriver("org.h2.Driver", "com.h2database:h2:2.3.232");

        DriverLoader.Loaded loaded = DriverLoader.loadFirst("mydb", List.of(missing, h2));

        assertThat(loaded.choice()).isEqualTo(h2);
        assertThat(loaded.driver()).isInstanceOf(org.h2.Driver.class);
    }

    @Test
    void noCandidateLoadingNamesEachClassAndItsMavenCoordinates() {
        List<JdbcDriver> candidates = List.of(new JdbcDriver("com.mysql.cj.jdbc.Driver", "com.mysql:mysql-connector-j"),
                new JdbcDriver("com.example.Custom", null));

        SQLException e = catchThrowableOfType(SQLException.class, () -> DriverLoader.loadFirst("mydb", candidates));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.DRIVER_NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("JDBC driver not found for connection 'mydb': com.mysql.cj.jdbc.Driver "
                + "(Maven: com.mysql:mysql-connector-j) or com.example.Custom. Put the driver jar beside the stconn jar on "
                + "the class path (in DBeaver: add it to the driver's libraries).");
    }

    @Test
    void aDriverOnlyTheContextClassLoaderSeesIsLoaded(@TempDir Path dir) throws Exception {
        String source = """
                package com.example.ctx;

                import java.sql.*;
                import java.util.Properties;
                import java.util.logging.Logger;

                public final class ContextOnlyDriver implements Driver {
                    public Connection connect(String url, Properties info) { return null; }
                    public boolean acceptsURL(String url) { return url.startsWith("jdbc:ctx:"); }
                    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) { return new DriverPropertyInfo[0]; }
                    public int getMajorVersion() { return 1; }
                    public int getMinorVersion() { return 0; }
                    public boolean jdbcCompliant() { return false; }
                    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                        throw new SQLFeatureNotSupportedException();
                    }
                }
                """;
        try (URLClassLoader loader = CompiledClasses.loader(dir, Map.of("com.example.ctx.ContextOnlyDriver", source),
                Map.of())) {
            assertThat(DriverLoader.load("com.example.ctx.ContextOnlyDriver")).as("outside the context loader").isEmpty();

            Optional<Driver> driver = CompiledClasses.withContextLoader(loader,
                    () -> DriverLoader.load("com.example.ctx.ContextOnlyDriver"));

            assertThat(driver).isPresent();
            assertThat(driver.orElseThrow().getClass().getClassLoader()).isSameAs(loader);
            assertThat(driver.orElseThrow().acceptsURL("jdbc:ctx:x")).isTrue();
        }
    }
}
