package io.stconn.resolve;

import io.stconn.request.ConnectionRequest;
import io.stconn.secrets.SecretsWatch;
import io.stconn.spi.ConnectionConfig;
import io.stconn.spi.PoolTarget;
import java.util.List;
import java.util.Objects;

/**
 * Everything the road from a request to a pool decided: the type and why, the merged
 * configuration, what to pool, the notes on the options the section held (which it ignores), and
 * the secrets generation it was decided from.
 */
public record Resolution(ConnectionRequest request, String typeName, String typeReason, ConnectionConfig config,
                         PoolTarget target, List<String> sectionNotes, SecretsWatch watch, long generation) {
    /** What was ignored on the way: the target's notes (the section's among them), or without a target the section's. */
    public List<String> notes() {
        return target != null ? target.notes() : sectionNotes;
    }

    // written out, not generated: generated record methods leave this class in a JDK-wide cache
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Resolution other
            && Objects.equals(request, other.request)
            && Objects.equals(typeName, other.typeName)
            && Objects.equals(typeReason, other.typeReason)
            && Objects.equals(config, other.config)
            && Objects.equals(target, other.target)
            && Objects.equals(sectionNotes, other.sectionNotes)
            && Objects.equals(watch, other.watch)
            && Objects.equals(generation, other.generation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(request, typeName, typeReason, config, target, sectionNotes, watch, generation);
    }

    @Override
    public String toString() {
        return "Resolution[request=" + request + ", typeName=" + typeName + ", typeReason=" + typeReason
                + ", config=" + config + ", target=" + target + ", sectionNotes=" + sectionNotes
                + ", watch=" + watch + ", generation=" + generation + "]";
    }
}
