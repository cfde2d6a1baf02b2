package io.stconn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDBC Driver contract: what tools call before and around connect(). */
class StconnDriverTest {
    private static final String PASSWORD = "Dr1ver-Test-Pw-4417";
    private final StconnDriver driver = new StconnDriver();

    @TempDir
    Path project;

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:stconn:x", "JDBC:STCONN:x", "jdbc:stconn:", "jdbc:stconn:%%%", "jdbc:stconn:env:"})
    void acceptsEveryStconnUrlByPrefixAlone(String url) {
        assertThat(driver.acceptsURL(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jdbc:", "jdbc:h2:mem:x", "stconn:x", "jdbc:stconnx", " jdbc:stconn:x"})
    void refusesForeignUrlsAndConnectReturnsNull(String url) throws SQLException {
        assertThat(driver.acceptsURL(url)).isFalse();
        assertThat(driver.connect(url, new Properties())).isNull();
    }

    @Test
    void nullUrlIsNeitherAcceptedNorAnError() throws SQLException {
        assertThat(driver.acceptsURL(null)).isFalse();
        assertThat(driver.connect(null, null)).isNull();
    }

    @Test
    void answersVersionAndComplianceBeforeAnyConnection() {
        assertThat(driver.getMajorVersion()).isGreaterThanOrEqualTo(0);
        assertThat(driver.getMinorVersion()).isGreaterThanOrEqualTo(0);
        assertThat(StconnDriver.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(driver.jdbcCompliant()).isFalse();
        assertThat(driver.getParentLogger().getName()).isEqualTo("io.stconn");
    }

    @Test
    void isRegisteredWithDriverManager() throws SQLException {
        assertThat(DriverManager.getDriver("jdbc:stconn:anything")).isInstanceOf(StconnDriver.class);
    }

    static Stream<String> garbageUrls() {
        return Stream.of(null, "", "jdbc:stconn:", "jdbc:stconn:%zz", "jdbc:stconn:x?ttl=abc", "jdbc:h2:mem:x",
                "jdbc:stconn:nosuch?project_dir=/nonexistent/folder");
    }

    @ParameterizedTest
    @MethodSource("garbageUrls")
    void getPropertyInfoNeverThrowsAndListsStconnKeys(String url) {
        DriverPropertyInfo[] info = driver.getPropertyInfo(url, new Properties());
        assertThat(Arrays.stream(info).map(p -> p.name))
                .contains("type", "ttl", "max_entries", "project_dir", "secrets_files", "user", "password");
        assertThat(Arrays.stream(info).filter(p -> p.name.equals("type")).findFirst().orElseThrow().choices)
                .contains("sql", "snowflake");
    }

    @Test
    void getPropertyInfoResolvesTheSectionWithSecretsMasked() throws IOException {
        writeSecrets("""
                [connections.shop]
                dialect = "h2"
                database = "mem:shop"
                username = "sa"
                password = "%s"
                """.formatted(PASSWORD));
        DriverPropertyInfo[] info = driver.getPropertyInfo(url("shop"), new Properties());
        assertThat(value(info, "type")).isEqualTo("sql");
        assertThat(value(info, "dialect")).isEqualTo("h2");
        assertThat(value(info, "password")).isEqualTo("****");
        assertThat(Arrays.stream(info).map(p -> p.name + "=" + p.value + " " + p.description))
                .noneMatch(s -> s.contains(PASSWORD));
    }

    @Test
    void connectsToH2ConfiguredInSecrets() throws Exception {
        writeSecrets("""
                [connections.inventory]
                dialect = "h2"
                database = "mem:inventory"
                """);
        try (Connection c = driver.connect(url("inventory"), new Properties());
             ResultSet rs = c.createStatement().executeQuery("SELECT 6 * 7")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
            assertThat(c.isWrapperFor(org.h2.jdbc.JdbcConnection.class)).isTrue();
        }
    }

    @Test
    void badStconnUrlIsAnSqlExceptionWithState() {
        assertThatThrownBy(() -> driver.connect("jdbc:stconn:", new Properties()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("jdbc:stconn:")
                .extracting(SqlState::reasonOf).isEqualTo(java.util.Optional.of(SqlState.INVALID_URL));
    }

    private void writeSecrets(String toml) throws IOException {
        Files.createDirectories(project.resolve(".streamlit"));
        Files.writeString(project.resolve(".streamlit/secrets.toml"), toml);
    }

    private String url(String name) {
        return "jdbc:stconn:" + name + "?project_dir=" + URLEncoder.encode(project.toString(), StandardCharsets.UTF_8);
    }

    private static String value(DriverPropertyInfo[] info, String name) {
        return Arrays.stream(info).filter(p -> p.name.equals(name)).map(p -> p.value).findFirst().orElse(null);
    }
}
