package io.stconn.internal;

import java.util.Map;

/** Where values of {@link Env} come from: the process, or a map in tests. */
@FunctionalInterface
public interface Environment {
    /** The value, or null when unset or blank. */
    String get(Env key);

    /** Any environment variable by name (for jdbc:stconn:env:VAR). */
    default String variable(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    Environment SYSTEM = key -> {
        String value = key.variable() != null ? System.getenv(key.variable()) : System.getProperty(key.property());
        return value == null || value.isBlank() ? null : value;
    };

    /** The system environment with some values replaced (a null value unsets one). */
    static Environment overriding(Map<Env, String> values) {
        return key -> values.containsKey(key) ? values.get(key) : SYSTEM.get(key);
    }
}
