package io.stconn.dialect;

import io.stconn.SqlState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlAlchemyUrlTest {

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                // url, dialect, python driver, host, port, database, username, password, query
                Arguments.of("postgresql+psycopg2://user:p%40ss@host:5432/db?sslmode=disable",
                        "postgresql", "psycopg2", "host", 5432, "db", "user", "p@ss", Map.of("sslmode", "disable")),
                Arguments.of("mysql://u:p@h:3306/db?charset=utf8mb4",
                        "mysql", null, "h", 3306, "db", "u", "p", Map.of("charset", "utf8mb4")),
                Arguments.of("sqlite:///pets.db", "sqlite", null, null, null, "pets.db", null, null, Map.of()),
                Arguments.of("mssql+pyodbc://u:p@h:1433/db?driver=ODBC+Driver+18+for+SQL+Server&TrustServerCertificate=yes",
                        "mssql", "pyodbc", "h", 1433, "db", "u", "p",
                        ordered("driver", "ODBC Driver 18 for SQL Server", "TrustServerCertificate", "yes")),
                Arguments.of("oracle+oracledb://u:p@h:1521/?service_name=XEPDB1",
                        "oracle", "oracledb", "h", 1521, null, "u", "p", Map.of("service_name", "XEPDB1")),
                Arguments.of("snowflake://u:p@myacct/db/sch?warehouse=wh&role=r",
                        "snowflake", null, "myacct", null, "db/sch", "u", "p", ordered("warehouse", "wh", "role", "r")),
                // file databases: empty authority, then the path
                Arguments.of("sqlite://", "sqlite", null, null, null, null, null, null, Map.of()),
                Arguments.of("sqlite:////abs/path.db", "sqlite", null, null, null, "/abs/path.db", null, null, Map.of()),
                Arguments.of("sqlite:///:memory:", "sqlite", null, null, null, ":memory:", null, null, Map.of()),
                Arguments.of("sqlite:///dir/with@sign.db", "sqlite", null, null, null, "dir/with@sign.db", null, null, Map.of()),
                Arguments.of("duckdb:///data/x.duckdb?read_only=true", "duckdb", null, null, null, "data/x.duckdb",
                        null, null, Map.of("read_only", "true")),
                Arguments.of("h2:///mem:test", "h2", null, null, null, "mem:test", null, null, Map.of()),
                // hosts and ports
                Arguments.of("postgresql://u@[::1]:5432/db", "postgresql", null, "::1", 5432, "db", "u", null, Map.of()),
                Arguments.of("postgresql://[2001:db8::7]/db", "postgresql", null, "2001:db8::7", null, "db", null, null, Map.of()),
                Arguments.of("postgresql://host/db", "postgresql", null, "host", null, "db", null, null, Map.of()),
                Arguments.of("postgresql://host", "postgresql", null, "host", null, null, null, null, Map.of()),
                Arguments.of("postgresql://u:@host/db", "postgresql", null, "host", null, "db", "u", "", Map.of()),
                Arguments.of("postgresql://:secret@host/db", "postgresql", null, "host", null, "db", null, "secret", Map.of()),
                Arguments.of("  postgresql://host/db  ", "postgresql", null, "host", null, "db", null, null, Map.of()),
                // lenient: an unencoded '@' or '/' in the password, the user-info ends at the last '@'
                Arguments.of("postgresql://u:p@ss/w@rd@h:5432/db", "postgresql", null, "h", 5432, "db", "u", "p@ss/w@rd", Map.of()),
                // percent-decoding of user and password, '+' kept there; the database as written, as SQLAlchemy keeps it
                Arguments.of("mssql://DOMAIN%5Cuser:a+b@h/my%20db+x", "mssql", null, "h", null, "my%20db+x",
                        "DOMAIN\\user", "a+b", Map.of()),
                // SQLAlchemy's split: a raw '?' in the password belongs to it, the query starts after the host
                Arguments.of("postgresql://scott:pa?ss@db/shop?x=1", "postgresql", null, "db", null, "shop", "scott",
                        "pa?ss", Map.of("x", "1")),
                Arguments.of("sqlite:///my%20db.db", "sqlite", null, null, null, "my%20db.db", null, null, Map.of()),
                // an invalid escape is kept as written, as Python's unquote does
                Arguments.of("mysql://u:50%off@h/db", "mysql", null, "h", null, "db", "u", "50%off", Map.of()));
    }

    @ParameterizedTest
    @MethodSource("wellFormed")
    void parsesLikeSqlAlchemy(String url, String dialect, String driver, String host, Integer port, String database,
                              String username, String password, Map<String, String> query) throws SQLException {
        SqlAlchemyUrl parsed = SqlAlchemyUrl.parse(url);

        assertThat(parsed.dialect()).isEqualTo(dialect);
        assertThat(parsed.pythonDriver()).isEqualTo(driver);
        assertThat(parsed.parts()).isEqualTo(new ConnectionParts(host, port, database, query, username, password));
        assertThat(parsed.parts().query().keySet()).containsExactlyElementsOf(query.keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"@", ":", "/", "%", "#", "?", "&", " ", "+", "=", ";", "[", "]", "\\", "pässwörd€",
            "p@ss:w/rd%#?& x", "ユーザー", "🔑"})
    void everySpecialCharacterSurvivesPercentEncoding(String password) throws SQLException {
        String url = "postgresql://" + encode("us@r:x") + ":" + encode(password) + "@db.example.com:5432/app";

        ConnectionParts parts = SqlAlchemyUrl.parse(url).parts();

        assertThat(parts.password()).isEqualTo(password);
        assertThat(parts.username()).isEqualTo("us@r:x");
        assertThat(parts.host()).isEqualTo("db.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "pässwörd€", "a b", "x&y", "semi;colon"})
    void unencodedPasswordsWithoutDelimitersStillWork(String password) throws SQLException {
        assertThat(SqlAlchemyUrl.parse("mysql://u:" + password + "@h/db").parts().password()).isEqualTo(password);
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("a=1&b=2", ordered("a", "1", "b", "2")),
                Arguments.of("driver=ODBC+Driver+18", Map.of("driver", "ODBC Driver 18")),
                Arguments.of("x=a%20b%2Bc", Map.of("x", "a b+c")),
                Arguments.of("k=1&k=2", Map.of("k", "2")),
                Arguments.of("k=1&other=x&k=2", ordered("k", "2", "other", "x")),
                Arguments.of("empty=&flag&=v&a=1", Map.of("a", "1")),
                Arguments.of("url=http://x/?y=1", Map.of("url", "http://x/?y=1")),
                Arguments.of("opt=%C3%A4%E2%82%AC", Map.of("opt", "ä€")),
                Arguments.of("", Map.of()));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void queryValuesAreDecodedAsParseQsl(String query, Map<String, String> expected) throws SQLException {
        Map<String, String> parsed = SqlAlchemyUrl.parse("postgresql://h/db?" + query).parts().query();

        assertThat(parsed).isEqualTo(expected);
        assertThat(parsed.keySet()).containsExactlyElementsOf(expected.keySet());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                // url, words the message must contain, whether it hints at percent-encoding
                Arguments.of("", "it is empty", false),
                Arguments.of("   ", "it is empty", false),
                Arguments.of("postgresql:/u:s3cr3t@host/db", "no '://' after the dialect", true),
                Arguments.of("u:s3cr3t@host/db", "no '://' after the dialect", true),
                Arguments.of("jdbc:postgresql://host/db?password=s3cr3t", "it is a JDBC URL", false),
                Arguments.of("post gres://u:s3cr3t@h/db", "the dialect before '://'", false),
                Arguments.of("://u:s3cr3t@h/db", "the dialect before '://'", false),
                Arguments.of("pg+a+b://u:s3cr3t@h/db", "the dialect before '://'", false),
                Arguments.of("postgresql://u:s3cr3t@host:/db", "the port after ':' is empty", true),
                Arguments.of("postgresql://u:s3cr3t@host:abc/db", "the port is not a number", true),
                Arguments.of("postgresql://u:s3cr3t@host:-1/db", "the port is not a number", true),
                Arguments.of("postgresql://u:s3cr3t@host:0/db", "between 1 and 65535", true),
                Arguments.of("postgresql://u:s3cr3t@host:65536/db", "between 1 and 65535", true),
                Arguments.of("postgresql://u:s3cr3t@host:99999999999/db", "between 1 and 65535", true),
                Arguments.of("postgresql://u:s3cr3t@::1:5432/db", "must be written in brackets", true),
                Arguments.of("postgresql://u:s3cr3t@[::1/db", "no closing ']'", true),
                Arguments.of("postgresql://u:s3cr3t@[::1]x/db", "only ':' and the port may follow", true),
                // a raw '/' in the user name: SQLAlchemy would take the user name for the host
                Arguments.of("postgresql://us/er:s3cr3t@host:5432/db", "the user name may not contain an unencoded '/'",
                        true));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedUrlsSayWhichPartIsWrongAndNeverQuoteTheUrl(String url, String words, boolean hint) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> SqlAlchemyUrl.parse(url));

        assertThat((Throwable) e).isNotNull();
        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_VALUE);
        assertThat(e.getMessage()).startsWith("Invalid SQLAlchemy url: ").contains(words)
                .doesNotContain("s3cr3t").doesNotContain("s3").doesNotContain("cr3t").doesNotContain("host/db");
        if (hint) {
            assertThat(e.getMessage()).contains("must be percent-encoded");
        }
    }

    @Test
    void nullIsAnSqlExceptionNotANullPointerException() {
        SQLException e = catchThrowableOfType(SQLException.class, () -> SqlAlchemyUrl.parse(null));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_VALUE);
    }

    @Test
    void toStringMasksThePasswordAndSecretParameters() throws SQLException {
        SqlAlchemyUrl url = SqlAlchemyUrl.parse(
                "snowflake+x://me:p%C3%A4ss%40w0rd@acct/db/sch?warehouse=wh&token=t0k3n&private_key_file_pwd=k3y");

        assertThat(url.toString())
                .isEqualTo("snowflake+x://me:****@acct/db/sch?warehouse=wh&token=****&private_key_file_pwd=****")
                .doesNotContain("päss").doesNotContain("w0rd").doesNotContain("t0k3n").doesNotContain("k3y");
        assertThat(url.parts().toString()).doesNotContain("päss").doesNotContain("t0k3n").contains("password=****");
    }

    @Test
    void toStringShowsIpv6HostsInBrackets() throws SQLException {
        assertThat(SqlAlchemyUrl.parse("postgresql://[::1]:5432/db").toString()).isEqualTo("postgresql://[::1]:5432/db");
        assertThat(SqlAlchemyUrl.parse("sqlite://").toString()).isEqualTo("sqlite://");
    }

    /** Percent-encodes everything but letters and digits, as urllib.parse.quote_plus(safe='') would. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            out.append(c < 0x80 && Character.isLetterOrDigit(c) ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }

    static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
