package io.stconn.pool;

import io.stconn.request.ConnectionRequest;
import io.stconn.resolve.Resolver;
import java.sql.SQLException;

/** A pool class as nobody may write it: it asks the resolver itself. ArchitectureTest shows the rule catches it. */
public final class PoolThatResolves {
    private final Resolver resolver;

    public PoolThatResolves(Resolver resolver) {
        this.resolver = resolver;
    }

    public Object target(ConnectionRequest request) throws SQLException {
        return resolver.resolve(request).target();
    }
}
