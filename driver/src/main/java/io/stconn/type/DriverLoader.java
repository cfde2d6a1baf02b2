package io.stconn.type;


import io.stconn.SqlState;
import io.stconn.dialect.JdbcDriver;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads real JDBC drivers by class name through stconn's class loader, then the thread context
 * class loader, and keeps one instance per class. Never through DriverManager, which only shows a
 * caller the drivers its own class loader can see (the "No suitable driver" of wrapper drivers in
 * app servers and GUI tools).
 */
public final class DriverLoader {
    private static final Map<Class<?>, Driver> INSTANCES = new ConcurrentHashMap<>();

    /** A loaded driver and the candidate it was loaded for. */
    public record Loaded(Driver driver, JdbcDriver choice) {
        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Loaded other
                && Objects.equals(driver, other.driver)
                && Objects.equals(choice, other.choice);
        }

        @Override
        public int hashCode() {
            return Objects.hash(driver, choice);
        }

        @Override
        public String toString() {
            return "Loaded[driver=" + driver + ", choice=" + choice + "]";
        }
    }

    private DriverLoader() {
    }

    /** The first candidate that loads, or the "driver not found" error naming each class and its Maven coordinates. */
    public static Loaded loadFirst(String connectionName, List<JdbcDriver> candidates) throws SQLException {
        return loadFirst(connectionName, null, candidates);
    }

    /** As {@link #loadFirst(String, List)}, saying where the choice of driver came from (file:line:column). */
    public static Loaded loadFirst(String connectionName, String where, List<JdbcDriver> candidates) throws SQLException {
        for (JdbcDriver candidate : candidates) {
            Optional<Driver> driver = load(candidate.className());
            if (driver.isPresent()) {
                return new Loaded(driver.get(), candidate);
            }
        }
        List<String> wanted = new ArrayList<>();
        for (JdbcDriver c : candidates) {
            wanted.add(c.className() + (c.mavenCoordinates() == null ? "" : " (Maven: " + c.mavenCoordinates() + ")"));
        }
        throw SqlState.DRIVER_NOT_FOUND.exception("JDBC driver not found for connection '" + connectionName + "'"
                + (where == null ? "" : " (" + where + ")") + ": "
                + String.join(" or ", wanted) + ". Put the driver jar beside the stconn jar on the class path "
                + "(in DBeaver: add it to the driver's libraries).");
    }

    /** The driver, or empty when no class loader has it. */
    public static Optional<Driver> load(String className) {
        for (ClassLoader loader : loaders()) {
            Class<?> type;
            try {
                type = Class.forName(className, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (!Driver.class.isAssignableFrom(type)) {
                continue;
            }
            try {
                Driver driver = INSTANCES.computeIfAbsent(type, DriverLoader::instantiate);
                return Optional.of(driver);
            } catch (IllegalStateException e) {
                continue;
            }
        }
        return Optional.empty();
    }

    private static Driver instantiate(Class<?> type) {
        try {
            return (Driver) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalStateException(e);
        }
    }

    /** stconn's own class loader first, then the thread context class loader. */
    public static ClassLoader[] loaders() {
        ClassLoader own = DriverLoader.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context == null || context == own) {
            return new ClassLoader[] {own};
        }
        return new ClassLoader[] {own, context};
    }
}
