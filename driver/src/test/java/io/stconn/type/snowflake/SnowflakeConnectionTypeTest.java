package io.stconn.type.snowflake;

import io.stconn.SqlState;

import io.stconn.internal.Envs;

import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConnectionConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stconn.internal.Env;
import io.stconn.spi.Environment;
import io.stconn.spi.ConfigValue.Source;
import io.stconn.type.snowflake.SnowflakeTarget;
import io.stconn.type.snowflake.TestKeys;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SEMANTICS.md section 6, the order the snowflake type takes its values in: kwargs, the secrets
 * section, a connections.toml entry when the section is empty (or names one), then Snowpark
 * Container Services; and the errors when nothing or no account is found.
 */
class SnowflakeConnectionTypeTest {
    private static final String SECRET = "S3cr3t-Pw-9931";

    @TempDir
    Path root;
    private Path project;
    private Path snowflakeHome;
    private Path tokenFile;
    private final Map<Env, String> env = new HashMap<>();
    private final Map<String, ConfigValue> values = new LinkedHashMap<>();
    private int line = 2;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(root.resolve("app"));
        snowflakeHome = root.resolve("home/.snowflake");
        tokenFile = root.resolve("snowflake/session/token");
        env.put(Env.USER_HOME, root.resolve("home").toString());
        env.put(Env.SNOWFLAKE_HOME, null);
        env.put(Env.SNOWFLAKE_DEFAULT_CONNECTION_NAME, null);
        env.put(Env.SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE, null);
        env.put(Env.SNOWFLAKE_SESSION_TOKEN_FILE, tokenFile.toString());
        env.put(Env.SNOWFLAKE_HOST, null);
        env.put(Env.SNOWFLAKE_ACCOUNT, null);
        env.put(Env.SNOWFLAKE_DATABASE, null);
        env.put(Env.SNOWFLAKE_SCHEMA, null);
        env.put(Env.SNOWFLAKE_JDBC_ENABLE_BOUNCY_CASTLE, null);
    }

    private SnowflakeConnectionTypeTest secret(String key, Object value) {
        values.put(key, new ConfigValue(key, value, Source.SECRETS, "/app/.streamlit/secrets.toml:" + line++ + ":1"));
        return this;
    }

    private SnowflakeConnectionTypeTest kwarg(String key, Object value) {
        values.put(key, new ConfigValue(key, value, Source.URL_PARAMETER, "URL parameter"));
        return this;
    }

    private Path connectionsToml(String toml) throws IOException {
        Path file = snowflakeHome.resolve("connections.toml");
        Files.createDirectories(snowflakeHome);
        Files.writeString(file, toml);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    private ConnectionConfig config(String name) {
        return new ConnectionConfig(name, values, project, Envs.overriding(env),
                List.of(Path.of("/home/me/.streamlit/secrets.toml"), Path.of("/app/.streamlit/secrets.toml")));
    }

    private SnowflakeTarget resolve(String name) throws SQLException {
        return new SnowflakeConnectionType().resolve(config(name)).mapped();
    }

    private SQLException failure(String name) {
        return catchThrowableOfType(SQLException.class, () -> resolve(name));
    }

    private static Properties props(String... keysAndValues) {
        Properties p = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return p;
    }

    private static final String DEFAULT_ENTRY = "[default]\naccount = \"myorg-fromfile\"\nuser = \"fileuser\"\n"
            + "password = \"" + SECRET + "\"\nwarehouse = \"FILE_WH\"\n\n[analytics]\naccount = \"xy12345.eu-central-1\"\n"
            + "user = \"analyst\"\nrole = \"ANALYST\"\n";

    @Test
    void aSectionWithValuesIsAllThereIs() throws IOException, SQLException {
        connectionsToml(DEFAULT_ENTRY);
        secret("account", "myorg-fromsecrets").secret("user", "jsmith");
        SnowflakeTarget target = resolve("snowflake");
        assertThat(target.url()).isEqualTo("jdbc:snowflake://myorg-fromsecrets.snowflakecomputing.com/");
        assertThat(target.properties()).isEqualTo(props("user", "jsmith"));
    }

    @Test
    void anEmptySectionMeansTheDefaultEntryWithKwargsOverIt() throws IOException, SQLException {
        connectionsToml(DEFAULT_ENTRY);
        kwarg("warehouse", "URL_WH");
        SnowflakeConnectionType.Resolved resolved = new SnowflakeConnectionType().resolve(config("snowflake"));
        assertThat(resolved.mapped().url()).isEqualTo("jdbc:snowflake://myorg-fromfile.snowflakecomputing.com/");
        assertThat(resolved.mapped().properties())
                .isEqualTo(props("user", "fileuser", "password", SECRET, "warehouse", "URL_WH"));
        assertThat(resolved.notes()).first().asString().startsWith("entry 'default' of "
                + snowflakeHome.resolve("connections.toml") + " (the default name");
    }

    @Test
    void theEnvironmentNamesTheDefaultEntry() throws IOException, SQLException {
        connectionsToml(DEFAULT_ENTRY);
        env.put(Env.SNOWFLAKE_DEFAULT_CONNECTION_NAME, "analytics");
        assertThat(resolve("snowflake").properties()).isEqualTo(props("user", "analyst", "role", "ANALYST"));
    }

    @Test
    void anotherNameMeansTheEntryOfThatName() throws IOException, SQLException {
        connectionsToml(DEFAULT_ENTRY);
        env.put(Env.SNOWFLAKE_DEFAULT_CONNECTION_NAME, "default");
        SnowflakeTarget target = resolve("analytics");
        assertThat(target.url()).isEqualTo("jdbc:snowflake://xy12345.eu-central-1.snowflakecomputing.com/");
        assertThat(target.properties()).isEqualTo(props("user", "analyst", "role", "ANALYST"));
    }

    @Test
    void connectionNameInTheSectionStartsFromThatEntry() throws IOException, SQLException {
        connectionsToml(DEFAULT_ENTRY);
        secret("connection_name", "analytics").secret("role", "SECRETS_ROLE");
        assertThat(resolve("mydb").properties()).isEqualTo(props("user", "analyst", "role", "SECRETS_ROLE"));
    }

    @Test
    void aNamedEntryThatIsMissingIsAnError() throws IOException {
        Path file = connectionsToml(DEFAULT_ENTRY);
        secret("connection_name", "prod");
        SQLException e = failure("mydb");
        assertThat(SqlState.reasonOf(e)).contains(SqlState.MISSING_VALUE);
        assertThat(e.getMessage()).isEqualTo("Snowflake connection 'mydb': no entry 'prod' (connection_name at"
                + " /app/.streamlit/secrets.toml:2:1) in " + file + " and in the [connections] of "
                + snowflakeHome.resolve("config.toml") + " (no such file); the entries there are [analytics, default]."
                + " Add that entry, or fix connection_name.");
    }

    @Test
    void containerServicesServeWhenNothingNamesAnAccount() throws IOException, SQLException {
        Files.createDirectories(tokenFile.getParent());
        Files.writeString(tokenFile, "spcs-token");
        env.put(Env.SNOWFLAKE_HOST, "snowflake.eu-central-1.internal");
        env.put(Env.SNOWFLAKE_ACCOUNT, "XY12345");
        kwarg("warehouse", "APP_WH");
        SnowflakeTarget target = resolve("snowflake");
        assertThat(target.url()).isEqualTo("jdbc:snowflake://snowflake.eu-central-1.internal/");
        assertThat(target.properties()).isEqualTo(props("account", "XY12345", "authenticator", "oauth",
                "warehouse", "APP_WH"));
        assertThat(target.tokenFile()).isEqualTo(tokenFile);
    }

    @Test
    void containerServicesStayOutWhenAnAccountIsConfigured() throws IOException, SQLException {
        Files.createDirectories(tokenFile.getParent());
        Files.writeString(tokenFile, "spcs-token");
        env.put(Env.SNOWFLAKE_HOST, "snowflake.eu-central-1.internal");
        secret("account", "myorg-myaccount").secret("user", "jsmith").secret("password", SECRET);
        SnowflakeTarget target = resolve("snowflake");
        assertThat(target.url()).isEqualTo("jdbc:snowflake://myorg-myaccount.snowflakecomputing.com/");
        assertThat(target.tokenFile()).isNull();
    }

    @Test
    void nothingAnywhereIsStreamlitsMissingConfigurationListingEveryPlaceSearched() {
        SQLException e = failure("snowflake");
        Path connections = snowflakeHome.resolve("connections.toml");
        Path config = snowflakeHome.resolve("config.toml");
        assertThat(SqlState.reasonOf(e)).contains(SqlState.MISSING_VALUE);
        assertThat(e.getMessage()).isEqualTo("Missing Snowflake connection configuration for 'snowflake'. Did you"
                + " forget to set it in secrets.toml, a Snowflake configuration file, or as URL parameters? Searched:"
                + " [connections.snowflake] in the secrets (/home/me/.streamlit/secrets.toml,"
                + " /app/.streamlit/secrets.toml); entry 'default' (the default name: env"
                + " SNOWFLAKE_DEFAULT_CONNECTION_NAME is unset and " + config + " sets no default_connection_name) in "
                + connections + " (no such file) and in the [connections] of " + config + " (no such file); Snowpark"
                + " Container Services (no " + tokenFile + ", SNOWFLAKE_HOST is unset). Add account, user and password"
                + " (or another authenticator) to [connections.snowflake] in .streamlit/secrets.toml, add a [default]"
                + " entry to " + connections + ", or pass them in the URL: jdbc:stconn:snowflake?account=...&user=...");
    }

    @Test
    void valuesWithoutAnAccountSayWhatWasFound() {
        secret("warehouse", "WH").kwarg("user", "jsmith");
        SQLException e = failure("mydb");
        assertThat(SqlState.reasonOf(e)).contains(SqlState.MISSING_VALUE);
        assertThat(e.getMessage()).isEqualTo("Snowflake connection 'mydb' has no account: add account ="
                + " \"<orgname>-<account_name>\" to [connections.mydb]. Values found: warehouse"
                + " (/app/.streamlit/secrets.toml:2:1), user (URL parameter). Searched: [connections.mydb] in the"
                + " secrets (/home/me/.streamlit/secrets.toml, /app/.streamlit/secrets.toml); not "
                + snowflakeHome.resolve("connections.toml") + ", since the section is not empty (add connection_name ="
                + " \"<entry>\" to use an entry of it); Snowpark Container Services (no " + tokenFile
                + ", SNOWFLAKE_HOST is unset)");
    }

    @Test
    void aBadAccountIsRefusedWithTheConnectionNameAndNoSecret() {
        secret("account", "evil.example.com/x").secret("password", SECRET);
        SQLException e = failure("mydb");
        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_VALUE);
        assertThat(e.getMessage()).isEqualTo("Snowflake connection 'mydb': the snowflake account may contain only"
                + " letters, digits, '_', '-' and '.' (for example myorg-myaccount or xy12345.eu-central-1), not"
                + " 'evil.example.com/x' (/app/.streamlit/secrets.toml:2:1)");
    }

    @Test
    void aConnectionsFileOthersMayReadIsAWarning() throws IOException, SQLException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        Path file = connectionsToml(DEFAULT_ENTRY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger(SnowflakeConnectionType.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            resolve("snowflake");
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(warnings).containsExactly("WARNING stconn: " + file + " is readable by group or others (rw-r--r--)."
                + " Run chmod 600 " + file + "; set SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE=true to"
                + " silence this warning.");
    }

    @Test
    void aConnectionsFileOthersMayWriteIsReadOnlyWhenTheUserSaysSo() throws IOException, SQLException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        Path file = connectionsToml(DEFAULT_ENTRY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(failure("snowflake").getMessage()).startsWith(file + " is writable by group or others");
        kwarg("unsafe_skip_file_permissions_check", "true");
        assertThat(resolve("snowflake").url()).isEqualTo("jdbc:snowflake://myorg-fromfile.snowflakecomputing.com/");
    }

    @Test
    void anEncryptedKeySnowflakeJdbcCannotOpenIsRefusedWithTheFix() throws Exception {
        assumeTrue(!TestKeys.jdkOpensPbes2(), "this JDK opens PBES2 keys itself");
        Path key = Files.writeString(Files.createDirectories(project.resolve("keys")).resolve("rsa_key.p8"),
                TestKeys.encryptedPem(TestKeys.rsa(), SECRET, TestKeys.PBES2));
        secret("account", "a1").secret("user", "svc").secret("authenticator", "snowflake_jwt")
                .secret("private_key_file", "keys/rsa_key.p8").secret("private_key_file_pwd", SECRET);
        SQLException e = failure("mydb");
        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_VALUE);
        assertThat(e.getMessage()).startsWith("Snowflake connection 'mydb': private_key_file " + key
                + " is encrypted with PBES2, which snowflake-jdbc cannot open").doesNotContain(SECRET);
        env.put(Env.SNOWFLAKE_JDBC_ENABLE_BOUNCY_CASTLE, "true");
        assertThat(resolve("mydb").properties().getProperty("private_key_file")).isEqualTo(key.toString());
    }

    @Test
    void theEntryCannotWaiveItsOwnCheck() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        Path file = connectionsToml("[default]\naccount = \"a1\"\nunsafe_skip_file_permissions_check = true\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(failure("snowflake").getMessage()).startsWith(file + " is writable by group or others");
    }
}
