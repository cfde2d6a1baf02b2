package io.stconn.pool;

import io.stconn.secrets.SecretsWatch;
import io.stconn.spi.PoolTarget;
import java.util.Objects;

/** A target and the secrets it was decided from: a pool built from it is fresh while they are unchanged. */
record Resolved(PoolTarget target, SecretsWatch watch, long generation) {
    // written out, not generated: generated record methods leave this class in a JDK-wide cache
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Resolved other
            && Objects.equals(target, other.target)
            && Objects.equals(watch, other.watch)
            && Objects.equals(generation, other.generation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, watch, generation);
    }

    @Override
    public String toString() {
        return "Resolved[target=" + target + ", watch=" + watch + ", generation=" + generation + "]";
    }
}
