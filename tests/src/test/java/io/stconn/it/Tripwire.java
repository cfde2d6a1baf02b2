package io.stconn.it;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Classes that must never be initialised or created record it here. */
final class Tripwire {
    static final Set<String> INITIALISED = ConcurrentHashMap.newKeySet();
    static final Set<String> INSTANTIATED = ConcurrentHashMap.newKeySet();

    private Tripwire() {
    }
}
