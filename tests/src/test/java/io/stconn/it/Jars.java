package io.stconn.it;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the classes under test come from: the drop-in jar, the real drivers' jars, the test classes. */
final class Jars {
    static final String DRIVER_CLASS = "io.stconn.StconnDriver";

    private Jars() {
    }

    static Path of(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static Class<?> driverClass() {
        try {
            return Class.forName(DRIVER_CLASS);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(DRIVER_CLASS + " is not on the test class path", e);
        }
    }

    /** The drop-in jar the test class path holds. */
    static Path stconnJar() {
        return of(driverClass());
    }

    static Path h2Jar() {
        return of(org.h2.Driver.class);
    }

    static Path testClasses() {
        return of(Jars.class);
    }
}
