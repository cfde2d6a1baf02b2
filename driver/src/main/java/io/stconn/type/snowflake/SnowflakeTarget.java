package io.stconn.type.snowflake;

import io.stconn.internal.Masking;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * snowflake-jdbc's URL and properties for one connection, and the file to read the token from
 * for each new connection (null when the token, if any, is a property). Notes say what was
 * dropped or decided, for the debug log; they hold no secret.
 */
public record SnowflakeTarget(String url, Properties properties, Path tokenFile, List<String> notes) {

    public SnowflakeTarget {
        Objects.requireNonNull(url, "url");
        Properties copy = new Properties();
        if (properties != null) {
            copy.putAll(properties);
        }
        properties = copy;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A copy: targets are values. */
    @Override
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    @Override
    public String toString() {
        return "SnowflakeTarget[url=" + Masking.url(url) + ", properties=" + Masking.properties(properties)
                + (tokenFile == null ? "" : ", tokenFile=" + tokenFile) + ", notes=" + notes + "]";
    }
}
