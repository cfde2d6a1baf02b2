package io.stconn.spi;

/**
 * The process environment as stconn and its connection types read it: environment variables and
 * system properties by name. Tests and embedders supply their own.
 */
@FunctionalInterface
public interface Environment {
    /**
     * An environment variable ({@code SNOWFLAKE_HOME}) or a system property ({@code user.home}) by
     * name; null when unset or blank. Names with a dot are system properties: no shell can set such
     * a variable.
     */
    String get(String name);

    /** Any environment variable by name (for {@code jdbc:stconn:env:VAR}), never a system property. */
    default String variable(String name) {
        return blankToNull(System.getenv(name));
    }

    Environment SYSTEM = name -> blankToNull(name.indexOf('.') >= 0 ? System.getProperty(name) : System.getenv(name));

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
