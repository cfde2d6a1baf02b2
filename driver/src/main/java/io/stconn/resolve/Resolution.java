package io.stconn.resolve;

import io.stconn.request.ConnectionRequest;
import io.stconn.secrets.SecretsWatch;
import io.stconn.spi.ConnectionConfig;
import io.stconn.spi.PoolTarget;
import java.util.List;
import java.util.Objects;

/**
 * Everything the road from a request to a pool decided: the type and why, the merged
 * configuration, what to pool, the notes on what was ignored on the way (the target's own, or
 * without a target, those on the section's options), and the secrets generation it was decided from.
 */
public record Resolution(ConnectionRequest request, String typeName, String typeReason, ConnectionConfig config,
                         PoolTarget target, List<String> notes, SecretsWatch watch, long generation) {
    // written out, not generated: generated record methods leave this class in a JDK-wide cache
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Resolution other
            && Objects.equals(request, other.request)
            && Objects.equals(typeName, other.typeName)
            && Objects.equals(typeReason, other.typeReason)
            && Objects.equals(config, other.config)
            && Objects.equals(target, other.target)
            && Objects.equals(notes, other.notes)
            && Objects.equals(watch, other.watch)
            && Objects.equals(generation, other.generation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(request, typeName, typeReason, config, target, notes, watch, generation);
    }

    @Override
    public String toString() {
        return "Resolution[request=" + request + ", typeName=" + typeName + ", typeReason=" + typeReason
                + ", config=" + config + ", target=" + target + ", notes=" + notes + ", watch=" + watch + ", generation=" + generation + "]";
    }
}
