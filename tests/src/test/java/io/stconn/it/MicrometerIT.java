package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stconn.Stconn;
import io.stconn.StconnConnection;
import io.stconn.StconnDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pool metrics without Spring: a Micrometer registry given to stconn's DataSource or to the Java
 * API receives HikariCP's own {@code hikaricp.*} meters, tagged with the pool's name. The drop-in
 * jar's relocated HikariCP reports to the application's unrelocated Micrometer.
 */
class MicrometerIT {
    @TempDir
    Path tmp;

    private Project project(String name) {
        return Project.in(tmp).secrets("[connections." + name + "]\n"
                + "url = " + Project.toml("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1") + "\n"
                + "create_engine_kwargs = { pool_size = 1, max_overflow = 1 }\n");
    }

    @Test
    void dataSourceReportsItsPoolUnderThePoolName() throws Exception {
        String name = Project.uniqueName("micrometer");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StconnDataSource dataSource = new StconnDataSource(name);
        dataSource.setProjectDir(project(name).dir().toString());
        dataSource.setMetricRegistry(registry);
        try (Connection c = dataSource.getConnection()) {
            double active = registry.get("hikaricp.connections.active").tag("pool", "stconn-" + name).gauge().value();
            double max = registry.get("hikaricp.connections.max").tag("pool", "stconn-" + name).gauge().value();
            System.out.println("hikaricp.connections.active{pool=stconn-" + name + "} = " + active + ", max = " + max);
            assertThat(active).isEqualTo(1.0);
            assertThat(max).isEqualTo(2.0);
        }
        assertThat(registry.get("hikaricp.connections.acquire").timer().count()).isEqualTo(1);
        dataSource.close();
    }

    /** A pool that runs already starts reporting when a registry arrives (as Spring Boot binds it after start-up). */
    @Test
    void runningPoolStartsReportingWhenARegistryArrives() throws Exception {
        String name = Project.uniqueName("micrometer_late");
        StconnDataSource dataSource = new StconnDataSource(name);
        dataSource.setProjectDir(project(name).dir().toString());
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.isValid(1)).isTrue();
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        dataSource.setMetricRegistry(registry);
        try (Connection c = dataSource.getConnection()) {
            assertThat(registry.get("hikaricp.connections.active").tag("pool", "stconn-" + name).gauge().value())
                    .isEqualTo(1.0);
        }
        dataSource.close();
    }

    @Test
    void javaApiTakesARegistry() throws Exception {
        String name = Project.uniqueName("micrometer_api");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StconnConnection connection = Stconn.builder(name).projectDir(project(name).dir()).metrics(registry).connect();
        assertThat(connection.query("SELECT 1").rows()).hasSize(1);
        assertThat(registry.get("hikaricp.connections.acquire").tag("pool", "stconn-" + name).timer().count())
                .isPositive();
        connection.reset();
    }

    @Test
    void anythingButARegistryIsRefusedWithItsClass() {
        String name = Project.uniqueName("micrometer_bad");
        assertThatThrownBy(() -> Stconn.builder(name).projectDir(project(name).dir()).metrics("a string").connect())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("must be a Micrometer io.micrometer.core.instrument.MeterRegistry")
                .hasMessageContaining("java.lang.String")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
    }
}
