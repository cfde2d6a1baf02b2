package io.stconn.spark.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executors resolve the dialect again in their own JVM (JDBCRDD asks JdbcDialects on each task),
 * where the driver program's code never ran: the dialect must come from the jar alone (Spark 4's
 * ServiceLoader) or from the plugin Spark starts in every executor (Spark 3.5).
 */
class ExecutorDialectIT {
    @TempDir
    Path tmp;

    @BeforeEach
    void server() {
        Pg.require();
    }

    @Test
    void aFreshJvmAnswersAStconnUrlWithPostgresqlsDialect() throws Exception {
        // the secrets as an executor pod finds them: a Kubernetes secret volume
        String url = Secrets.kubernetesFolder(tmp.resolve("secret-volume"), "warehouse", "stconn-spark-probe");
        if (Sessions.line().equals("3.5")) {
            // Spark 3.5 has no ServiceLoader lookup: without the plugin, Spark's plain dialect answers
            Map<String, String> bare = ChildJvm.run(tmp, "256m", DialectProbe.class, url);
            assertThat(bare.get("dialect")).isEqualTo("org.apache.spark.sql.jdbc.NoopDialect$");
            Map<String, String> withPlugin = ChildJvm.run(tmp, "512m", DialectProbe.class, url, "plugin");
            assertThat(withPlugin.get("dialect")).isEqualTo("io.stconn.spark.StconnDialect");
            assertThat(withPlugin.get("boolean")).isEqualTo("BOOLEAN");
        } else {
            Map<String, String> bare = ChildJvm.run(tmp, "256m", DialectProbe.class, url);
            assertThat(bare.get("dialect")).isEqualTo("io.stconn.spark.StconnDialect");
            assertThat(bare.get("boolean")).isEqualTo("BOOLEAN");
        }
    }
}
