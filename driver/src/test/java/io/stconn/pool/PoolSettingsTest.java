package io.stconn.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PoolSettingsTest {
    private static Properties settings(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void givenSettingsWithHikariDefaultsFilledIn() throws SQLException {
        Map<String, Object> pool = PoolSettings.withDefaults("x", settings("maximumPoolSize", "4", "autoCommit", "false"));
        assertThat(pool).containsEntry("maximumPoolSize", 4).containsEntry("autoCommit", false)
                .containsEntry("connectionTimeout", 30_000L).containsEntry("idleTimeout", 600_000L)
                .containsEntry("maxLifetime", 1_800_000L).doesNotContainKeys("poolName", "registerMbeans", "dataSource",
                        "metricRegistry");
        assertThat(List.copyOf(pool.keySet())).isSorted();
    }

    @Test
    void unwiseValuesAreCorrectedAsWhenThePoolStarts() throws SQLException {
        // more idle connections than the pool may hold: HikariCP takes the pool size
        assertThat(PoolSettings.withDefaults("x", settings("maximumPoolSize", "3", "minimumIdle", "5")))
                .containsEntry("minimumIdle", 3);
    }

    @Test
    void secretsAreMasked() throws SQLException {
        Map<String, Object> pool = PoolSettings.withDefaults("x", settings("password", "hunter2",
                "dataSource.sslpassword", "hunter3", "dataSource.ssl", "true"));
        assertThat(pool).containsEntry("password", "****").containsEntry("dataSource.sslpassword", "****")
                .containsEntry("dataSource.ssl", "true");
        assertThat(pool.toString()).doesNotContain("hunter");
    }

    @Test
    void unknownOrBadSettingsAreRefusedAsTheDriverRefusesThem() {
        assertThatThrownBy(() -> PoolSettings.withDefaults("x", settings("maximumPoolSiz", "4")))
                .isInstanceOf(SQLException.class).hasMessageStartingWith("Invalid pool setting for connection 'x': ")
                .hasMessageContaining("maximumPoolSiz");
    }
}
