package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A Spring Boot application class of a test, started in a class loader of its own and driven by
 * reflection. That loader holds the test class path (a filter may leave entries out) plus the
 * HikariCP that spring-boot-starter-jdbc brings, which must stay off the test class path, where
 * DropInJarIT proves the drop-in jar needs no unrelocated copy.
 *
 * <p>The application class has public static methods: {@code start(String[])} returning the
 * context, {@code stop(Object)}, and any others the test calls with {@link #call}, each taking the
 * context first.
 */
final class BootApp implements AutoCloseable {
    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";
    private final URLClassLoader loader;
    private final ClassLoader previousContext;
    private final Class<?> app;
    private final Object context;

    private BootApp(Class<?> application, URLClassLoader loader, String[] properties) throws Exception {
        this.loader = loader;
        app = loader.loadClass(application.getName());
        previousContext = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        String previousLogging = System.getProperty(LOGGING_SYSTEM);
        // Boot would otherwise reconfigure java.util.logging for every other test in this JVM
        System.setProperty(LOGGING_SYSTEM, "none");
        try {
            context = invoke("start", (Object) properties);
        } catch (Exception | Error e) {
            try {
                invoke("deregisterDrivers");
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

    /** Starts {@code application} with the class path entries {@code keep} accepts and the properties given. */
    static BootApp start(Class<?> application, Predicate<String> keep, String... properties) throws Exception {
        List<String> all = new ArrayList<>(List.of(properties));
        // the test's own settings: Flyway and Liquibase are on this module's class path (FlywayIT,
        // LiquibaseIT) and must not run here; no JMX of Spring's own
        all.add("spring.flyway.enabled=false");
        all.add("spring.liquibase.enabled=false");
        all.add("spring.jmx.enabled=false");
        return new BootApp(application, new URLClassLoader("spring-boot-app", classPath(keep),
                ClassLoader.getPlatformClassLoader()), all.toArray(String[]::new));
    }

    /**
     * A public static method of the application class, run once in a class loader of its own (an
     * application that is expected not to start, say).
     */
    static Object run(Class<?> application, String method, Object... args) throws Exception {
        try (URLClassLoader loader = new URLClassLoader("spring-boot-app", classPath(entry -> true),
                ClassLoader.getPlatformClassLoader())) {
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            String previousLogging = System.setProperty(LOGGING_SYSTEM, "none");
            try {
                return invoke(loader.loadClass(application.getName()), method, args);
            } finally {
                invoke(loader.loadClass(application.getName()), "deregisterDrivers");
                Thread.currentThread().setContextClassLoader(previous);
                if (previousLogging == null) {
                    System.clearProperty(LOGGING_SYSTEM);
                } else {
                    System.setProperty(LOGGING_SYSTEM, previousLogging);
                }
            }
        }
    }

    /** A public static method of the application class, called with the context and the arguments. */
    Object call(String method, Object... args) throws SQLException, ReflectiveOperationException {
        Object[] all = new Object[args.length + 1];
        all[0] = context;
        System.arraycopy(args, 0, all, 1, args.length);
        return invoke(method, all);
    }

    @Override
    public void close() throws SQLException, ReflectiveOperationException, IOException {
        try {
            invoke("stop", context);
        } finally {
            Thread.currentThread().setContextClassLoader(previousContext);
            loader.close();
        }
    }

    private Object invoke(String name, Object... args) throws SQLException, ReflectiveOperationException {
        return invoke(app, name, args);
    }

    private static Object invoke(Class<?> app, String name, Object... args)
            throws SQLException, ReflectiveOperationException {
        Method m = Arrays.stream(app.getMethods()).filter(method -> method.getName().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchMethodException(app.getName() + "." + name));
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
    private static URL[] classPath(Predicate<String> keep) throws IOException {
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

    /** The starter's jar or classes folder: an application without the starter leaves it out. */
    static boolean isStarter(String classPathEntry) {
        return classPathEntry.contains("stconn-spring-boot-starter") || classPathEntry.contains("spring-boot-starter"
                + File.separator + "target");
    }
}
