package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stconn.StconnDataSource;
import io.stconn.it.Servers.Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway migrating PostgreSQL through stconn's DataSource. Flyway picks the database type from a
 * URL's prefix and does not know {@code jdbc:stconn:}; given a DataSource it asks the connection's
 * metadata instead, which is the real database's. The migrations are the module's
 * {@code db/migration} resources (Flyway's default location).
 */
class FlywayIT {
    @TempDir
    Path tmp;

    @RegisterExtension
    final OpenedPools pools = new OpenedPools();

    private String name;
    private Project project;
    private String schema;

    @BeforeEach
    void secrets() {
        Servers.require(Server.POSTGRESQL);
        name = Project.uniqueName("flyway");
        schema = name; // Flyway creates it; dropped afterwards
        project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "type = \"sql\"\n"
                        + "dialect = \"postgresql\"\n"
                        + "host = " + Project.toml(Servers.HOST) + "\n"
                        + "port = " + Server.POSTGRESQL.port + "\n"
                        + "database = " + Project.toml(Servers.DATABASE) + "\n"
                        + "username = " + Project.toml(Servers.APP_USER) + "\n"
                        + "password = " + Project.toml(Servers.APP_PASSWORD) + "\n");
        pools.track(project.url(name));
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            try (Connection c = Servers.direct(Server.POSTGRESQL); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void migratesThroughStconnsDataSourceThenRerunsAsANoOp() throws SQLException {
        StconnDataSource dataSource = new StconnDataSource();
        dataSource.setName(name);
        dataSource.setProjectDir(project.dir().toString());
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .load();

        MigrateResult first = flyway.migrate();
        assertThat(first.success).isTrue();
        assertThat(first.databaseType).as("from the connection's metadata").isEqualTo("PostgreSQL");
        assertThat(first.migrationsExecuted).isEqualTo(2);
        assertThat(first.targetSchemaVersion).isEqualTo("2");
        try (Connection direct = Servers.direct(Server.POSTGRESQL)) {
            assertThat(Dbs.one(direct, "SELECT string_agg(name, ',' ORDER BY id) FROM " + schema + ".pets"))
                    .as("the migrated table, read from PostgreSQL directly").isEqualTo("Mary,John,Robert");
            assertThat(Dbs.one(direct, "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM " + schema
                    + ".flyway_schema_history WHERE type = 'SQL' AND success")).isEqualTo("1,2");
        }

        MigrateResult again = flyway.migrate();
        assertThat(again.success).isTrue();
        assertThat(again.migrationsExecuted).as("nothing left to apply").isZero();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(Pools.of(name)).as("stconn's one pool").hasSize(1);
    }

    /** Why the DataSource: Flyway's URL road needs a URL prefix it knows (flyway issues 3028, 3878). */
    @Test
    void aJdbcStconnUrlAloneIsNotEnoughForFlyway() {
        assertThatThrownBy(() -> Flyway.configure().dataSource(project.url(name), "", "").schemas(schema).load().migrate())
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("No Flyway database plugin found to handle jdbc:stconn:");
    }
}
