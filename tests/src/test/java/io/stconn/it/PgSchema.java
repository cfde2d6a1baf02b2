package io.stconn.it;

import io.stconn.it.Servers.Server;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A schema of its own in the shared test database, for a tool that creates tables (a migration
 * tool's history table above all): other test runs on the same server never see it, and it is
 * dropped with everything in it when the test ends.
 */
final class PgSchema implements AutoCloseable {
    private final String name;

    private PgSchema(String name) {
        this.name = name;
    }

    static PgSchema create(String prefix) throws SQLException {
        PgSchema schema = new PgSchema(Project.uniqueName(prefix));
        schema.execute("CREATE SCHEMA " + schema.name);
        return schema;
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = Servers.direct(Server.POSTGRESQL); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
