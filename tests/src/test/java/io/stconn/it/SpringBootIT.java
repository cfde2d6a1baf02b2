package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import javax.management.ObjectName;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spring Boot 3 with spring-boot-starter-jdbc, configured only by properties, both ways: the URL
 * plus the driver class (Boot then wraps it in its own HikariCP pool, on top of stconn's), and
 * {@code spring.datasource.type} with stconn's DataSource (one pool, stconn's).
 *
 * <p>The application runs in a class loader of its own holding the test class path and the HikariCP
 * that spring-boot-starter-jdbc brings: that HikariCP must stay off the test class path, where
 * DropInJarIT proves the drop-in jar needs no unrelocated copy.
 */
class SpringBootIT {
    @TempDir
    Path tmp;

    /** The tiny application: auto-configuration only, no component scan. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    public static class App {
        public static Object start(String[] properties) {
            return new SpringApplicationBuilder(App.class)
                    .main(App.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .registerShutdownHook(false)
                    .properties(properties)
                    .run();
        }

        public static List<String> queryForList(Object context, String sql) {
            JdbcTemplate jdbc = ((ConfigurableApplicationContext) context).getBean(JdbcTemplate.class);
            return jdbc.queryForList(sql, String.class);
        }

        public static String dataSourceClass(Object context) {
            return ((ConfigurableApplicationContext) context).getBean(DataSource.class).getClass().getName();
        }

        public static String hikariJdbcUrl(Object context) throws ReflectiveOperationException {
            DataSource dataSource = ((ConfigurableApplicationContext) context).getBean(DataSource.class);
            return (String) dataSource.getClass().getMethod("getJdbcUrl").invoke(dataSource);
        }

        public static void stop(Object context) throws SQLException {
            ((ConfigurableApplicationContext) context).close();
            deregisterDrivers();
        }

        /** The drivers this loader registered (stconn's DriverAction closes its pools), as an app server undeploys. */
        public static void deregisterDrivers() throws SQLException {
            for (Driver driver : Collections.list(DriverManager.getDrivers())) {
                if (driver.getClass().getClassLoader() == App.class.getClassLoader()) {
                    DriverManager.deregisterDriver(driver);
                }
            }
        }
    }

    @Test
    void urlAndDriverClassNameRunInBootsOwnPool() throws Exception {
        String name = Project.uniqueName("spring_url");
        Project project = petsProject(tmp, name);
        try (BootApp app = start(
                "spring.datasource.url=" + project.url(name),
                "spring.datasource.driver-class-name=io.stconn.StconnDriver")) {
            assertThat(queryForList(app, "SELECT name FROM pets ORDER BY id")).containsExactly("Mary", "John", "Robert");
            assertThat(app.call("dataSourceClass")).as("Boot's own pool").isEqualTo("com.zaxxer.hikari.HikariDataSource");
            assertThat(app.call("hikariJdbcUrl")).isEqualTo(project.url(name));
            assertThat(Pools.of(name)).as("and stconn's pool under it: two pools").hasSize(1);
        }
    }

    @Test
    void springDatasourceTypeMakesStconnsPoolTheOnlyOne() throws Exception {
        String name = Project.uniqueName("spring_type");
        Project project = petsProject(tmp, name);
        try (BootApp app = start(
                "spring.datasource.type=io.stconn.StconnDataSource",
                "spring.datasource.url=" + project.url(name),
                "spring.datasource.driver-class-name=io.stconn.StconnDriver")) {
            assertThat(queryForList(app, "SELECT name FROM pets ORDER BY id")).containsExactly("Mary", "John", "Robert");
            assertThat(app.call("dataSourceClass")).as("although HikariCP is on the application's class path")
                    .isEqualTo("io.stconn.StconnDataSource");
            ObjectName pool = Pools.only(name);
            assertThat(pool.getDomain()).isEqualTo("io.stconn.shaded.hikari");
            assertThat(queryForList(app, "SELECT species FROM pets WHERE name = 'John'")).containsExactly("cat");
            assertThat(Pools.of(name)).as("still the one pool").containsExactly(pool);
        }
    }

    /**
     * Why the guide sets driver-class-name with the type: Boot looks for a driver class before it
     * builds any DataSource, and cannot derive one from a jdbc:stconn: URL. It falls back to an
     * embedded database's driver (H2, HSQLDB, Derby) when one is on the class path, which is why
     * the tests above would pass without it; an application with none fails to start.
     */
    @Test
    void withoutAnEmbeddedDatabaseOnTheClassPathBootNeedsTheDriverClassName() throws Exception {
        String name = Project.uniqueName("spring_noh2");
        Dbs.sqliteFile(tmp.resolve("project/data/shop.db"), "sqlite-app");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "type = \"sql\"\n"
                        + "url = \"sqlite:///data/shop.db\"\n");

        assertThatThrownBy(() -> startWithoutH2(
                "spring.datasource.type=io.stconn.StconnDataSource",
                "spring.datasource.url=" + project.url(name)).close())
                .hasStackTraceContaining("Failed to determine a suitable driver class");

        try (BootApp app = startWithoutH2(
                "spring.datasource.type=io.stconn.StconnDataSource",
                "spring.datasource.url=" + project.url(name),
                "spring.datasource.driver-class-name=io.stconn.StconnDriver")) {
            assertThat(queryForList(app, "SELECT v FROM marker")).containsExactly("sqlite-app");
            assertThat(app.call("dataSourceClass")).isEqualTo("io.stconn.StconnDataSource");
        }
    }

    /** A project whose section {@code name} is an H2 file database holding a pets table. */
    static Project petsProject(Path tmp, String name) throws SQLException {
        Path db = Dbs.h2File(tmp.resolve("project/data/shop"), name);
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pets (id INTEGER PRIMARY KEY, name VARCHAR(40), species VARCHAR(40))");
            s.execute("INSERT INTO pets VALUES (1, 'Mary', 'dog'), (2, 'John', 'cat'), (3, 'Robert', 'bird')");
        }
        return Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "type = \"sql\"\n"
                        + "dialect = \"h2\"\n"
                        + "database = \"data/shop\"\n");
    }

    /** The application without the starter: Boot as it is for any other JDBC driver. */
    private static BootApp start(String... properties) throws Exception {
        return BootApp.start(App.class, entry -> !BootApp.isStarter(entry), properties);
    }

    /** And with no H2 (nor any other embedded database Boot knows) on the class path either. */
    private static BootApp startWithoutH2(String... properties) throws Exception {
        return BootApp.start(App.class, entry -> !BootApp.isStarter(entry)
                && !Path.of(entry).getFileName().toString().startsWith("h2-"), properties);
    }

    @SuppressWarnings("unchecked")
    private static List<String> queryForList(BootApp app, String sql) throws Exception {
        return (List<String>) app.call("queryForList", sql);
    }
}
