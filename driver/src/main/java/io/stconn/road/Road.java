package io.stconn.road;

import io.stconn.pool.PoolRegistry;
import io.stconn.request.ConnectionRequest;
import io.stconn.request.RequestParser;
import io.stconn.resolve.Resolution;
import io.stconn.resolve.Resolver;
import io.stconn.secrets.Secrets;
import io.stconn.secrets.SecretsStore;
import io.stconn.spi.Environment;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The one road from a {@code jdbc:stconn:} URL to a pooled connection: request, then the resolver
 * (secrets, type, target), then the pools, which receive targets and never resolve anything
 * themselves. The four doors (the driver, the DataSource, the Java API and the command-line tool)
 * take this road and no other. One road per class loader; this package is not exported.
 */
public final class Road {
    private static final Road SHARED = new Road(new SecretsStore(), Environment.SYSTEM);

    private final Environment env;
    private final Resolver resolver;
    private final PoolRegistry pools;

    public Road(SecretsStore store, Environment env) {
        this.env = env;
        this.resolver = new Resolver(store, env);
        this.pools = new PoolRegistry(resolver);
    }

    /** The road every door of this copy of stconn takes. */
    public static Road shared() {
        return SHARED;
    }

    /** The URL and Properties read into a request (no file is read). */
    public ConnectionRequest request(String url, Properties info) throws SQLException {
        return RequestParser.parse(url, info, env);
    }

    /** A connection from the request's pool; the hot path is the pools' own. */
    public Connection connection(ConnectionRequest request) throws SQLException {
        return pools.connection(request);
    }

    /** What the request resolves to, without building a pool (describe, getPropertyInfo). */
    public Resolution describe(ConnectionRequest request) throws SQLException {
        return resolver.resolve(request);
    }

    /** The type and configuration the request resolves to, without a target (describe when no driver jar is found). */
    public Resolution describeConfiguration(ConnectionRequest request) throws SQLException {
        return resolver.resolveConfiguration(request);
    }

    /** The merged secrets the request reads (which files depends on its kwargs and the environment only). */
    public Secrets secrets(ConnectionRequest request) throws SQLException {
        return resolver.watchFor(request).current().secrets();
    }

    /** The identity of the pool serving the request now (built if needed); it changes when the pool is rebuilt. */
    public Object currentPool(ConnectionRequest request) throws SQLException {
        return pools.currentPool(request);
    }

    /** The request's pools report to this metric registry (Micrometer or Dropwizard), the running one at once. */
    public void metrics(ConnectionRequest request, Object registry) throws SQLException {
        pools.metrics(request, registry);
    }

    /** Retires the request's pool now; the next connection builds a new one. */
    public void reset(ConnectionRequest request) {
        pools.reset(request);
    }

    /** Closes every pool (driver deregistration, end of the command-line tool). */
    public void closeAll() {
        pools.closeAll();
    }
}
