package io.stconn.pool;

import io.stconn.SqlState;
import io.stconn.internal.BaseDataSource;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * An in-memory database as one database for the whole pool, for as long as the pool lives: each
 * driver would otherwise give every pooled connection its own empty database ({@code sqlite://},
 * {@code duckdb:///:memory:}, H2's unnamed {@code mem:}), or drop a named one as soon as HikariCP has
 * retired its last connection. SQLite gets a shared-cache memory database named for this pool,
 * DuckDB duplicates of one connection, H2 a name of its own; and one connection, never lent out,
 * keeps the database alive until the pool is closed.
 */
final class MemoryDatabase extends BaseDataSource implements AutoCloseable {
    private final DriverDataSource opener;
    // DuckDB: every connection a duplicate of the keeper, which is what shares its database
    private final boolean duplicates;
    private Connection keeper;

    private MemoryDatabase(DriverDataSource opener, boolean duplicates) {
        this.opener = opener;
        this.duplicates = duplicates;
    }

    /** The data source for this driver and URL: a MemoryDatabase when the URL names an in-memory database. */
    static DataSource of(Driver driver, String url, Properties properties) {
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("jdbc:sqlite::memory:") || lower.equals("jdbc:sqlite:")) {
            String shared = "jdbc:sqlite:file:" + uniqueName() + "?mode=memory&cache=shared";
            return new MemoryDatabase(new DriverDataSource(driver, shared, properties), false);
        }
        if (lower.equals("jdbc:duckdb:") || lower.equals("jdbc:duckdb::memory:")) {
            return new MemoryDatabase(new DriverDataSource(driver, url, properties), true);
        }
        if (lower.startsWith("jdbc:h2:mem:")) {
            String rest = url.strip().substring("jdbc:h2:mem:".length());
            boolean unnamed = rest.isEmpty() || rest.startsWith(";");
            String named = unnamed ? "jdbc:h2:mem:" + uniqueName() + rest : url;
            return new MemoryDatabase(new DriverDataSource(driver, named, properties), false);
        }
        return new DriverDataSource(driver, url, properties);
    }

    /**
     * A name no other pool in this process holds, even one of another copy of stconn. Not a UUID:
     * its secure random generator costs a fresh JVM more than the rest of the pool's start.
     */
    private static String uniqueName() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "stconn_" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection kept = keeper();
        if (duplicates) {
            try {
                return (Connection) kept.getClass().getMethod("duplicate").invoke(kept);
            } catch (ReflectiveOperationException e) {
                throw SqlState.CONNECTION_FAILED.exception("the DuckDB driver cannot duplicate its connection: " + e, e);
            }
        }
        return opener.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection(); // in-memory databases have no login
    }

    private synchronized Connection keeper() throws SQLException {
        if (keeper == null || keeper.isClosed()) {
            keeper = opener.getConnection();
        }
        return keeper;
    }

    /** Drops the database, and closes what the pool lent out and HikariCP could only abort: the pool is closed. */
    @Override
    public synchronized void close() throws SQLException {
        opener.closeOpened();
        if (keeper != null) {
            keeper.close();
            keeper = null;
        }
    }

    @Override
    public String toString() {
        return "MemoryDatabase[" + opener + "]";
    }
}
