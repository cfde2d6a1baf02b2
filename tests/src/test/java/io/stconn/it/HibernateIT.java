package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.StconnDataSource;
import io.stconn.it.Servers.Server;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl;
import org.hibernate.engine.jdbc.connections.internal.DriverManagerConnectionProviderImpl;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate ORM 6 on PostgreSQL, bootstrapped without persistence.xml, both ways a user can hand it
 * stconn: the JPA URL and driver properties (Hibernate then puts its built-in pool on top of
 * stconn's), and stconn's DataSource (one pool). Either way Hibernate must detect the dialect
 * from the real database's metadata.
 */
class HibernateIT {
    @TempDir
    Path tmp;

    @RegisterExtension
    final OpenedPools pools = new OpenedPools();

    private String name;
    private Project project;
    private String schema;

    /** The entity every test persists; each test's tables live in a schema of its own. */
    @Entity(name = "Pet")
    @Table(name = "pet")
    static class Pet {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        String species;

        Pet() {
        }

        Pet(String name, String species) {
            this.name = name;
            this.species = species;
        }
    }

    @BeforeEach
    void secretsAndSchema() throws SQLException {
        Servers.require(Server.POSTGRESQL);
        name = Project.uniqueName("hibernate");
        schema = name; // unique per run: dropped afterwards
        project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "type = \"sql\"\n"
                        + "url = " + Project.toml("postgresql://" + Servers.APP_USER + ":" + Servers.APP_PASSWORD + "@"
                        + Servers.HOST + ":" + Server.POSTGRESQL.port + "/" + Servers.DATABASE) + "\n");
        try (Connection c = Servers.direct(Server.POSTGRESQL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
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
    void jakartaPersistenceJdbcUrl() throws SQLException {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(Pet.class)
                .setProperty("jakarta.persistence.jdbc.url", project.url(name))
                .setProperty("jakarta.persistence.jdbc.driver", "io.stconn.StconnDriver");
        try (SessionFactory sessionFactory = inTestSchema(configuration).buildSessionFactory()) {
            assertThat(dialect(sessionFactory)).as("detected from the metadata").isInstanceOf(PostgreSQLDialect.class);
            assertThat(connectionProvider(sessionFactory)).as("Hibernate's built-in pool, on top of stconn's")
                    .isInstanceOf(DriverManagerConnectionProviderImpl.class);
            persistAndReadBack(sessionFactory);
        }
        assertThat(Pools.of(name)).as("stconn's pool under Hibernate's").hasSize(1);
    }

    @Test
    void stconnDataSource() throws SQLException {
        StconnDataSource dataSource = new StconnDataSource();
        dataSource.setName(name);
        dataSource.setProjectDir(project.dir().toString());
        Configuration configuration = new Configuration().addAnnotatedClass(Pet.class);
        configuration.getProperties().put("hibernate.connection.datasource", dataSource);
        try (SessionFactory sessionFactory = inTestSchema(configuration).buildSessionFactory()) {
            assertThat(dialect(sessionFactory)).as("detected from the metadata").isInstanceOf(PostgreSQLDialect.class);
            assertThat(connectionProvider(sessionFactory)).as("no pool of Hibernate's")
                    .isInstanceOf(DatasourceConnectionProviderImpl.class);
            persistAndReadBack(sessionFactory);
            assertThat(Pools.of(name)).as("one pool: stconn's").hasSize(1);
        }
    }

    /** Test-only settings: the tables go into this run's schema and are created at start-up. */
    private Configuration inTestSchema(Configuration configuration) {
        return configuration
                .setProperty("hibernate.default_schema", schema)
                .setProperty("jakarta.persistence.schema-generation.database.action", "create");
    }

    private void persistAndReadBack(SessionFactory sessionFactory) throws SQLException {
        Pet mary = new Pet("Mary", "dog");
        EntityManager writer = sessionFactory.createEntityManager();
        writer.getTransaction().begin();
        writer.persist(mary);
        writer.getTransaction().commit();
        writer.close();
        assertThat(mary.id).isNotNull();

        EntityManager reader = sessionFactory.createEntityManager();
        Pet read = reader.find(Pet.class, mary.id);
        assertThat(read).isNotSameAs(mary);
        assertThat(read.name).isEqualTo("Mary");
        assertThat(read.species).isEqualTo("dog");
        reader.close();

        try (Connection direct = Servers.direct(Server.POSTGRESQL)) {
            assertThat(Dbs.one(direct, "SELECT name || '/' || species FROM " + schema + ".pet WHERE id = " + mary.id))
                    .as("the row is in PostgreSQL").isEqualTo("Mary/dog");
        }
    }

    private static Object dialect(SessionFactory sessionFactory) {
        return sessionFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
    }

    private static ConnectionProvider connectionProvider(SessionFactory sessionFactory) {
        return sessionFactory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .getService(ConnectionProvider.class);
    }
}
