package io.stconn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SEMANTICS.md section 9: secrets never leave, and are shown as ****. */
class MaskingTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "Password", "PWD", "pwd", "passwd", "private_key_file_pwd",
            "private_key", "private_key_passphrase", "privateKey", "token", "oauth_token", "api_key", "apikey", "API_KEY",
            "secret", "client_secret", "access_key", "aws_access_key_id", "credentials", "passphrase", "sslpassword",
            "hikari.password", "dataSource.password"})
    void secretKeys(String key) {
        assertThat(Masking.isSecretKey(key)).isTrue();
        assertThat(Masking.value(key, "S3cr3t")).isEqualTo("****");
        assertThat(Masking.value(key, 12345L)).isEqualTo("****");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"user", "username", "host", "port", "database", "url", "dialect", "account", "warehouse",
            "role", "schema", "authenticator", "type", "ttl"})
    void ordinaryKeys(String key) {
        assertThat(Masking.isSecretKey(key)).isFalse();
    }

    @Test
    void ordinaryValuesAreShownAsTheyAre() {
        assertThat(Masking.value("host", "db.example.com")).isEqualTo("db.example.com");
        assertThat(Masking.value("port", 5432L)).isEqualTo("5432");
        assertThat(Masking.value("autocommit", true)).isEqualTo("true");
        assertThat(Masking.value("password", null)).isNull();
        assertThat(Masking.url(null)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // SQLAlchemy URLs
            "postgresql://u:S3cr3t@h:5432/db                     | postgresql://u:****@h:5432/db",
            "postgresql+psycopg2://u:S3cr3t@h/db?sslmode=require  | postgresql+psycopg2://u:****@h/db?sslmode=require",
            "mysql+pymysql://u:p%40S3cr3t@h/db                   | mysql+pymysql://u:****@h/db",
            "mssql+pyodbc://DOMAIN%5Cu:S3cr3t@h:1433/db          | mssql+pyodbc://DOMAIN%5Cu:****@h:1433/db",
            "snowflake://u:S3cr3t@acme-xy/db/sch?warehouse=w     | snowflake://u:****@acme-xy/db/sch?warehouse=w",
            "postgresql://:S3cr3t@h/db                           | postgresql://:****@h/db",
            "postgresql://u:S3c:r3t@h/db                         | postgresql://u:****@h/db",
            "postgresql://u:S3c/r3t@h/db                         | postgresql://u:****@h/db",
            // JDBC URLs
            "jdbc:postgresql://u:S3cr3t@h:5432/db                | jdbc:postgresql://u:****@h:5432/db",
            "jdbc:mysql://u:S3cr3t@h:3306/db?useSSL=true         | jdbc:mysql://u:****@h:3306/db?useSSL=true",
            "mongodb://u:S3cr3t@h1:27017,h2:27017/db             | mongodb://u:****@h1:27017,h2:27017/db",
            // in a longer text, as an error message
            "Cannot connect to postgresql://u:S3cr3t@h/db: refused | Cannot connect to postgresql://u:****@h/db: refused",
            // nothing to hide
            "postgresql://u@h/db                                 | postgresql://u@h/db",
            "postgresql://h:5432/db                              | postgresql://h:5432/db",
            "jdbc:h2:mem:test                                    | jdbc:h2:mem:test",
            "sqlite:///relative.db                               | sqlite:///relative.db",
    })
    void userInfoPasswordsAreMasked(String url, String masked) {
        assertThat(Masking.url(url)).isEqualTo(masked);
    }

    /** The dialect parser takes the user-info up to the last '@', so an unencoded '@' is part of the password. */
    @ParameterizedTest
    @ValueSource(strings = {"postgresql://u:S3c@r3t@h/db", "postgresql://u:p@ss@S3cr3t@h:5432/db",
            "jdbc:mysql://u:S3c@r3t@h:3306/db"})
    void aPasswordWithAnUnencodedAtSignIsMaskedWhole(String url) {
        String masked = Masking.url(url);

        assertThat(masked).doesNotContain("r3t").doesNotContain("S3cr3t").contains(":****@h");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jdbc:stconn:db?password=S3cr3t&user=y                    | jdbc:stconn:db?password=****&user=y",
            "jdbc:stconn:db?user=y&password=S3cr3t                    | jdbc:stconn:db?user=y&password=****",
            "jdbc:postgresql://h/db?user=y&password=S3cr3t&ssl=true   | jdbc:postgresql://h/db?user=y&password=****&ssl=true",
            "jdbc:sqlserver://h:1433;databaseName=db;password=S3cr3t;user=sa | jdbc:sqlserver://h:1433;databaseName=db;password=****;user=sa",
            "jdbc:h2:mem:x;USER=sa;PASSWORD=S3cr3t                    | jdbc:h2:mem:x;USER=sa;PASSWORD=****",
            "jdbc:x://h/db?PWD=S3cr3t                                 | jdbc:x://h/db?PWD=****",
            "jdbc:x://h/db?sslpassword=S3cr3t                         | jdbc:x://h/db?sslpassword=****",
            "jdbc:x://h/db?private_key_file_pwd=S3cr3t&role=r         | jdbc:x://h/db?private_key_file_pwd=****&role=r",
            "jdbc:snowflake://acme.snowflakecomputing.com/?token=S3cr3t&db=d | jdbc:snowflake://acme.snowflakecomputing.com/?token=****&db=d",
            "jdbc:x://h/db?client_secret=S3cr3t                       | jdbc:x://h/db?client_secret=****",
            "jdbc:x://h/db?password=                                  | jdbc:x://h/db?password=****",
    })
    void secretQueryParametersAreMasked(String url, String masked) {
        assertThat(Masking.url(url)).isEqualTo(masked);
    }

    /** Oracle's thin driver takes user/password before the '@'. */
    @ParameterizedTest
    @ValueSource(strings = {"jdbc:oracle:thin:scott/S3cr3t@//h:1521/svc", "jdbc:oracle:thin:scott/S3cr3t@h:1521:XE"})
    void anOraclePasswordIsMasked(String url) {
        String masked = Masking.url(url);

        assertThat(masked).doesNotContain("S3cr3t").startsWith("jdbc:oracle:thin:scott/");
    }

    @Test
    void aSecretParameterWithSpacesAroundTheEqualsSignIsMasked() {
        assertThat(Masking.url("jdbc:sqlserver://h;user = sa;password = S3cr3t;databaseName = db"))
                .doesNotContain("S3cr3t").contains("databaseName = db");
    }

    @Test
    void bothPlacesAreMaskedInOneUrl() {
        assertThat(Masking.url("postgresql://u:S3cr3t@h/db?sslpassword=S3cr3t2"))
                .isEqualTo("postgresql://u:****@h/db?sslpassword=****");
    }

    /** One decision of what is secret: a URL parameter is hidden whenever its key would be. */
    @ParameterizedTest
    @ValueSource(strings = {"api_key", "apikey", "access_key", "credentials", "private_key", "aws_secret_access_key"})
    void everySecretKeyIsMaskedAsAUrlParameterToo(String key) {
        assertThat(Masking.isSecretKey(key)).isTrue();
        assertThat(Masking.url("https://h/db?" + key + "=S3cr3t&x=1")).doesNotContain("S3cr3t");
    }

    /** SQL Server and ODBC connection strings brace a value that holds a ';'. */
    @Test
    void aBracedSqlServerPasswordIsMaskedWhole() {
        String masked = Masking.url("jdbc:sqlserver://h:1433;user=sa;password={S3c;r3t};databaseName=db");

        assertThat(masked).doesNotContain("S3c").doesNotContain("r3t");
        assertThat(masked).contains("databaseName=db");
    }

    @Test
    void urlsInsideOrdinaryValuesAreMasked() {
        assertThat(Masking.value("url", "postgresql://u:S3cr3t@h/db")).isEqualTo("postgresql://u:****@h/db");
        assertThat(Masking.value("jdbc_url", "jdbc:h2:mem:x;PASSWORD=S3cr3t")).isEqualTo("jdbc:h2:mem:x;PASSWORD=****");
    }

    @Test
    void nestedMapsAreMaskedKeyByKey() {
        Map<String, Object> connectArgs = new LinkedHashMap<>();
        connectArgs.put("sslmode", "require");
        connectArgs.put("password", "S3cr3t");
        connectArgs.put("sslrootcert", "/certs/root.pem");
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("pool_size", 5L);
        engine.put("connect_args", connectArgs);
        engine.put("url", "postgresql://u:S3cr3t@h/db");

        assertThat(Masking.value("create_engine_kwargs", engine)).isEqualTo("{pool_size=5, connect_args={sslmode=require, "
                + "password=****, sslrootcert=/certs/root.pem}, url=postgresql://u:****@h/db}");
    }

    @Test
    void aTableUnderASecretKeyIsMaskedWhole() {
        assertThat(Masking.value("credentials", Map.of("user", "u", "password", "S3cr3t"))).isEqualTo("****");
    }

    @Test
    void tablesInsideListsAreMaskedToo() {
        Map<String, Object> replica = new LinkedHashMap<>();
        replica.put("host", "r1");
        replica.put("password", "S3cr3t");

        assertThat(Masking.value("replicas", List.of(replica))).doesNotContain("S3cr3t").contains("r1");
    }
}
