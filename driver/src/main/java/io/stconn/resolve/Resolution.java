package io.stconn.resolve;

import io.stconn.request.ConnectionRequest;
import io.stconn.secrets.SecretsWatch;
import io.stconn.spi.ConnectionConfig;
import io.stconn.spi.PoolTarget;

/**
 * Everything the road from a request to a pool decided: the type and why, the merged
 * configuration, what to pool, and the secrets generation it was decided from.
 */
public record Resolution(ConnectionRequest request, String typeName, String typeReason, ConnectionConfig config,
                         PoolTarget target, SecretsWatch watch, long generation) {
}
