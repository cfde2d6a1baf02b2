package io.stconn.dialect;

import java.util.Objects;

/**
 * A JDBC driver class that can serve a dialect, with the Maven coordinates to name when the class
 * is not on the class path (the Java twin of Streamlit's "install the '...' package" hint).
 * {@code mavenCoordinates} is null for a driver class the user named and stconn does not know.
 */
public record JdbcDriver(String className, String mavenCoordinates) {
    public JdbcDriver {
        Objects.requireNonNull(className, "className");
    }

    // written out, not generated: generated record methods leave this class in a JDK-wide cache
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof JdbcDriver other
            && Objects.equals(className, other.className)
            && Objects.equals(mavenCoordinates, other.mavenCoordinates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(className, mavenCoordinates);
    }

    @Override
    public String toString() {
        return "JdbcDriver[className=" + className + ", mavenCoordinates=" + mavenCoordinates + "]";
    }
}
