package io.stconn.spi;

import io.stconn.internal.Masking;
import java.util.Map;

/**
 * One configuration value and where it came from. Values are String, Long, Double, Boolean,
 * java.util.Map (tables) or java.util.List (arrays) as the TOML had them; kwargs are strings.
 *
 * @param origin       where, for people: "connect() property", "URL parameter",
 *                     "/home/me/app/.streamlit/secrets.toml:4:1"
 * @param entryOrigins for a table, where each of its entries is (file:line:column of that key)
 */
public record ConfigValue(String key, Object value, Source source, String origin, Map<String, String> entryOrigins) {

    public ConfigValue {
        entryOrigins = entryOrigins == null ? Map.of() : Map.copyOf(entryOrigins);
    }

    public ConfigValue(String key, Object value, Source source, String origin) {
        this(key, value, source, origin, Map.of());
    }

    /** Where an entry of this table came from: its own line when known, else the table's. */
    public String entryOrigin(String entry) {
        return entryOrigins.getOrDefault(entry, origin);
    }

    /** Where a value came from, in precedence order: a later constant beats an earlier one. */
    public enum Source {
        DEFAULT, CONFIG_FILE, SECRETS, URL_PARAMETER, PROPERTY;

        public boolean isKwarg() {
            return this == URL_PARAMETER || this == PROPERTY;
        }
    }

    /** The value as text: numbers and booleans as TOML writes them. */
    public String text() {
        return value == null ? null : String.valueOf(value);
    }

    @Override
    public String toString() {
        return key + "=" + Masking.value(key, value) + " (" + origin + ")";
    }
}
