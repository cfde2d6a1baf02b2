package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
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
        Project project = petsProject(name);
        try (BootApp app = BootApp.start(
                "spring.datasource.url=" + project.url(name),
                "spring.datasource.driver-class-name=io.stconn.StconnDriver")) {
            assertThat(app.queryForList("SELECT name FROM pets ORDER BY id")).containsExactly("Mary", "John", "Robert");
            assertThat(app.dataSourceClass()).as("Boot's own pool").isEqualTo("com.zaxxer.hikari.HikariDataSource");
            assertThat(app.hikariJdbcUrl()).isEqualTo(project.url(name));
            assertThat(Pools.of(name)).as("and stconn's pool under it: two pools").hasSize(1);
        }
    }

    @Test
    void springDatasourceTypeMakesStconnsPoolTheOnlyOne() throws Exception {
        String name = Project.uniqueName("spring_type");
        Project project = petsProject(name);
        try (BootApp app = BootApp.start(
                "spring.datasource.type=io.stconn.StconnDataSource",
                "spring.datasource.url=" + project.url(name),
                "spring.datasource.driver-class-name=io.stconn.StconnDriver")) {
            assertThat(app.queryForList("SELECT name FROM pets ORDER BY id")).containsExactly("Mary", "John", "Robert");
            assertThat(app.dataSourceClass()).as("although HikariCP is on the application's class path")
                    .isEqualTo("io.stconn.StconnDataSource");
            ObjectName pool = Pools.only(name);
            assertThat(pool.getDomain()).isEqualTo("io.stconn.shaded.hikari");
            assertThat(app.queryForList("SELECT species FROM pets WHERE name = 'John'")).containsExactly("cat");
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

        assertThatThrownBy(() -> BootApp.startWithoutH2(
                "spring.datasource.type=io.stconn.StconnDataSource",
                "spring.datasource.url=" + project.url(name)).close())
                .hasStackTraceContaining("Failed to determine a suitable driver class");

        try (BootApp app = BootApp.startWithoutH2(
                "spring.datasource.type=io.stconn.StconnDataSource",
                "spring.datasource.url=" + project.url(name),
                "spring.datasource.driver-class-name=io.stconn.StconnDriver")) {
            assertThat(app.queryForList("SELECT v FROM marker")).containsExactly("sqlite-app");
            assertThat(app.dataSourceClass()).isEqualTo("io.stconn.StconnDataSource");
        }
    }

    private Project petsProject(String name) throws SQLException {
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

    /** {@link App} started in the application's class loader, driven by reflection from the test. */
    private static final class BootApp implements AutoCloseable {
        private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";
        private final URLClassLoader loader;
        private final ClassLoader previousContext;
        private final Class<?> app;
        private final Object context;

        private BootApp(URLClassLoader loader, String[] properties) throws Exception {
            this.loader = loader;
            app = loader.loadClass(App.class.getName());
            previousContext = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            String previousLogging = System.getProperty(LOGGING_SYSTEM);
            // Boot would otherwise reconfigure java.util.logging for every other test in this JVM
            System.setProperty(LOGGING_SYSTEM, "none");
            try {
                context = call("start", new Class<?>[] {String[].class}, (Object) properties);
            } catch (Exception | Error e) {
                try {
                    call("deregisterDrivers", new Class<?>[0]);
                } finally {
                    Thread.currentThread().setContextClassLoader(previousContext);
                    loader.close();
                }
                throw e;
            } finally {
                if (previousLogging == null) {
                    System.clearProperty(LOGGING_SYSTEM);
                } else {
                    System.setProperty(LOGGING_SYSTEM, previousLogging);
                }
            }
        }

        static BootApp start(String... properties) throws Exception {
            return start(jar -> true, properties);
        }

        /** An application whose class path holds no H2 (nor any other embedded database Boot knows). */
        static BootApp startWithoutH2(String... properties) throws Exception {
            return start(entry -> !Path.of(entry).getFileName().toString().startsWith("h2-"), properties);
        }

        private static BootApp start(Predicate<String> classPathEntries, String... properties) throws Exception {
            List<String> all = new ArrayList<>(List.of(properties));
            // the test's own settings: Flyway is on this module's class path (FlywayIT) and must not
            // run here; no JMX of Spring's own
            all.add("spring.flyway.enabled=false");
            all.add("spring.jmx.enabled=false");
            return new BootApp(new URLClassLoader("spring-boot-app", applicationClassPath(classPathEntries),
                    ClassLoader.getPlatformClassLoader()), all.toArray(String[]::new));
        }

        @SuppressWarnings("unchecked")
        List<String> queryForList(String sql) throws Exception {
            return (List<String>) call("queryForList", new Class<?>[] {Object.class, String.class}, context, sql);
        }

        String dataSourceClass() throws Exception {
            return (String) call("dataSourceClass", new Class<?>[] {Object.class}, context);
        }

        String hikariJdbcUrl() throws Exception {
            return (String) call("hikariJdbcUrl", new Class<?>[] {Object.class}, context);
        }

        @Override
        public void close() throws SQLException, ReflectiveOperationException, IOException {
            try {
                call("stop", new Class<?>[] {Object.class}, context);
            } finally {
                Thread.currentThread().setContextClassLoader(previousContext);
                loader.close();
            }
        }

        private Object call(String method, Class<?>[] types, Object... args)
                throws SQLException, ReflectiveOperationException {
            Method m = app.getMethod(method, types);
            try {
                return m.invoke(null, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                if (cause instanceof SQLException sql) {
                    throw sql;
                }
                throw e;
            }
        }

        /** The test class path (what Maven resolved, Spring Boot included) plus Boot's HikariCP. */
        private static URL[] applicationClassPath(Predicate<String> keep) throws IOException {
            List<URL> urls = new ArrayList<>();
            // failsafe sets java.class.path to the whole test class path, also when it starts from a manifest-only jar
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (keep.test(entry)) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            Path pool = Jars.testClasses().getParent().resolve("spring-boot-pool");
            assertThat(pool).as("written by maven-dependency-plugin (tests/pom.xml, execution spring-boot-pool)")
                    .isDirectory();
            try (Stream<Path> jars = Files.list(pool)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
            return urls.toArray(URL[]::new);
        }

    }
}
