package io.stconn.spi;

import io.stconn.spi.Environment;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The merged configuration of one connection, as a {@link ConnectionType} sees it: the secrets
 * section overlaid key by key by the kwargs (URL parameters, then connect() Properties). stconn's
 * own keys (type, ttl, ...) are not in it.
 */
public final class ConnectionConfig {
    private final String name;
    private final Map<String, ConfigValue> values;
    private final Path projectDir;
    private final Environment environment;
    private final List<Path> secretsSearched;

    public ConnectionConfig(String name, Map<String, ConfigValue> values, Path projectDir, Environment environment) {
        this(name, values, projectDir, environment, List.of());
    }

    /** @param secretsSearched every secrets file and folder searched, in order, for error messages */
    public ConnectionConfig(String name, Map<String, ConfigValue> values, Path projectDir, Environment environment,
                            List<Path> secretsSearched) {
        this.name = name;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.projectDir = projectDir;
        this.environment = environment;
        this.secretsSearched = List.copyOf(secretsSearched);
    }

    /** The connection name, as in {@code [connections.<name>]}. */
    public String name() {
        return name;
    }

    /** The project folder: relative file paths in the configuration are resolved against it. */
    public Path projectDir() {
        return projectDir;
    }

    public Environment environment() {
        return environment;
    }

    /** Every secrets file and folder searched for the section, in order (a type's "not configured" errors list them). */
    public List<Path> secretsSearched() {
        return secretsSearched;
    }

    /** Every value, in the order of the secrets section, then kwargs. */
    public Map<String, ConfigValue> values() {
        return values;
    }

    public Optional<ConfigValue> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value as text, or null when absent. */
    public String string(String key) {
        ConfigValue v = values.get(key);
        return v == null ? null : v.text();
    }

    /** Of several spellings of one key, the value with the highest precedence (the first name on a tie). */
    public Optional<ConfigValue> first(String... keys) {
        ConfigValue best = null;
        for (String key : keys) {
            ConfigValue v = values.get(key);
            if (v != null && (best == null || v.source().compareTo(best.source()) > 0)) {
                best = v;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A sub-table: the section's table under {@code key} overlaid by {@code key.<entry>} kwargs
     * (so {@code hikari.maximumPoolSize=4} in the URL joins {@code [connections.x.hikari]}).
     */
    public Map<String, ConfigValue> table(String key) {
        Map<String, ConfigValue> table = new LinkedHashMap<>();
        ConfigValue whole = values.get(key);
        if (whole != null && whole.value() instanceof Map<?, ?> map) {
            map.forEach((k, v) -> table.put(String.valueOf(k),
                    new ConfigValue(String.valueOf(k), v, whole.source(), whole.entryOrigin(String.valueOf(k)))));
        }
        String prefix = key + ".";
        values.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                String sub = k.substring(prefix.length());
                table.put(sub, new ConfigValue(sub, v.value(), v.source(), v.origin()));
            }
        });
        return table;
    }

    /** Where a key's value came from, for error messages. */
    public String where(String key) {
        ConfigValue v = values.get(key);
        return v == null ? "[connections." + name + "]" : v.origin();
    }

    @Override
    public String toString() {
        return "ConnectionConfig[" + name + ", " + values.values() + "]";
    }
}
