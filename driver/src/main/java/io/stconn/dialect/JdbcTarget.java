package io.stconn.dialect;

import io.stconn.internal.Masking;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The real JDBC URL and driver properties for one connection. {@code notes} say, for the debug log,
 * what was translated or dropped on the way; they never contain secret values.
 */
public record JdbcTarget(String url, Properties properties, List<String> notes) {

    public JdbcTarget {
        Objects.requireNonNull(url, "url");
        // a copy, so that a caller adding connect_args later cannot change a target already handed out
        Properties copy = new Properties();
        if (properties != null) {
            copy.putAll(properties);
        }
        properties = copy;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A copy: a target is a value that several pools may be built from. */
    @Override
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** URL and properties masked (section 9 of SEMANTICS.md), properties sorted so that logs are stable. */
    @Override
    public String toString() {
        return "JdbcTarget[url=" + Masking.url(url) + ", properties=" + Masking.properties(properties)
                + ", notes=" + notes + "]";
    }

    // written out, not generated: generated record methods leave this class in a JDK-wide cache
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof JdbcTarget other
            && Objects.equals(url, other.url)
            && Objects.equals(properties, other.properties)
            && Objects.equals(notes, other.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, properties, notes);
    }
}
