package io.stconn.resolve;

import io.stconn.SqlState;

import io.stconn.internal.Envs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stconn.StconnKey;
import io.stconn.internal.Env;
import io.stconn.spi.Environment;
import io.stconn.request.ConnectionRequest;
import io.stconn.request.RequestParser;
import io.stconn.secrets.SecretsStore;
import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConfigValue.Source;
import io.stconn.type.EchoConnectionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SEMANTICS.md sections 2 and 4: the road from a request to what to pool. kwargs win key by key
 * over the secrets section, stconn's own keys stay behind, the type is chosen as Streamlit does.
 */
class ResolverTest {
    @TempDir
    Path root;
    private Path project;
    private Path home;
    private Path secretsFile;
    private Environment env;
    private Resolver resolver;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(root.resolve("project"));
        home = Files.createDirectories(root.resolve("home"));
        secretsFile = project.resolve(".streamlit").resolve("secrets.toml");
        Map<Env, String> values = new HashMap<>();
        values.put(Env.USER_HOME, home.toString());
        values.put(Env.STCONN_PROJECT_DIR, project.toString());
        values.put(Env.STREAMLIT_SECRETS_FILES, null);
        env = Envs.overriding(values);
        resolver = new Resolver(new SecretsStore(), env);
    }

    private void secrets(String toml) throws IOException {
        Files.createDirectories(secretsFile.getParent());
        Files.writeString(secretsFile, toml);
    }

    private Resolution resolve(String url) throws SQLException {
        return resolve(url, new Properties());
    }

    private Resolution resolve(String url, Properties info) throws SQLException {
        ConnectionRequest request = RequestParser.parse(url, info, env);
        return resolver.resolve(request);
    }

    private SQLException failure(String url) {
        return catchThrowableOfType(SQLException.class, () -> resolve(url));
    }

    private static Properties props(String... keysAndValues) {
        Properties p = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return p;
    }

    private static final String H2_SECTION = """
            [connections.h2db]
            url = "jdbc:h2:mem:resolver_secrets"
            username = "sa"
            password = "S3cr3t"
            query = { MODE = "PostgreSQL" }
            """;

    @Test
    void theSectionBecomesTheConfigurationAndTheTarget() throws SQLException, IOException {
        secrets(H2_SECTION);

        Resolution resolution = resolve("jdbc:stconn:h2db");

        assertThat(resolution.typeName()).isEqualTo("sql");
        assertThat(resolution.typeReason()).isEqualTo("inferred from the url/dialect key");
        assertThat(resolution.config().name()).isEqualTo("h2db");
        assertThat(resolution.config().projectDir()).isEqualTo(project);
        assertThat(resolution.config().get("url")).get().extracting(ConfigValue::origin).isEqualTo(secretsFile + ":2:1");
        assertThat(resolution.target().jdbcUrl()).isEqualTo("jdbc:h2:mem:resolver_secrets");
        assertThat(resolution.target().implementationClass()).isEqualTo("org.h2.Driver");
        assertThat(resolution.target().properties()).containsEntry("user", "sa").containsEntry("password", "S3cr3t")
                .containsEntry("MODE", "PostgreSQL");
        assertThat(resolution.generation()).isEqualTo(1);
    }

    @Test
    void kwargsOverrideTheSecretsKeyByKey() throws SQLException, IOException {
        secrets(H2_SECTION);

        Resolution resolution = resolve("jdbc:stconn:h2db?url=jdbc:h2:mem:resolver_url&password=from-url",
                props("password", "from-property"));

        Map<String, ConfigValue> values = resolution.config().values();
        assertThat(values.get("url").text()).isEqualTo("jdbc:h2:mem:resolver_url");
        assertThat(values.get("url").source()).isEqualTo(Source.URL_PARAMETER);
        assertThat(values.get("password").text()).isEqualTo("from-property");
        assertThat(values.get("password").source()).isEqualTo(Source.PROPERTY);
        // untouched keys keep their value and origin in the secrets
        assertThat(values.get("username").text()).isEqualTo("sa");
        assertThat(values.get("username").origin()).isEqualTo(secretsFile + ":3:1");
        assertThat(resolution.target().jdbcUrl()).isEqualTo("jdbc:h2:mem:resolver_url");
        assertThat(resolution.target().properties()).containsEntry("password", "from-property")
                .containsEntry("user", "sa");
    }

    @Test
    void stconnKeysNeverReachTheConfiguration() throws SQLException, IOException {
        secrets("""
                [connections.h2db]
                type = "sql"
                ttl = 60
                url = "jdbc:h2:mem:resolver_keys"
                """);
        Properties info = props("max_entries", "3", "project_dir", project.toString(), "secrets_files",
                secretsFile.toString());

        Resolution resolution = resolve("jdbc:stconn:h2db?type=sql&ttl=30s", info);

        assertThat(resolution.config().values()).containsOnlyKeys("url");
        assertThat(resolution.config().values().keySet()).doesNotContainAnyElementsOf(
                Arrays.stream(StconnKey.values()).map(StconnKey::key).toList());
        assertThat(resolution.target().properties()).doesNotContainKeys("type", "ttl", "max_entries", "project_dir",
                "secrets_files");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:mem:resolver_user", "h2:///mem:resolver_user"})
    void aUserPropertyBeatsTheSecretsUsername(String url) throws SQLException, IOException {
        secrets("[connections.h2db]\nurl = \"" + url + "\"\nusername = \"sa\"\npassword = \"S3cr3t\"\n");

        Resolution resolution = resolve("jdbc:stconn:h2db", props("user", "alice", "password", "alices-pw"));

        assertThat(resolution.target().properties()).containsEntry("user", "alice").containsEntry("password", "alices-pw");
        assertThat(resolution.target().toString()).doesNotContain("alices-pw").doesNotContain("S3cr3t");
    }

    @Test
    void anEmptyUserPropertyKeepsTheSecretsUsername() throws SQLException, IOException {
        secrets(H2_SECTION);

        Resolution resolution = resolve("jdbc:stconn:h2db", props("user", "", "password", ""));

        assertThat(resolution.target().properties()).containsEntry("user", "sa").containsEntry("password", "S3cr3t");
    }

    @Test
    void theSecretsOfTheProjectDirKwargAreRead() throws SQLException, IOException {
        Path other = Files.createDirectories(root.resolve("other"));
        Files.createDirectories(other.resolve(".streamlit"));
        Files.writeString(other.resolve(".streamlit/secrets.toml"), "[connections.h2db]\nurl = \"jdbc:h2:mem:other\"\n");
        secrets(H2_SECTION);

        Resolution resolution = resolve("jdbc:stconn:h2db", props("project_dir", other.toString()));

        assertThat(resolution.target().jdbcUrl()).isEqualTo("jdbc:h2:mem:other");
        assertThat(resolution.config().projectDir()).isEqualTo(other);
    }

    @Test
    void aMissingNameWithNoSectionIsUnknownConnection() throws IOException {
        secrets(H2_SECTION);

        SQLException e = failure("jdbc:stconn:h2bd");

        assertThat(SqlState.reasonOf(e)).contains(SqlState.UNKNOWN_CONNECTION);
        assertThat(e.getMessage()).startsWith("No connection named 'h2bd' in the secrets: the connections are [h2db] "
                + "(did you mean 'h2db'?)");
    }

    @Test
    void aMissingNameWithNoSecretsAtAllListsThePathsSearched() {
        SQLException e = failure("jdbc:stconn:h2db");

        assertThat(SqlState.reasonOf(e)).contains(SqlState.NO_SECRETS);
        assertThat(e.getMessage()).contains(home.resolve(".streamlit/secrets.toml").toString())
                .contains(secretsFile.toString());
    }

    @Test
    void theNameSqlWithoutASectionIsNotFound() throws IOException {
        secrets(H2_SECTION);

        SQLException e = failure("jdbc:stconn:sql");

        assertThat(SqlState.reasonOf(e)).contains(SqlState.UNKNOWN_CONNECTION);
        assertThat(e.getMessage()).startsWith("No connection named 'sql' in the secrets");
    }

    @Test
    void aSectionWithoutAnyTypeHintSaysWhatToAdd() throws IOException {
        secrets("[connections.h2db]\nhost = \"h\"\n");

        SQLException e = failure("jdbc:stconn:h2db");

        assertThat(SqlState.reasonOf(e)).contains(SqlState.UNKNOWN_TYPE);
        assertThat(e.getMessage()).startsWith("Cannot tell the type of connection 'h2db'");
    }

    @Test
    void aCustomTypeKwargWithoutASectionGoesToThatType() throws SQLException, IOException {
        secrets(H2_SECTION);

        Resolution resolution = resolve("jdbc:stconn:nosection?type=io.stconn.type.EchoConnectionType&role=r");

        assertThat(resolution.typeName()).isEqualTo(EchoConnectionType.NAME);
        assertThat(resolution.typeReason()).isEqualTo("type URL parameter");
        assertThat(resolution.target().jdbcUrl()).isEqualTo("jdbc:h2:mem:echo_nosection");
        assertThat(resolution.target().properties()).containsOnly(Map.entry("role", "r"));
    }

    @Test
    void aCustomTypeByShortNameWithoutAnySecretsFile() throws SQLException {
        Resolution resolution = resolve("jdbc:stconn:nosection", props("type", "echo", "role", "r"));

        assertThat(resolution.typeName()).isEqualTo(EchoConnectionType.NAME);
        assertThat(resolution.target().jdbcUrl()).isEqualTo("jdbc:h2:mem:echo_nosection");
    }

    /**
     * Rule 4 (inference) sees the merged configuration: a url kwarg describes a connection that has
     * no section, as the Resolver's own "describes a connection" check intends.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:stconn:adhoc?url=jdbc:h2:mem:resolver_adhoc",
            "jdbc:stconn:adhoc?url=jdbc:h2:mem:resolver_adhoc&type=sql",
            "jdbc:stconn:sql?url=jdbc:h2:mem:resolver_adhoc",
            "jdbc:stconn:adhoc?dialect=h2&database=mem:resolver_adhoc",
    })
    void aUrlKwargDescribesAConnectionWithoutASection(String url) throws SQLException, IOException {
        secrets(H2_SECTION);

        Resolution resolution = resolve(url);

        assertThat(resolution.typeName()).isEqualTo("sql");
        assertThat(resolution.target().jdbcUrl()).isEqualTo("jdbc:h2:mem:resolver_adhoc");
    }

    @Test
    void aUrlKwargCompletesASectionWithoutTypeHints() throws SQLException, IOException {
        secrets("[connections.partial]\nusername = \"sa\"\n");

        Resolution resolution = resolve("jdbc:stconn:partial?url=jdbc:h2:mem:resolver_partial");

        assertThat(resolution.typeName()).isEqualTo("sql");
        assertThat(resolution.target().properties()).containsEntry("user", "sa");
    }

    @Test
    void theSectionTypeKeyChoosesACustomType() throws SQLException, IOException {
        secrets("[connections.custom]\ntype = \"echo\"\nwarehouse = \"w\"\n");

        Resolution resolution = resolve("jdbc:stconn:custom?role=r");

        assertThat(resolution.typeName()).isEqualTo("echo");
        assertThat(resolution.target().properties()).containsOnly(Map.entry("warehouse", "w"), Map.entry("role", "r"));
    }

    @Test
    void theEnvNameIsResolvedToItsSection() throws SQLException, IOException {
        secrets(H2_SECTION);
        Environment withVariable = new Environment() {
            @Override
            public String get(String key) {
                return env.get(key);
            }

            @Override
            public String variable(String name) {
                return name.equals("APP_DB") ? "h2db" : null;
            }
        };

        ConnectionRequest request = RequestParser.parse("jdbc:stconn:env:APP_DB", null, withVariable);

        assertThat(new Resolver(new SecretsStore(), withVariable).resolve(request).target().jdbcUrl())
                .isEqualTo("jdbc:h2:mem:resolver_secrets");
    }

    @Test
    void secretsErrorsReachTheCaller() throws IOException {
        secrets("[connections.h2db]\npassword = S3cr3t\n");

        SQLException e = failure("jdbc:stconn:h2db");

        assertThat(SqlState.reasonOf(e)).contains(SqlState.MALFORMED_SECRETS);
        assertThat(e.getMessage()).contains(secretsFile + ":2:").doesNotContain("S3cr3t");
    }
}
