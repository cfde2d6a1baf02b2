package io.stconn;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * stconn's own keys: read from the URL, the connect() Properties (and, for {@code type}, the
 * secrets section), never forwarded to the real driver. This enum is the single source of truth
 * for their names, defaults, descriptions and choices: getPropertyInfo, parsing and the key table of docs/configuration.md
 * table all come from it.
 */
public enum StconnKey {
    TYPE("type", null,
            "Connection type: sql, snowflake, a registered short name or a class implementing "
                    + "io.stconn.spi.ConnectionType. Inferred from the name or the secrets when absent.",
            List.of("sql", "snowflake")),
    TTL("ttl", null,
            "Seconds a pool lives before it is retired and rebuilt (a number, or 30s, 10m, 1h, 1d, PT5M). "
                    + "Unset: pools do not expire.",
            List.of()),
    MAX_ENTRIES("max_entries", null,
            "How many pools the cache for this (ttl, max_entries) pair keeps; the least recently used "
                    + "is retired when a new one is added. Unset: unbounded.",
            List.of()),
    PROJECT_DIR("project_dir", null,
            "Project folder whose .streamlit/secrets.toml and .streamlit/config.toml are read. "
                    + "Default: env STCONN_PROJECT_DIR, else the working directory.",
            List.of()),
    SECRETS_FILES("secrets_files", null,
            "Secrets files or folders to read instead of every default, separated by the platform "
                    + "path separator; a later one overrides an earlier one.",
            List.of());

    private final String key;
    private final String defaultValue;
    private final String description;
    private final List<String> choices;

    StconnKey(String key, String defaultValue, String description, List<String> choices) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.choices = choices;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public List<String> choices() {
        return choices;
    }

    public static Optional<StconnKey> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (StconnKey k : values()) {
            if (k.key.equals(lower)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
