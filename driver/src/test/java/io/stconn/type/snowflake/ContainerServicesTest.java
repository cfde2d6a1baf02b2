package io.stconn.type.snowflake;

import io.stconn.internal.Envs;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.internal.Env;
import io.stconn.spi.Environment;
import io.stconn.type.snowflake.SnowflakeParameters.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snowpark Container Services: the token file and SNOWFLAKE_HOST together mean OAuth through that host. */
class ContainerServicesTest {
    @TempDir
    Path root;
    private Path tokenFile;
    private final Map<Env, String> env = new HashMap<>();

    @BeforeEach
    void setUp() {
        tokenFile = root.resolve("session/token");
        env.put(Env.SNOWFLAKE_SESSION_TOKEN_FILE, tokenFile.toString());
        env.put(Env.SNOWFLAKE_HOST, null);
        env.put(Env.SNOWFLAKE_ACCOUNT, null);
        env.put(Env.SNOWFLAKE_DATABASE, null);
        env.put(Env.SNOWFLAKE_SCHEMA, null);
    }

    private void token() throws IOException {
        Files.createDirectories(tokenFile.getParent());
        Files.writeString(tokenFile, "tok");
    }

    @Test
    void needsBothTheTokenFileAndTheHost() throws IOException {
        Environment environment = Envs.overriding(env);
        assertThat(ContainerServices.detect(environment)).isEmpty();
        assertThat(ContainerServices.whyNot(environment))
                .isEqualTo("Snowpark Container Services (no " + tokenFile + ", SNOWFLAKE_HOST is unset)");
        token();
        assertThat(ContainerServices.detect(environment)).isEmpty();
        assertThat(ContainerServices.whyNot(environment))
                .isEqualTo("Snowpark Container Services (" + tokenFile + " exists, SNOWFLAKE_HOST is unset)");
        env.put(Env.SNOWFLAKE_HOST, "xy12345.eu-central-1.snowflakecomputing.com");
        assertThat(ContainerServices.detect(Envs.overriding(env))).isPresent();
    }

    @Test
    void theHostAloneIsNotEnough() {
        env.put(Env.SNOWFLAKE_HOST, "xy12345.snowflakecomputing.com");
        assertThat(ContainerServices.detect(Envs.overriding(env))).isEmpty();
    }

    @Test
    void theDefaultTokenFileIsSnowflakes() {
        env.remove(Env.SNOWFLAKE_SESSION_TOKEN_FILE);
        env.put(Env.SNOWFLAKE_SESSION_TOKEN_FILE, null);
        assertThat(ContainerServices.tokenFile(Envs.overriding(env))).isEqualTo(Path.of("/snowflake/session/token"));
    }

    @Test
    void oauthWithTheTokenFileThroughTheHostForTheServicesAccountDatabaseAndSchema() throws IOException {
        token();
        env.put(Env.SNOWFLAKE_HOST, "snowflake.eu-central-1.internal");
        env.put(Env.SNOWFLAKE_ACCOUNT, "XY12345");
        env.put(Env.SNOWFLAKE_DATABASE, "APP_DB");
        env.put(Env.SNOWFLAKE_SCHEMA, "APP");
        ContainerServices spcs = ContainerServices.detect(Envs.overriding(env)).orElseThrow();
        assertThat(spcs.values()).extracting(Value::key, Value::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("host", "snowflake.eu-central-1.internal"),
                org.assertj.core.groups.Tuple.tuple("account", "XY12345"),
                org.assertj.core.groups.Tuple.tuple("database", "APP_DB"),
                org.assertj.core.groups.Tuple.tuple("schema", "APP"),
                org.assertj.core.groups.Tuple.tuple("authenticator", "oauth"),
                org.assertj.core.groups.Tuple.tuple("token_file_path", tokenFile.toString()));
        assertThat(spcs.values().get(0).origin()).isEqualTo("env SNOWFLAKE_HOST (Snowpark Container Services)");
    }
}
