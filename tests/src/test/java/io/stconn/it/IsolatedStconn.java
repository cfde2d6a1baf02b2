package io.stconn.it;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The drop-in jar loaded as a tool loads it: a fresh class loader holding only the stconn jar and
 * the driver jars chosen, its parent the platform loader (so nothing of the test class path is
 * visible), and the thread context loader set to it while open. Closing shuts its pools down.
 */
final class IsolatedStconn implements AutoCloseable {
    private final URLClassLoader loader;
    private final ClassLoader previousContext;
    private final Driver driver;

    private IsolatedStconn(List<Path> driverJars) throws ReflectiveOperationException {
        List<URL> urls = new ArrayList<>();
        urls.add(url(Jars.stconnJar()));
        driverJars.forEach(jar -> urls.add(url(jar)));
        loader = new URLClassLoader("isolated-stconn", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        previousContext = Thread.currentThread().getContextClassLoader();
        // stconn also looks in the context loader; left as the test's, it would find every driver
        Thread.currentThread().setContextClassLoader(loader);
        driver = (Driver) Class.forName(Jars.DRIVER_CLASS, true, loader).getDeclaredConstructor().newInstance();
    }

    /** stconn plus the jars that hold these driver classes (taken from the test class path). */
    static IsolatedStconn with(Class<?>... driverClasses) throws ReflectiveOperationException {
        List<Path> jars = new ArrayList<>();
        for (Class<?> type : driverClasses) {
            jars.add(Jars.of(type));
        }
        return new IsolatedStconn(jars);
    }

    Connection connect(String url) throws SQLException {
        return connect(url, new Properties());
    }

    Connection connect(String url, Properties info) throws SQLException {
        return driver.connect(url, info);
    }

    /** Whether a class can be loaded here: proves what the loader does not hold. */
    boolean sees(String className) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException, ReflectiveOperationException {
        try {
            // the isolated copy has its own road and pools: close them, as deregistering would
            Object road = driver.getClass().getClassLoader().loadClass("io.stconn.road.Road").getMethod("shared").invoke(null);
            road.getClass().getMethod("closeAll").invoke(road);
        } finally {
            Thread.currentThread().setContextClassLoader(previousContext);
            loader.close();
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new AssertionError(e);
        }
    }
}
