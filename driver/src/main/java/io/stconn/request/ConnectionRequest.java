package io.stconn.request;

import io.stconn.StconnKey;
import io.stconn.spi.ConfigValue;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One {@code st.connection(name, **kwargs)} call: the connection name and the kwargs with their
 * origins, Properties already merged over URL parameters. Equal requests share a pool, so the
 * kwargs (user and password included) are part of the identity: two users never share a pool.
 */
public final class ConnectionRequest {
    private final String name;
    private final Map<String, ConfigValue> kwargs;
    private final Duration ttl;
    private final Integer maxEntries;
    private final PoolKey poolKey;
    private final CacheSpec cacheSpec;
    private volatile Object lastPool;

    /** The identity of the pool this request is served from; its hash is computed once, off the hot path. */
    public static final class PoolKey {
        private final String name;
        private final Map<String, String> kwargs;
        private final int hash;

        public PoolKey(String name, Map<String, String> kwargs) {
            this.name = name;
            this.kwargs = kwargs;
            this.hash = Objects.hash(name, kwargs);
        }

        public String name() {
            return name;
        }

        public Map<String, String> kwargs() {
            return kwargs;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof PoolKey other && hash == other.hash && name.equals(other.name)
                    && kwargs.equals(other.kwargs);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The cache a pool lives in: Streamlit keeps one cache per (ttl, max_entries). */
    public record CacheSpec(Duration ttl, Integer maxEntries) {
        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof CacheSpec other
                && Objects.equals(ttl, other.ttl)
                && Objects.equals(maxEntries, other.maxEntries);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ttl, maxEntries);
        }

        @Override
        public String toString() {
            return "CacheSpec[ttl=" + ttl + ", maxEntries=" + maxEntries + "]";
        }
    }

    ConnectionRequest(String name, Map<String, ConfigValue> kwargs, Duration ttl, Integer maxEntries) {
        this.name = name;
        this.kwargs = Collections.unmodifiableMap(kwargs);
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        Map<String, String> plain = new TreeMap<>();
        kwargs.forEach((k, v) -> plain.put(k, v.text()));
        this.poolKey = new PoolKey(name, Collections.unmodifiableMap(plain));
        this.cacheSpec = new CacheSpec(ttl, maxEntries);
    }

    public String name() {
        return name;
    }

    /** Every kwarg, stconn's own keys included, in key order. */
    public Map<String, ConfigValue> kwargs() {
        return kwargs;
    }

    /** A stconn key's value, or null. */
    public String get(StconnKey key) {
        return get(key.key());
    }

    /** Any kwarg's value as text, or null. */
    public String get(String key) {
        ConfigValue v = kwargs.get(key);
        return v == null ? null : v.text();
    }

    /** The pool lifetime, or null for pools that do not expire. */
    public Duration ttl() {
        return ttl;
    }

    /** The cache size, or null for unbounded. */
    public Integer maxEntries() {
        return maxEntries;
    }

    public PoolKey poolKey() {
        return poolKey;
    }

    public CacheSpec cacheSpec() {
        return cacheSpec;
    }

    /**
     * The pool that served this request last, kept by the pools as a shortcut past their maps on
     * the connection path (requests are cached per URL). Opaque to everyone else.
     */
    public Object lastPool() {
        return lastPool;
    }

    public void lastPool(Object pool) {
        this.lastPool = pool;
    }

    @Override
    public String toString() {
        return "ConnectionRequest[" + name + ", " + kwargs.values() + "]";
    }
}
