package io.stconn.request;

import io.stconn.SqlState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stconn.internal.Env;
import io.stconn.spi.Environment;
import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConfigValue.Source;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** SEMANTICS.md sections 1 (the URL), 2 (kwargs and their precedence) and 7 (the pool key). */
class RequestParserTest {

    /** No environment at all: neither Env values nor variables. */
    private static final Environment EMPTY = environment(Map.of());

    private static Environment environment(Map<String, String> variables) {
        return new Environment() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String variable(String name) {
                return variables.get(name);
            }
        };
    }

    private static ConnectionRequest parse(String url) throws SQLException {
        return RequestParser.parse(url, null, EMPTY);
    }

    private static ConnectionRequest parse(String url, Properties info) throws SQLException {
        return RequestParser.parse(url, info, EMPTY);
    }

    private static Properties properties(String... keysAndValues) {
        Properties p = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return p;
    }

    private static SQLException failure(String url, Properties info) {
        return catchThrowableOfType(SQLException.class, () -> RequestParser.parse(url, info, EMPTY));
    }

    // ---- acceptsURL: a prefix test, case-insensitive, never throws ----

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:stconn:mydb", "JDBC:STCONN:mydb", "Jdbc:StConn:x?ttl=1", "jdbc:stconn:",
            "jdbc:stconn:%zz", "jdbc:stconn:env:NOPE", "jdbc:stconn:no such name at all"})
    void acceptsEveryUrlWithThePrefix(String url) {
        assertThat(RequestParser.accepts(url)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"jdbc:", "jdbc:stconn", "jdbc:stcon:mydb", "jdbc:postgresql://h/db", "stconn:mydb",
            " jdbc:stconn:mydb", "jdbc:h2:mem:x", "\u0000", "jdbc:stconn\u0000:x", "🔑"})
    void rejectsEveryOtherString(String url) {
        assertThat(RequestParser.accepts(url)).isFalse();
    }

    @Test
    void acceptsNeverThrowsForAnyString() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            String url = randomText(random, random.nextBoolean() ? "jdbc:stconn:" : "");
            assertThatCode(() -> RequestParser.accepts(url)).as(url).doesNotThrowAnyException();
        }
    }

    /** Section 9: a bad URL is an SQLException with a SQLState, never anything else. */
    @Test
    void parseFailsOnlyWithSqlExceptionsThatCarryASqlState() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            String url = randomText(random, "jdbc:stconn:");
            try {
                RequestParser.parse(url, null, EMPTY);
            } catch (SQLException e) {
                assertThat(e.getSQLState()).as(url).isNotBlank();
            } catch (RuntimeException e) {
                throw new AssertionError("parse(" + url + ") threw " + e, e);
            }
        }
    }

    private static final int[] ALPHABET = "aZ09_-%?&=+ .:;/@#\\\"'~é数🔑\t".codePoints().toArray();

    private static String randomText(Random random, String prefix) {
        StringBuilder text = new StringBuilder(prefix);
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    @Test
    void aUrlWithoutThePrefixIsAnInvalidUrl() {
        SQLException e = failure("jdbc:postgresql://h/db", null);

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_URL);
        assertThat(e.getMessage()).contains("jdbc:stconn:");
    }

    // ---- the name ----

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "jdbc:stconn:mydb                       | mydb",
            "JDBC:STCONN:mydb                       | mydb",
            "jdbc:stconn:my-db_1                    | my-db_1",
            "jdbc:stconn:mydb?                      | mydb",
            "jdbc:stconn:mydb?ttl=5                 | mydb",
            // a quoted TOML key, [connections.\"my db\"]
            "jdbc:stconn:my%20db                    | my db",
            "jdbc:stconn:my%20db?ttl=5              | my db",
            // UTF-8, two, three and four bytes
            "jdbc:stconn:caf%C3%A9                  | café",
            "jdbc:stconn:caf%c3%a9                  | café",
            "jdbc:stconn:%E6%95%B0%E6%8D%AE         | 数据",
            "jdbc:stconn:%F0%9F%94%91               | 🔑",
            // already-decoded text and a mix
            "jdbc:stconn:café                       | café",
            "jdbc:stconn:café%20bar                 | café bar",
            // '+' is not a space: names are not form-encoded
            "jdbc:stconn:a%2Bb+c                    | a+b+c",
            // reserved characters, encoded
            "jdbc:stconn:a%3Fb%26c%3Dd?ttl=5        | a?b&c=d",
            "jdbc:stconn:100%25                     | 100%",
            "jdbc:stconn:a.b                        | a.b",
    })
    void theNameIsPercentDecoded(String url, String name) throws SQLException {
        assertThat(parse(url.strip()).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:stconn:", "jdbc:stconn:?ttl=5", "jdbc:stconn:%20", "jdbc:stconn:   ",
            "jdbc:stconn:%20%09?ttl=5"})
    void anEmptyNameIsAnInvalidUrl(String url) {
        SQLException e = failure(url, null);

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_URL);
        assertThat(e.getMessage()).isEqualTo("No connection name in the URL: write jdbc:stconn:<name>, where <name> "
                + "is a [connections.<name>] section of .streamlit/secrets.toml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:stconn:my%2", "jdbc:stconn:my%zzdb", "jdbc:stconn:%", "jdbc:stconn:my%g1db",
            "jdbc:stconn:mydb?pw=50%off", "jdbc:stconn:mydb?k%=1", "jdbc:stconn:mydb?k=%", "jdbc:stconn:mydb?k=%4"})
    void badPercentEncodingIsAnInvalidUrl(String url) {
        SQLException e = failure(url, null);

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_URL);
        assertThat(e.getMessage()).contains("Bad percent-encoding").contains("two hex digits").contains("%25");
    }

    @Test
    void badPercentEncodingInAValueNeverEchoesTheValue() {
        SQLException e = failure("jdbc:stconn:mydb?password=S3cr3t%zz", null);

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_URL);
        assertThat(e.getMessage()).doesNotContain("S3cr3t");
    }

    // ---- env:VAR names ----

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "jdbc:stconn:env:APP_DB              | analytics",
            "jdbc:stconn:env:APP_DB?ttl=60       | analytics",
            "jdbc:stconn:env:PADDED              | reporting",
            "jdbc:stconn:env:QUOTED_NAME         | my db",
    })
    void anEnvNameIsReadFromTheEnvironmentVariable(String url, String name) throws SQLException {
        Environment env = environment(Map.of("APP_DB", "analytics", "PADDED", "  reporting \n", "QUOTED_NAME", "my db"));

        assertThat(RequestParser.parse(url.strip(), null, env).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:stconn:env:MISSING", "jdbc:stconn:env:BLANK", "jdbc:stconn:env:MISSING?ttl=5"})
    void anEnvNameWhoseVariableIsUnsetIsAnInvalidUrl(String url) {
        Environment env = environment(Map.of("BLANK", "   "));

        SQLException e = catchThrowableOfType(SQLException.class, () -> RequestParser.parse(url, null, env));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_URL);
        assertThat(e.getMessage()).contains("environment variable").contains("not set");
    }

    @Test
    void anEnvNameWithoutAVariableIsAnInvalidUrl() {
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> RequestParser.parse("jdbc:stconn:env:", null, environment(Map.of())));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_URL);
        assertThat(e.getMessage()).contains("names no environment variable");
    }

    @Test
    void anUnsetVariableIsNamedInTheError() {
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> RequestParser.parse("jdbc:stconn:env:APP_DB", null, EMPTY));

        assertThat(e.getMessage()).isEqualTo("The URL jdbc:stconn:env:APP_DB takes the connection name from environment "
                + "variable 'APP_DB', which is not set. Set it, or write the name itself: jdbc:stconn:<name>");
    }

    // ---- URL parameters ----

    static Stream<Arguments> urlParameters() {
        return Stream.of(
                Arguments.of("jdbc:stconn:db?warehouse=wh", Map.of("warehouse", "wh")),
                Arguments.of("jdbc:stconn:db?warehouse=my%20wh&role=a%26b", Map.of("warehouse", "my wh", "role", "a&b")),
                Arguments.of("jdbc:stconn:db?password=p%40ss%3D1%25", Map.of("password", "p@ss=1%")),
                Arguments.of("jdbc:stconn:db?q=a=b", Map.of("q", "a=b")),
                Arguments.of("jdbc:stconn:db?q=a+b", Map.of("q", "a+b")),
                Arguments.of("jdbc:stconn:db?my%5Fkey=1", Map.of("my_key", "1")),
                Arguments.of("jdbc:stconn:db?n=%E6%95%B0", Map.of("n", "数")),
                Arguments.of("jdbc:stconn:db?flag", Map.of("flag", "")),
                Arguments.of("jdbc:stconn:db?a=1&&b=2&", Map.of("a", "1", "b", "2")),
                Arguments.of("jdbc:stconn:db?a=1&a=2", Map.of("a", "2")),
                Arguments.of("jdbc:stconn:db?hikari.maximumPoolSize=4", Map.of("hikari.maximumPoolSize", "4")));
    }

    @ParameterizedTest
    @MethodSource("urlParameters")
    void urlParametersAreDecodedKwargs(String url, Map<String, String> expected) throws SQLException {
        ConnectionRequest request = parse(url);

        assertThat(request.kwargs()).hasSameSizeAs(expected);
        expected.forEach((key, value) -> {
            ConfigValue v = request.kwargs().get(key);
            assertThat(v).as(key).isNotNull();
            assertThat(v.text()).as(key).isEqualTo(value);
            assertThat(v.source()).isEqualTo(Source.URL_PARAMETER);
            assertThat(v.origin()).isEqualTo("URL parameter");
        });
    }

    @Test
    void aUrlParameterWithoutANameIsAnInvalidUrl() {
        SQLException e = failure("jdbc:stconn:db?=x", null);

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_URL);
        assertThat(e.getMessage()).isEqualTo("A URL parameter has no name: write jdbc:stconn:<name>?key=value&key=value");
    }

    // ---- connect() Properties ----

    @Test
    void propertiesBeatUrlParameters() throws SQLException {
        ConnectionRequest request = parse("jdbc:stconn:db?user=bob&warehouse=url_wh&role=r",
                properties("user", "alice", "warehouse", "prop_wh"));

        assertThat(request.get("user")).isEqualTo("alice");
        assertThat(request.get("warehouse")).isEqualTo("prop_wh");
        assertThat(request.get("role")).isEqualTo("r");
        assertThat(request.kwargs().get("user").source()).isEqualTo(Source.PROPERTY);
        assertThat(request.kwargs().get("user").origin()).isEqualTo("connect() property");
        assertThat(request.kwargs().get("role").source()).isEqualTo(Source.URL_PARAMETER);
    }

    @Test
    void emptyUserAndPasswordPropertiesCountAsAbsent() throws SQLException {
        ConnectionRequest withUrl = parse("jdbc:stconn:db?user=bob&password=pw", properties("user", "", "password", ""));
        ConnectionRequest alone = parse("jdbc:stconn:db", properties("user", "", "password", ""));

        assertThat(withUrl.get("user")).isEqualTo("bob");
        assertThat(withUrl.get("password")).isEqualTo("pw");
        assertThat(withUrl.kwargs().get("user").source()).isEqualTo(Source.URL_PARAMETER);
        assertThat(alone.kwargs()).doesNotContainKeys("user", "password");
    }

    @Test
    void otherEmptyPropertiesAreKept() throws SQLException {
        ConnectionRequest request = parse("jdbc:stconn:db?role=r", properties("role", ""));

        assertThat(request.get("role")).isEmpty();
    }

    @Test
    void nonStringPropertyValuesAreTakenAsText() throws SQLException {
        Properties info = new Properties();
        info.put("max_entries", 3);
        info.put("ttl", 1.5);
        info.put("autocommit", Boolean.TRUE);
        info.put("port", 5432L);

        ConnectionRequest request = parse("jdbc:stconn:db", info);

        assertThat(request.get("max_entries")).isEqualTo("3");
        assertThat(request.maxEntries()).isEqualTo(3);
        assertThat(request.ttl()).isEqualTo(Duration.ofMillis(1500));
        assertThat(request.get("autocommit")).isEqualTo("true");
        assertThat(request.get("port")).isEqualTo("5432");
        assertThat(request.kwargs().get("port").source()).isEqualTo(Source.PROPERTY);
    }

    @Test
    void propertiesDefaultsAreRead() throws SQLException {
        Properties info = new Properties(properties("user", "carol"));
        info.setProperty("role", "r");

        ConnectionRequest request = parse("jdbc:stconn:db", info);

        assertThat(request.get("user")).isEqualTo("carol");
        assertThat(request.get("role")).isEqualTo("r");
    }

    // ---- ttl ----

    @ParameterizedTest(name = "ttl={0}")
    @CsvSource(delimiter = '|', value = {
            "300      | PT5M",
            "1.5      | PT1.5S",
            "30s      | PT30S",
            "10m      | PT10M",
            "1h       | PT1H",
            "1d       | PT24H",
            "250ms    | PT0.25S",
            "PT5M     | PT5M",
            "pt5m     | PT5M",
            "2H       | PT2H",
            "' 45 '   | PT45S",
            "0.5m     | PT30S",
    })
    void ttlForms(String ttl, String expected) throws SQLException {
        assertThat(parse("jdbc:stconn:db", properties("ttl", ttl)).ttl()).isEqualTo(Duration.parse(expected));
        assertThat(parse("jdbc:stconn:db?ttl=" + ttl.strip()).ttl()).isEqualTo(Duration.parse(expected));
    }

    @Test
    void noTtlMeansPoolsDoNotExpire() throws SQLException {
        assertThat(parse("jdbc:stconn:db").ttl()).isNull();
        assertThat(parse("jdbc:stconn:db?ttl=").ttl()).isNull();
    }

    @ParameterizedTest(name = "ttl={0}")
    @ValueSource(strings = {"abc", "0", "-1", "0s", "0.0", "PT0S", "-PT5M", "PT-5M", "1w", "1.5.2", "s", "P", "5 minutes",
            "1e3"})
    void badTtlIsAnInvalidValue(String ttl) {
        SQLException e = failure("jdbc:stconn:db?ttl=" + ttl.replace(" ", "%20"), null);

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_VALUE);
        assertThat(e.getMessage()).isEqualTo("Invalid ttl '" + ttl + "' (URL parameter): give a positive number of "
                + "seconds such as 300, or a duration such as 30s, 10m, 1h, 1d or PT5M");
    }

    @Test
    void aBadTtlPropertyNamesItsOrigin() {
        SQLException e = failure("jdbc:stconn:db", properties("ttl", "abc"));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_VALUE);
        assertThat(e.getMessage()).contains("'abc' (connect() property)");
    }

    // ---- max_entries ----

    @ParameterizedTest(name = "max_entries={0}")
    @CsvSource({"1, 1", "2, 2", "100, 100", "' 7 ', 7"})
    void maxEntriesIsAPositiveWholeNumber(String text, int expected) throws SQLException {
        assertThat(parse("jdbc:stconn:db", properties("max_entries", text)).maxEntries()).isEqualTo(expected);
    }

    @Test
    void noMaxEntriesMeansUnbounded() throws SQLException {
        assertThat(parse("jdbc:stconn:db").maxEntries()).isNull();
    }

    @ParameterizedTest(name = "max_entries={0}")
    @ValueSource(strings = {"0", "-1", "abc", "1.5", "1e3", "99999999999"})
    void badMaxEntriesIsAnInvalidValue(String text) {
        SQLException e = failure("jdbc:stconn:db?max_entries=" + text, null);

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_VALUE);
        assertThat(e.getMessage()).isEqualTo("Invalid max_entries '" + text + "' (URL parameter): give a whole number "
                + "of at least 1, or leave it out for an unbounded cache");
    }

    // ---- the pool key ----

    @Test
    void equalRequestsHaveEqualPoolKeys() throws SQLException {
        ConnectionRequest a = parse("jdbc:stconn:db?warehouse=w&role=r", properties("user", "alice", "password", "pw"));
        ConnectionRequest b = parse("jdbc:stconn:db?role=r&warehouse=w", properties("password", "pw", "user", "alice"));
        // where a kwarg comes from does not change which pool serves it
        ConnectionRequest c = parse("jdbc:stconn:db?user=alice&password=pw&role=r", properties("warehouse", "w"));

        assertThat(a.poolKey()).isEqualTo(b.poolKey()).hasSameHashCodeAs(b.poolKey());
        assertThat(a.poolKey()).isEqualTo(c.poolKey());
        assertThat(a.cacheSpec()).isEqualTo(b.cacheSpec());
    }

    static Stream<Arguments> differentRequests() {
        return Stream.of(
                Arguments.of("another user", "jdbc:stconn:db", properties("user", "bob", "password", "pw")),
                Arguments.of("another password", "jdbc:stconn:db", properties("user", "alice", "password", "pw2")),
                Arguments.of("no password", "jdbc:stconn:db", properties("user", "alice")),
                Arguments.of("another name", "jdbc:stconn:db2", properties("user", "alice", "password", "pw")),
                Arguments.of("an extra kwarg", "jdbc:stconn:db?role=r", properties("user", "alice", "password", "pw")),
                Arguments.of("a different kwarg value", "jdbc:stconn:db?warehouse=w", properties("user", "alice",
                        "password", "pw", "warehouse", "w2")),
                Arguments.of("a type", "jdbc:stconn:db?type=sql", properties("user", "alice", "password", "pw")),
                Arguments.of("a ttl", "jdbc:stconn:db?ttl=60", properties("user", "alice", "password", "pw")),
                Arguments.of("max_entries", "jdbc:stconn:db?max_entries=2", properties("user", "alice", "password", "pw")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differentRequests")
    void anyDifferenceGivesAnotherPoolKey(String what, String url, Properties info) throws SQLException {
        ConnectionRequest base = parse("jdbc:stconn:db", properties("user", "alice", "password", "pw"));

        assertThat(parse(url, info).poolKey()).isNotEqualTo(base.poolKey());
    }

    @Test
    void requestsAndPoolKeysNeverPrintThePassword() throws SQLException {
        ConnectionRequest request = parse("jdbc:stconn:db?password=S3cr3t-url&url=postgresql://u:S3cr3t-in-url@h/db",
                properties("token", "S3cr3t-token", "private_key_file_pwd", "S3cr3t-pwd"));

        assertThat(request.toString()).doesNotContain("S3cr3t").contains("db");
        assertThat(request.poolKey().toString()).doesNotContain("S3cr3t");
    }
}
