package io.stconn.type.snowflake;

import io.stconn.dialect.JdbcTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * snowflake-jdbc's URL and properties for one connection (a {@link JdbcTarget}, which copies and
 * masks them), and the file to read the token from for each new connection (null when the token,
 * if any, is a property).
 */
public record SnowflakeTarget(JdbcTarget jdbc, Path tokenFile) {

    SnowflakeTarget(String url, Properties properties, Path tokenFile, List<String> notes) {
        this(new JdbcTarget(url, properties, notes), tokenFile);
    }

    public String url() {
        return jdbc.url();
    }

    /** A copy: targets are values. */
    public Properties properties() {
        return jdbc.properties();
    }

    public List<String> notes() {
        return jdbc.notes();
    }

    @Override
    public String toString() {
        return "SnowflakeTarget[" + jdbc + (tokenFile == null ? "" : ", tokenFile=" + tokenFile) + "]";
    }

    // written out, not generated: generated record methods leave this class in a JDK-wide cache
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SnowflakeTarget other
            && Objects.equals(jdbc, other.jdbc)
            && Objects.equals(tokenFile, other.tokenFile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jdbc, tokenFile);
    }
}
