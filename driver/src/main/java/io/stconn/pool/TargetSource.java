package io.stconn.pool;

import io.stconn.request.ConnectionRequest;
import io.stconn.secrets.SecretsWatch;
import io.stconn.spi.PoolTarget;
import java.sql.SQLException;

/**
 * Where the pools get what to pool: the road resolves requests, the pools never read a file. A
 * pool remembers the watch and the generation its target came from, and asks again when they change.
 */
public interface TargetSource {

    /** The secrets this request reads from. */
    SecretsWatch watchFor(ConnectionRequest request) throws SQLException;

    /** What to pool for the request, decided from this snapshot of its secrets. */
    PoolTarget target(ConnectionRequest request, SecretsWatch watch, SecretsWatch.Snapshot snapshot) throws SQLException;
}
