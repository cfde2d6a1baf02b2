package io.stconn.dialect;

import static io.stconn.dialect.DialectTest.PROJECT;
import static io.stconn.dialect.DialectTest.props;
import static io.stconn.dialect.DialectTest.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Python connect arguments (SQLAlchemy query parameters) and what each JDBC driver gets for them. */
class TranslationsTest {

    static Stream<Arguments> translations() {
        return Stream.of(
                // SQLAlchemy url, the properties it gives (user and password left out of these urls)
                Arguments.of("postgresql://h/db?sslmode=verify-full&sslrootcert=/ca.pem",
                        props("sslmode", "verify-full", "sslrootcert", "/ca.pem")),
                Arguments.of("postgresql://h/db?application_name=my+app", props("ApplicationName", "my app")),
                Arguments.of("postgresql://h/db?connect_timeout=10", props("connectTimeout", "10")),
                Arguments.of("postgresql://h/db?connect_timeout=2.5", props("connectTimeout", "3")),
                Arguments.of("postgresql://h/db?target_session_attrs=read-write", props("targetServerType", "primary")),
                Arguments.of("postgresql://h/db?target_session_attrs=read-only", props("targetServerType", "secondary")),
                Arguments.of("postgresql://h/db?target_session_attrs=any", props("targetServerType", "any")),
                Arguments.of("postgresql://h/db?target_session_attrs=primary", props("targetServerType", "primary")),
                Arguments.of("postgresql://h/db?target_session_attrs=standby", props("targetServerType", "secondary")),
                Arguments.of("postgresql://h/db?target_session_attrs=prefer-standby",
                        props("targetServerType", "preferSecondary")),
                Arguments.of("postgresql://h/db?client_encoding=utf8", props()),
                Arguments.of("postgresql://h/db?keepalives=1", props("tcpKeepAlive", "true")),
                Arguments.of("postgresql://h/db?options=-c+search_path%3Dapp", props("options", "-c search_path=app")),
                Arguments.of("mysql://h/db?charset=utf8", props("characterEncoding", "UTF-8")),
                Arguments.of("mysql://h/db?charset=latin1", props("characterEncoding", "ISO-8859-1")),
                Arguments.of("mysql://h/db?charset=gbk", props("characterEncoding", "gbk")),
                Arguments.of("mariadb://h/db?charset=utf8mb4", props()),
                Arguments.of("mysql://h/db?connect_timeout=10", props("connectTimeout", "10000")),
                Arguments.of("mysql://h/db?read_timeout=1.5", props("socketTimeout", "1500")),
                Arguments.of("mysql://h/db?local_infile=1", props("allowLoadLocalInfile", "true")),
                Arguments.of("mysql://h/db?ssl_ca=/ca.pem", props()),
                Arguments.of("mariadb://h/db?ssl_ca=/ca.pem", props("serverSslCert", "/ca.pem")),
                Arguments.of("mysql://h/db?ssl_mode=VERIFY_IDENTITY", props("sslMode", "VERIFY_IDENTITY")),
                Arguments.of("mariadb://h/db?ssl_mode=VERIFY_IDENTITY", props("sslMode", "verify-full")),
                Arguments.of("mariadb://h/db?ssl_mode=required", props("sslMode", "trust")),
                Arguments.of("mariadb://h/db?ssl_mode=PREFERRED", props()),
                Arguments.of("mssql://h/db?Encrypt=yes", props("encrypt", "true")),
                Arguments.of("mssql://h/db?encrypt=no", props("encrypt", "false")),
                Arguments.of("mssql://h/db?encrypt=strict", props("encrypt", "strict")),
                Arguments.of("mssql://h/db?TrustServerCertificate=no", props("trustServerCertificate", "false")),
                Arguments.of("mssql://h/db?timeout=30", props("loginTimeout", "30")),
                Arguments.of("mssql://h/db?login_timeout=15", props("loginTimeout", "15")),
                Arguments.of("mssql://h/db?ApplicationIntent=ReadOnly", props("applicationIntent", "ReadOnly")),
                Arguments.of("mssql://h/db?trusted_connection=yes", props("integratedSecurity", "true")),
                Arguments.of("mssql://h/db?authentication=ActiveDirectoryPassword",
                        props("authentication", "ActiveDirectoryPassword")),
                Arguments.of("sqlite:///x.db?timeout=20", props("busy_timeout", "20000")),
                Arguments.of("sqlite:///x.db?mode=ro", props("open_mode", "1")),
                Arguments.of("sqlite:///x.db?mode=rw", props("open_mode", "2")),
                Arguments.of("sqlite:///x.db?mode=rwc", props("open_mode", "6")),
                Arguments.of("sqlite:///file:x.db?mode=ro&uri=true", props("open_mode", "1")),
                Arguments.of("sqlite:///x.db?cache=shared", props("shared_cache", "true")),
                Arguments.of("sqlite:///x.db?check_same_thread=false&journal_mode=WAL", props("journal_mode", "WAL")),
                Arguments.of("duckdb:///x.duckdb?read_only=True", props("duckdb.read_only", "true")),
                Arguments.of("duckdb:///x.duckdb?access_mode=read_only", props("duckdb.read_only", "true")),
                Arguments.of("duckdb:///x.duckdb?access_mode=read_write&threads=4",
                        props("access_mode", "read_write", "threads", "4")),
                Arguments.of("oracle://h/?service_name=S&mode=SYSDBA", props("internal_logon", "sysdba")),
                Arguments.of("oracle://h/S?mode=oracledb.AUTH_MODE_SYSOPER", props("internal_logon", "sysoper")),
                Arguments.of("oracle://h/S?mode=default&encoding=UTF-8&nencoding=UTF-8", props()),
                Arguments.of("h2:///mem:x?password_hash=abc", props("password_hash", "abc")),
                Arguments.of("snowflake://acct/?database=db2&schema=s", props("db", "db2", "schema", "s")),
                Arguments.of("snowflake://acct/db/sch?database=other", props("db", "db", "schema", "sch")),
                Arguments.of("snowflake://acct/db?private_key_file=/k.p8&private_key_file_pwd=pw&authenticator=SNOWFLAKE_JWT",
                        props("db", "db", "private_key_file", "/k.p8", "private_key_pwd", "pw",
                                "authenticator", "SNOWFLAKE_JWT")));
    }

    @ParameterizedTest
    @MethodSource("translations")
    void translatesPythonConnectArguments(String url, Properties expected) throws SQLException {
        assertThat(target(url).properties()).isEqualTo(expected);
    }

    static Stream<Arguments> notes() {
        return Stream.of(
                Arguments.of("mssql+pyodbc://u:p@h/db?driver=ODBC+Driver+18+for+SQL+Server", List.of(
                        "dropped ODBC parameter driver=ODBC Driver 18 for SQL Server"
                                + " (mssql-jdbc speaks TDS itself and needs no ODBC driver)")),
                Arguments.of("postgresql://h/db?client_encoding=latin1", List.of(
                        "dropped parameter client_encoding=latin1 (pgjdbc always talks UTF-8 to the server)")),
                Arguments.of("mysql://h/db?ssl_ca=/ca.pem", List.of("dropped parameter ssl_ca=/ca.pem (Connector/J reads"
                        + " CA certificates from a trust store: import the certificate and set trustCertificateKeyStoreUrl)")),
                Arguments.of("sqlite:///x.db?uri=true", List.of(
                        "dropped parameter uri=true (sqlite-jdbc always accepts file: URIs)")),
                Arguments.of("sqlite://u:s3cr3t@/x.db", List.of(
                        "ignored username and password (sqlite databases have no login)")),
                Arguments.of("duckdb://somehost/x.duckdb", List.of(
                        "ignored host somehost (duckdb databases are local files)")),
                Arguments.of("oracle://h/S?mode=default", List.of("dropped parameter mode=default"
                        + " (only the SYS* privileges have a JDBC equivalent (internal_logon))")),
                Arguments.of("postgresql://u:p@h/db?sslmode=require", List.of()));
    }

    @ParameterizedTest
    @MethodSource("notes")
    void notesSayWhatWasDropped(String url, List<String> notes) throws SQLException {
        // the notes on the database file itself (UrlFormTest) are not translations
        assertThat(target(url).notes()).filteredOn(n -> !n.contains("database file")).isEqualTo(notes);
    }

    @Test
    void mysqlSslCaGoesToMariaDbsDriverOnly() throws SQLException {
        ConnectionParts parts = new ConnectionParts("h", null, "db", Map.of("ssl_ca", "/ca.pem"), null, null);

        JdbcTarget target = Dialect.MYSQL.target(parts, Dialect.MYSQL.drivers().get(1), PROJECT);

        assertThat(target.url()).isEqualTo("jdbc:mariadb://h:3306/db");
        assertThat(target.properties()).isEqualTo(props("serverSslCert", "/ca.pem"));
    }
}
