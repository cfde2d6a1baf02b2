package io.stconn.type.snowflake;

import io.stconn.SqlState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stconn.type.snowflake.SnowflakeParameters.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SEMANTICS.md section 6: Snowflake connection parameters as st.connection users write them, and
 * what snowflake-jdbc receives: one URL with the host only, each key once under snowflake-jdbc's name.
 */
class SnowflakeParametersTest {
    private static final String SECRET = "S3cr3t-Pw-9931";

    @TempDir
    Path project;

    private static List<Value> values(Object... keysAndValues) {
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.add(new Value((String) keysAndValues[i], keysAndValues[i + 1], "secrets.toml:" + (i / 2 + 2) + ":1"));
        }
        return values;
    }

    private static Properties props(String... keysAndValues) {
        Properties p = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return p;
    }

    private static Map<String, Object> table(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Stream<Arguments> mappings() {
        return Stream.of(
                Arguments.of("organization account", values("account", "myorg-myaccount", "user", "jsmith",
                                "password", SECRET),
                        "jdbc:snowflake://myorg-myaccount.snowflakecomputing.com/",
                        props("user", "jsmith", "password", SECRET)),
                Arguments.of("account locator with its region", values("account", "xy12345.eu-central-1"),
                        "jdbc:snowflake://xy12345.eu-central-1.snowflakecomputing.com/", props()),
                Arguments.of("the whole host pasted as the account", values("account", "acct.snowflakecomputing.com"),
                        "jdbc:snowflake://acct.snowflakecomputing.com/", props()),
                Arguments.of("region (deprecated) joins the host", values("account", "xy12345", "region", "eu-central-1"),
                        "jdbc:snowflake://xy12345.eu-central-1.snowflakecomputing.com/", props()),
                Arguments.of("region us-west-2 is the default one", values("account", "xy12345", "region", "us-west-2"),
                        "jdbc:snowflake://xy12345.snowflakecomputing.com/", props()),
                Arguments.of("global account", values("account", "myacct-a1b2.global"),
                        "jdbc:snowflake://myacct-a1b2.global.snowflakecomputing.com/", props()),
                Arguments.of("host, port and http: the account is sent since the host does not tell it",
                        values("account", "testacct", "host", "127.0.0.1", "port", 8080L, "protocol", "http"),
                        "jdbc:snowflake://127.0.0.1:8080/", props("account", "testacct", "ssl", "off")),
                Arguments.of("private link host that starts with the account",
                        values("account", "xy12345", "host", "xy12345.eu-central-1.privatelink.snowflakecomputing.com"),
                        "jdbc:snowflake://xy12345.eu-central-1.privatelink.snowflakecomputing.com/", props()),
                Arguments.of("protocol https changes nothing", values("account", "a1", "protocol", "HTTPS", "port", "443"),
                        "jdbc:snowflake://a1.snowflakecomputing.com:443/", props()),
                Arguments.of("database, schema, warehouse, role", values("account", "a1", "database", "SALES",
                                "schema", "PUBLIC", "warehouse", "COMPUTE_WH", "role", "ANALYST"),
                        "jdbc:snowflake://a1.snowflakecomputing.com/",
                        props("db", "SALES", "schema", "PUBLIC", "warehouse", "COMPUTE_WH", "role", "ANALYST")),
                Arguments.of("aliases username and db", values("account", "a1", "username", "jsmith", "db", "SALES"),
                        "jdbc:snowflake://a1.snowflakecomputing.com/", props("user", "jsmith", "db", "SALES")),
                Arguments.of("key pair passphrase under snowflake-jdbc's name",
                        values("account", "a1", "authenticator", "SNOWFLAKE_JWT", "private_key_base64", "QUJD",
                                "private_key_file_pwd", SECRET),
                        "jdbc:snowflake://a1.snowflakecomputing.com/",
                        props("authenticator", "SNOWFLAKE_JWT", "private_key_base64", "QUJD", "private_key_pwd", SECRET)),
                Arguments.of("snowflake-jdbc's own spelling private_key_pwd", values("account", "a1", "private_key_pwd", SECRET),
                        "jdbc:snowflake://a1.snowflakecomputing.com/", props("private_key_pwd", SECRET)),
                Arguments.of("oauth with a token", values("account", "a1", "authenticator", "oauth", "token", SECRET),
                        "jdbc:snowflake://a1.snowflakecomputing.com/", props("authenticator", "oauth", "token", SECRET)),
                Arguments.of("externalbrowser", values("account", "a1", "user", "me@example.com",
                                "authenticator", "externalbrowser"),
                        "jdbc:snowflake://a1.snowflakecomputing.com/",
                        props("user", "me@example.com", "authenticator", "externalbrowser")),
                Arguments.of("native Okta", values("account", "a1", "authenticator", "https://acme.okta.com"),
                        "jdbc:snowflake://a1.snowflakecomputing.com/", props("authenticator", "https://acme.okta.com")),
                Arguments.of("client_session_keep_alive as a TOML boolean", values("account", "a1",
                                "client_session_keep_alive", true),
                        "jdbc:snowflake://a1.snowflakecomputing.com/", props("CLIENT_SESSION_KEEP_ALIVE", "true")),
                Arguments.of("client_session_keep_alive as a URL parameter", values("account", "a1",
                                "client_session_keep_alive", "Yes"),
                        "jdbc:snowflake://a1.snowflakecomputing.com/", props("CLIENT_SESSION_KEEP_ALIVE", "true")),
                Arguments.of("session parameters, each sent as itself", values("account", "a1", "session_parameters",
                                table("QUERY_TAG", "dashboard", "TIMEZONE", "UTC", "STATEMENT_TIMEOUT_IN_SECONDS", 60L)),
                        "jdbc:snowflake://a1.snowflakecomputing.com/",
                        props("QUERY_TAG", "dashboard", "TIMEZONE", "UTC", "STATEMENT_TIMEOUT_IN_SECONDS", "60")),
                Arguments.of("login_timeout", values("account", "a1", "login_timeout", 30L),
                        "jdbc:snowflake://a1.snowflakecomputing.com/", props("loginTimeout", "30")),
                Arguments.of("snowflake-jdbc names pass as written", values("account", "a1", "queryTimeout", "5",
                                "JDBC_QUERY_RESULT_FORMAT", "JSON"),
                        "jdbc:snowflake://a1.snowflakecomputing.com/",
                        props("queryTimeout", "5", "JDBC_QUERY_RESULT_FORMAT", "JSON")),
                Arguments.of("stconn's and the pool's keys stay out", values("account", "a1", "connection_name", "prod",
                                "unsafe_skip_file_permissions_check", true, "autocommit", false,
                                "hikari", table("maximumPoolSize", 4L), "hikari.minimumIdle", "1",
                                "create_engine_kwargs", table("pool_size", 2L)),
                        "jdbc:snowflake://a1.snowflakecomputing.com/", props()),
                Arguments.of("Python-only parameters are dropped", values("account", "a1", "paramstyle", "qmark",
                                "network_timeout", 30L),
                        "jdbc:snowflake://a1.snowflakecomputing.com/", props()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappings")
    void mapsOntoSnowflakeJdbc(String name, List<Value> values, String url, Properties expected) throws SQLException {
        SnowflakeTarget target = SnowflakeParameters.map(values, project);
        assertThat(target.url()).isEqualTo(url);
        assertThat(target.properties()).isEqualTo(expected);
        assertThat(target.tokenFile()).isNull();
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                Arguments.of("a later alias wins: db over database", values("account", "a1", "database", "A", "db", "B"),
                        props("db", "B")),
                Arguments.of("a later alias wins: database over db", values("account", "a1", "db", "B", "database", "A"),
                        props("db", "A")),
                Arguments.of("user and username are one key", values("account", "a1", "user", "x", "username", "y"),
                        props("user", "y")),
                Arguments.of("snowflake-jdbc's loginTimeout is login_timeout", values("account", "a1",
                        "login_timeout", 10L, "loginTimeout", "20"), props("loginTimeout", "20")),
                Arguments.of("property names ignore case, as in snowflake-jdbc", values("account", "a1",
                        "query_tag", "a", "QUERY_TAG", "b"), props("QUERY_TAG", "b")),
                Arguments.of("a top-level value after session_parameters wins", values("account", "a1",
                        "session_parameters", table("TIMEZONE", "UTC"), "timezone", "Europe/Paris"),
                        props("TIMEZONE", "Europe/Paris")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void eachKeyIsSentOnceAndTheLaterValueWins(String name, List<Value> values, Properties expected)
            throws SQLException {
        assertThat(SnowflakeParameters.map(values, project).properties()).isEqualTo(expected);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("account with a path", values("account", "evil.example.com/x"), SqlState.INVALID_VALUE,
                        "the snowflake account may contain only letters, digits, '_', '-' and '.' (for example"
                                + " myorg-myaccount or xy12345.eu-central-1), not 'evil.example.com/x' (secrets.toml:2:1)"),
                Arguments.of("account with a space", values("account", "a b"), SqlState.INVALID_VALUE,
                        "the snowflake account may contain only letters, digits, '_', '-' and '.' (for example"
                                + " myorg-myaccount or xy12345.eu-central-1), not 'a b' (secrets.toml:2:1)"),
                Arguments.of("account with user info", values("account", "acct@evil.com"), SqlState.INVALID_VALUE,
                        "the snowflake account may contain only letters, digits, '_', '-' and '.' (for example"
                                + " myorg-myaccount or xy12345.eu-central-1), not 'acct@evil.com' (secrets.toml:2:1)"),
                Arguments.of("account with a port", values("account", "acct:8080"), SqlState.INVALID_VALUE,
                        "the snowflake account may contain only letters, digits, '_', '-' and '.' (for example"
                                + " myorg-myaccount or xy12345.eu-central-1), not 'acct:8080' (secrets.toml:2:1)"),
                Arguments.of("host with a query", values("account", "a1", "host", "h.example.com?x=1"), SqlState.INVALID_VALUE,
                        "the snowflake host may contain only letters, digits, '_', '-' and '.' (a host name such as"
                                + " myorg-myaccount.privatelink.snowflakecomputing.com), not 'h.example.com?x=1'"
                                + " (secrets.toml:3:1)"),
                Arguments.of("region with a slash", values("account", "a1", "region", "eu/x"), SqlState.INVALID_VALUE,
                        "the snowflake region may contain only letters, digits, '_', '-' and '.' (for example"
                                + " eu-central-1), not 'eu/x' (secrets.toml:3:1)"),
                Arguments.of("neither account nor host", values("user", "jsmith"), SqlState.MISSING_VALUE,
                        "the snowflake connection needs the account: add account = \"<orgname>-<account_name>\""
                                + " (or a host)"),
                Arguments.of("blank account", values("account", "  "), SqlState.MISSING_VALUE,
                        "the snowflake connection needs the account: add account = \"<orgname>-<account_name>\""
                                + " (or a host)"),
                Arguments.of("port not a number", values("account", "a1", "port", "https"), SqlState.INVALID_VALUE,
                        "the snowflake port must be a number from 1 to 65535, not 'https' (secrets.toml:3:1)"),
                Arguments.of("port out of range", values("account", "a1", "port", 70000L), SqlState.INVALID_VALUE,
                        "the snowflake port must be a number from 1 to 65535, not '70000' (secrets.toml:3:1)"),
                Arguments.of("unknown protocol", values("account", "a1", "protocol", "ftp"), SqlState.INVALID_VALUE,
                        "the snowflake protocol must be https or http, not 'ftp' (secrets.toml:3:1)"),
                Arguments.of("misspelt authenticator", values("account", "a1", "authenticator", "snowflake-jwt"), SqlState.INVALID_VALUE,
                        "Unknown snowflake authenticator 'snowflake-jwt' (secrets.toml:3:1): use one of externalbrowser,"
                                + " oauth, oauth_authorization_code, oauth_client_credentials, programmatic_access_token,"
                                + " snowflake, snowflake_jwt, username_password_mfa, workload_identity, or"
                                + " https://<okta_account>.okta.com"),
                Arguments.of("snowflake_jwt without a key", values("account", "a1", "authenticator", "snowflake_jwt"),
                        SqlState.MISSING_VALUE, "authenticator snowflake_jwt (secrets.toml:3:1) needs the private key: add"
                                + " private_key_file = \"<path to rsa_key.p8>\" (and private_key_file_pwd when the key"
                                + " is encrypted)"),
                Arguments.of("oauth without a token", values("account", "a1", "authenticator", "OAUTH"), SqlState.MISSING_VALUE,
                        "authenticator oauth (secrets.toml:3:1) needs the token: add token = \"...\" or"
                                + " token_file_path = \"<file holding it>\""),
                Arguments.of("session_parameters not a table", values("account", "a1", "session_parameters", "x"),
                        SqlState.INVALID_VALUE, "session_parameters (secrets.toml:3:1) must be a table, as in"
                                + " [connections.<name>.session_parameters] with QUERY_TAG = \"...\" under it"),
                Arguments.of("a table where one value belongs", values("account", "a1", "warehouse", table("a", "b")),
                        SqlState.INVALID_VALUE, "warehouse (secrets.toml:3:1) must be a single value, not a table"),
                Arguments.of("not a boolean", values("account", "a1", "client_session_keep_alive", "maybe"), SqlState.INVALID_VALUE,
                        "client_session_keep_alive (secrets.toml:3:1) must be true or false, not 'maybe'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesBadValuesBeforeAnyHostNameIsBuilt(String name, List<Value> values, SqlState sqlState, String message) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> SnowflakeParameters.map(values, Path.of("/p")));
        assertThat((Throwable) e).as(name).isNotNull();
        System.out.println(name + ": " + e.getMessage());
        assertThat(SqlState.reasonOf(e)).contains(sqlState);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void privateKeyFileIsResolvedAgainstTheProject() throws SQLException {
        Path key = project.resolve("keys").resolve("rsa_key.p8");
        SnowflakeTarget target = SnowflakeParameters.map(values("account", "a1", "authenticator", "snowflake_jwt",
                "private_key_file", "keys/rsa_key.p8", "private_key_file_pwd", SECRET), project);
        assertThat(target.properties()).isEqualTo(props("authenticator", "snowflake_jwt",
                "private_key_file", key.toString(), "private_key_pwd", SECRET));
    }

    @Test
    void privateKeyAsPemTextBecomesTheBase64OfThePem() throws SQLException {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----";
        SnowflakeTarget target = SnowflakeParameters.map(values("account", "a1", "private_key", pem), project);
        assertThat(decoded(target)).isEqualTo(pem);
    }

    @Test
    void privateKeyAsBase64DerIsWrappedInPem() throws SQLException {
        String der = "A".repeat(70);
        assertThat(decoded(SnowflakeParameters.map(values("account", "a1", "private_key", der), project)))
                .isEqualTo("-----BEGIN PRIVATE KEY-----\n" + "A".repeat(64) + "\nAAAAAA\n-----END PRIVATE KEY-----\n");
        assertThat(decoded(SnowflakeParameters.map(values("account", "a1", "private_key", "QUJD",
                "private_key_file_pwd", SECRET), project)))
                .isEqualTo("-----BEGIN ENCRYPTED PRIVATE KEY-----\nQUJD\n-----END ENCRYPTED PRIVATE KEY-----\n");
    }

    private static String decoded(SnowflakeTarget target) {
        return new String(Base64.getDecoder().decode(target.properties().getProperty("private_key_base64")),
                StandardCharsets.UTF_8);
    }

    @Test
    void privateKeyGivenTwiceIsRefused() {
        SQLException e = catchThrowableOfType(SQLException.class, () -> SnowflakeParameters.map(values("account", "a1",
                "private_key_file", "k.p8", "private_key", "QUJD"), project));
        assertThat(e.getMessage()).isEqualTo("give the snowflake private key once: private_key_file (secrets.toml:3:1)"
                + " or private_key (secrets.toml:4:1), not both");
    }

    @Test
    void tokenFilePathIsReadPerConnectionNotCopied() throws SQLException {
        SnowflakeTarget target = SnowflakeParameters.map(values("account", "a1", "authenticator", "oauth",
                "token_file_path", "token"), project);
        assertThat(target.tokenFile()).isEqualTo(project.resolve("token"));
        assertThat(target.properties()).isEqualTo(props("authenticator", "oauth"));
    }

    @Test
    void anExplicitTokenWinsOverTheTokenFile() throws SQLException {
        SnowflakeTarget target = SnowflakeParameters.map(values("account", "a1", "authenticator", "oauth",
                "token_file_path", "token", "token", SECRET), project);
        assertThat(target.tokenFile()).isNull();
        assertThat(target.properties().getProperty("token")).isEqualTo(SECRET);
        assertThat(target.notes()).contains("token_file_path ignored: token is given (secrets.toml:5:1)");
    }

    @Test
    void notesSayWhatWasDroppedAndWhichSpellingWon() throws SQLException {
        SnowflakeTarget target = SnowflakeParameters.map(values("account", "a1", "database", "A", "db", "B",
                "paramstyle", "qmark"), project);
        assertThat(target.notes()).containsExactly(
                "db (secrets.toml:4:1) wins over database (secrets.toml:3:1)",
                "dropped paramstyle=qmark (Python only: JDBC always uses ? placeholders)");
    }

    @Test
    void secretsAppearInNoNoteMessageOrToString() throws SQLException {
        SnowflakeTarget target = SnowflakeParameters.map(values("account", "a1", "password", SECRET, "token", SECRET,
                "private_key_file_pwd", SECRET, "passcode", SECRET, "PASSWORD", SECRET), project);
        assertThat(target.toString()).doesNotContain(SECRET).contains("password=****", "token=****",
                "private_key_pwd=****", "passcode=****");
        assertThat(String.join("\n", target.notes())).doesNotContain(SECRET);
        SQLException e = catchThrowableOfType(SQLException.class, () -> SnowflakeParameters.map(values(
                "account", "a b", "password", SECRET, "client_session_keep_alive", SECRET), project));
        assertThat(e.getMessage()).doesNotContain(SECRET);
        SQLException notBoolean = catchThrowableOfType(SQLException.class, () -> SnowflakeParameters.map(values(
                "account", "a1", "passcode_in_password", SECRET), project));
        assertThat(notBoolean.getMessage()).doesNotContain(SECRET).contains("'****'");
    }

    @Test
    void accountNamesAreParsedAsSnowflakesConnectorsDo() {
        assertThat(SnowflakeHost.accountName("xy12345.eu-central-1.aws")).isEqualTo("xy12345");
        assertThat(SnowflakeHost.accountName("myorg-myaccount")).isEqualTo("myorg-myaccount");
        assertThat(SnowflakeHost.accountName("myorg-myaccount-a1b2.global")).isEqualTo("myorg-myaccount");
        assertThat(SnowflakeHost.hostFor("xy12345.eu-central-1", "ap-south-1"))
                .isEqualTo("xy12345.ap-south-1.snowflakecomputing.com");
    }
}
