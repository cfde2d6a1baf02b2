package io.stconn.pool;

import io.stconn.request.ConnectionRequest.CacheSpec;
import io.stconn.request.ConnectionRequest.PoolKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pools of one (ttl, max_entries) pair, as Streamlit keeps one cache_resource per pair. When
 * full, adding a pool hands back the least recently used one for retirement.
 */
final class PoolCache {
    private final CacheSpec spec;
    private final ConcurrentHashMap<PoolKey, PoolEntry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PoolKey, Object> buildLocks = new ConcurrentHashMap<>();

    PoolCache(CacheSpec spec) {
        this.spec = spec;
    }

    CacheSpec spec() {
        return spec;
    }

    PoolEntry get(PoolKey key) {
        return entries.get(key);
    }

    /** One lock per key, so that building one pool never holds up another. */
    Object lockFor(PoolKey key) {
        return buildLocks.computeIfAbsent(key, k -> new Object());
    }

    /** Adds the entry; returns the entries it pushed out (least recently used first). */
    synchronized List<PoolEntry> put(PoolEntry entry) {
        List<PoolEntry> evicted = new ArrayList<>();
        entries.put(entry.key, entry);
        Integer max = spec.maxEntries();
        while (max != null && entries.size() > max) {
            PoolEntry oldest = null;
            for (PoolEntry e : entries.values()) {
                if (e != entry && (oldest == null || e.lastUsedNanos - oldest.lastUsedNanos < 0)) {
                    oldest = e;
                }
            }
            if (oldest == null || !entries.remove(oldest.key, oldest)) {
                break;
            }
            evicted.add(oldest);
        }
        return evicted;
    }

    /** Removes the entry if it is still the one cached for its key. */
    boolean remove(PoolEntry entry) {
        return entries.remove(entry.key, entry);
    }

    Collection<PoolEntry> entries() {
        return entries.values();
    }

    boolean hasTtl() {
        return spec.ttl() != null;
    }
}
