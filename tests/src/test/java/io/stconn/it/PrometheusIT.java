package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import io.stconn.StconnDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pool metrics for Prometheus without Micrometer: a Prometheus client {@code CollectorRegistry}
 * given to stconn's DataSource goes to HikariCP's own Prometheus tracker, whose series carry the
 * pool's name as the {@code pool} label.
 */
class PrometheusIT {
    @TempDir
    Path tmp;

    @Test
    void collectorRegistryGetsHikariCPsSeriesLabelledWithThePoolName() throws Exception {
        String name = Project.uniqueName("prometheus");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n"
                + "url = " + Project.toml("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1") + "\n"
                + "create_engine_kwargs = { pool_size = 1, max_overflow = 2 }\n");
        CollectorRegistry registry = new CollectorRegistry();
        StconnDataSource dataSource = new StconnDataSource(name);
        dataSource.setProjectDir(project.dir().toString());
        dataSource.setMetricRegistry(registry);
        String[] label = {"pool"};
        String[] pool = {"stconn-" + name};
        try (Connection c = dataSource.getConnection()) {
            Double active = registry.getSampleValue("hikaricp_active_connections", label, pool);
            Double max = registry.getSampleValue("hikaricp_max_connections", label, pool);
            System.out.println("hikaricp_active_connections{pool=\"stconn-" + name + "\"} " + active
                    + ", hikaricp_max_connections " + max);
            assertThat(active).isEqualTo(1.0);
            assertThat(max).isEqualTo(3.0);
        }
        dataSource.close();
    }
}
