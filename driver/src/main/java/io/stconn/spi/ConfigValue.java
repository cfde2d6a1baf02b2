package io.stconn.spi;

import io.stconn.internal.Masking;
import java.util.Map;
import java.util.Objects;

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

    // written out, not generated: generated record methods leave this class in a JDK-wide cache
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ConfigValue other
            && Objects.equals(key, other.key)
            && Objects.equals(value, other.value)
            && Objects.equals(source, other.source)
            && Objects.equals(origin, other.origin)
            && Objects.equals(entryOrigins, other.entryOrigins);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, source, origin, entryOrigins);
    }
}
