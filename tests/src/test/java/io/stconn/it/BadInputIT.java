package io.stconn.it;

import io.stconn.SqlState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input ends in an SQLException with the right SQLState, a message that says what and
 * where (file:line:column when the value came from a file), and the section's password nowhere: not
 * in a message, a cause, a toString or a log line (SEMANTICS 1, 3, 4, 5, 7 and 9).
 */
class BadInputIT {
    private static final String PW = Project.PASSWORD;
    private static final String PW_LINE = "password = \"" + PW + "\"\n";
    private static final String GOOD = "[connections.good]\nurl = \"jdbc:h2:mem:good\"\n" + PW_LINE;

    static Stream<Arguments> badInputs() {
        List<Bad> all = List.of(
                // ---- the URL (08001)
                Bad.of("empty name").url(p -> "jdbc:stconn:")
                        .expect(SqlState.INVALID_URL, "jdbc:stconn:"),
                Bad.of("empty name before parameters").url(p -> "jdbc:stconn:?project_dir=" + Project.encode(p.dir().toString()))
                        .secrets(GOOD).expect(SqlState.INVALID_URL, "jdbc:stconn:"),
                Bad.of("bad percent-encoding in the name").secrets(GOOD)
                        .url(p -> "jdbc:stconn:my%zzdb?project_dir=" + Project.encode(p.dir().toString()))
                        .expect(SqlState.INVALID_URL, "jdbc:stconn:"),
                Bad.of("truncated percent-encoding in a parameter").secrets(GOOD)
                        .url(p -> p.url("good") + "&ttl=%2")
                        .expect(SqlState.INVALID_URL, "jdbc:stconn:"),
                Bad.of("bad percent-encoding after a password parameter").secrets(GOOD)
                        .url(p -> p.url("good", "password=" + PW) + "&x=%G1")
                        .expect(SqlState.INVALID_URL, "jdbc:stconn:"),
                Bad.of("env: name whose variable is unset").secrets(GOOD)
                        .url(p -> "jdbc:stconn:env:UNSET_VAR_XYZ?project_dir=" + Project.encode(p.dir().toString()))
                        .expect(SqlState.INVALID_URL, "UNSET_VAR_XYZ"),
                Bad.of("env: without a variable").secrets(GOOD)
                        .url(p -> "jdbc:stconn:env:?project_dir=" + Project.encode(p.dir().toString()))
                        .expect(SqlState.INVALID_URL, "env"),

                // ---- malformed TOML (42601, path:line:column)
                Bad.of("unterminated string").name("good")
                        .secrets("[connections.good]\nurl = \"jdbc:h2:mem:x\n" + PW_LINE)
                        .expect(SqlState.MALFORMED_SECRETS).atSecrets(2),
                Bad.of("unterminated password string").name("good")
                        .secrets("[connections.good]\nurl = \"jdbc:h2:mem:x\"\npassword = \"" + PW + "\n")
                        .expect(SqlState.MALFORMED_SECRETS).atSecrets(3),
                Bad.of("unquoted password value").name("good")
                        .secrets("[connections.good]\npassword = " + PW + "\n")
                        .expect(SqlState.MALFORMED_SECRETS).atSecrets(2),
                Bad.of("key without a value").name("good")
                        .secrets("[connections.good]\n" + PW_LINE + "port =\n")
                        .expect(SqlState.MALFORMED_SECRETS).atSecrets(3),
                Bad.of("duplicate key").name("good")
                        .secrets("[connections.good]\n" + PW_LINE + "url = \"jdbc:h2:mem:a\"\nurl = \"jdbc:h2:mem:b\"\n")
                        .expect(SqlState.MALFORMED_SECRETS).atSecrets(4),
                Bad.of("duplicate table").name("good")
                        .secrets("[connections.good]\n" + PW_LINE + "[connections.good]\nurl = \"jdbc:h2:mem:x\"\n")
                        .expect(SqlState.MALFORMED_SECRETS).atSecrets(3),
                Bad.of("unclosed table header").name("good")
                        .secrets("[connections.good]\n" + PW_LINE + "[connections.other\nurl = \"jdbc:h2:mem:x\"\n")
                        .expect(SqlState.MALFORMED_SECRETS).atSecrets(3),
                Bad.of("invalid escape in a string").name("good")
                        .secrets("[connections.good]\n" + PW_LINE + "url = \"jdbc:h2:mem:\\q\"\n")
                        .expect(SqlState.MALFORMED_SECRETS).atSecrets(3),
                Bad.of("malformed config.toml").name("good").secrets(GOOD)
                        .file(".streamlit/config.toml", "[secrets]\nfiles = \"unterminated\n")
                        .expect(SqlState.MALFORMED_SECRETS).at(Project::configFile, 2),
                Bad.of("malformed second file of secrets_files")
                        .file("one.toml", GOOD)
                        .file("two.toml", "[connections.good]\n" + PW_LINE + "url = \n")
                        .url(p -> p.url("good", "secrets_files=" + p.resolve("one.toml") + File.pathSeparator
                                + p.resolve("two.toml")))
                        .expect(SqlState.MALFORMED_SECRETS).at(p -> p.resolve("two.toml"), 3),

                // ---- which files (08001)
                Bad.of("secrets_files naming only a missing file")
                        .url(p -> p.url("good", "secrets_files=" + p.resolve("nowhere/secrets.toml")))
                        .expect(SqlState.NO_SECRETS).mentions(p -> p.resolve("nowhere/secrets.toml").toString()),

                // ---- the name (42704)
                Bad.of("unknown name lists the names that exist").name("zzzz")
                        .secrets("[connections.analytics]\nurl = \"jdbc:h2:mem:a\"\n" + PW_LINE
                                + "[connections.billing]\nurl = \"jdbc:h2:mem:b\"\n" + PW_LINE)
                        .expect(SqlState.UNKNOWN_CONNECTION, "zzzz", "analytics", "billing"),
                Bad.of("near-miss name suggests the nearest").name("analytic")
                        .secrets("[connections.analytics]\nurl = \"jdbc:h2:mem:a\"\n" + PW_LINE
                                + "[connections.billing]\nurl = \"jdbc:h2:mem:b\"\n" + PW_LINE)
                        .expect(SqlState.UNKNOWN_CONNECTION, "did you mean", "analytics"),
                Bad.of("name hidden by the shallow merge names both files")
                        .file("one.toml", "[connections.alpha]\nurl = \"jdbc:h2:mem:a\"\n" + PW_LINE)
                        .file("two.toml", "[connections.beta]\nurl = \"jdbc:h2:mem:b\"\n" + PW_LINE)
                        .url(p -> p.url("alpha", "secrets_files=" + p.resolve("one.toml") + File.pathSeparator
                                + p.resolve("two.toml")))
                        .expect(SqlState.UNKNOWN_CONNECTION, "alpha")
                        .mentions(p -> p.resolve("one.toml").toString())
                        .mentions(p -> p.resolve("two.toml").toString()),
                Bad.of("secrets without a connections table").name("good")
                        .secrets("[other]\n" + PW_LINE)
                        .expect(SqlState.UNKNOWN_CONNECTION, "good"),

                // ---- the type (42704)
                Bad.of("unknown type in the section").name("good")
                        .secrets("[connections.good]\ntype = \"nosuchtype\"\n" + PW_LINE)
                        .expect(SqlState.UNKNOWN_TYPE, "nosuchtype").atSecrets(2),
                Bad.of("unknown type kwarg").secrets(GOOD)
                        .url(p -> p.url("good", "type=nosuchkwargtype"))
                        .expect(SqlState.UNKNOWN_TYPE, "nosuchkwargtype"),
                Bad.of("class not implementing the SPI").name("good")
                        .secrets("[connections.good]\ntype = \"io.stconn.it.NotAConnectionType\"\n" + PW_LINE)
                        .expect(SqlState.UNKNOWN_TYPE, "io.stconn.it.NotAConnectionType", "io.stconn.spi.ConnectionType")
                        .atSecrets(2),
                Bad.of("class name that does not exist").name("good")
                        .secrets("[connections.good]\ntype = \"com.example.NoSuchType\"\n" + PW_LINE)
                        .expect(SqlState.UNKNOWN_TYPE, "com.example.NoSuchType").atSecrets(2),
                Bad.of("nothing tells the type").name("good")
                        .secrets("[connections.good]\nhost = \"db.example.com\"\n" + PW_LINE)
                        .expect(SqlState.UNKNOWN_TYPE, "good", "type"),

                // ---- the dialect (0A000)
                Bad.of("unknown dialect lists the known ones").name("good")
                        .secrets("[connections.good]\ndialect = \"informix\"\nhost = \"db.example.com\"\n" + PW_LINE)
                        .expect(SqlState.UNKNOWN_DIALECT, "informix", "postgresql", "sqlite", "h2", "jdbc:").atSecrets(2),
                Bad.of("unknown dialect in a url holding a password").name("good")
                        .secrets("[connections.good]\nurl = \"informix://scott:" + PW + "@db.example.com/app\"\n")
                        .expect(SqlState.UNKNOWN_DIALECT, "informix").atSecrets(2),

                // ---- missing parameters (22004)
                Bad.of("postgresql without host").isolated().name("good")
                        .secrets("[connections.good]\ndialect = \"postgresql\"\nusername = \"scott\"\n"
                                + "database = \"app\"\n" + PW_LINE)
                        .expect(SqlState.MISSING_VALUE, "host"),
                Bad.of("sqlite without database").name("good")
                        .secrets("[connections.good]\ndialect = \"sqlite\"\n" + PW_LINE)
                        .expect(SqlState.MISSING_VALUE, "database"),

                // ---- driver class missing (08001)
                // rows naming a server host run in the drop-in jar alone with H2 (IsolatedStconn): the
                // real drivers on the test class path must never be asked to reach db.example.com
                Bad.of("mssql driver not on the class path").isolated().name("good")
                        .secrets("[connections.good]\ndialect = \"mssql\"\nhost = \"db.example.com\"\n"
                                + "database = \"app\"\nusername = \"scott\"\n" + PW_LINE)
                        .expect(SqlState.DRIVER_NOT_FOUND, "com.microsoft.sqlserver.jdbc.SQLServerDriver", "com.microsoft.sqlserver:mssql-jdbc"),
                Bad.of("postgresql url with a password whose driver is missing").isolated().name("good")
                        .secrets("[connections.good]\nurl = \"postgresql://scott:" + PW + "@db.example.com/app\"\n")
                        .expect(SqlState.DRIVER_NOT_FOUND, "org.postgresql.Driver", "org.postgresql:postgresql"),
                Bad.of("driver class that does not exist").name("good")
                        .secrets("[connections.good]\nurl = \"jdbc:h2:mem:x\"\ndriver = \"com.example.NoSuchDriver\"\n" + PW_LINE)
                        .expect(SqlState.DRIVER_NOT_FOUND, "com.example.NoSuchDriver").atSecrets(3),

                // ---- values of the wrong form (22023)
                Bad.of("ttl not a number").secrets(GOOD).url(p -> p.url("good", "ttl=abc"))
                        .expect(SqlState.INVALID_VALUE, "ttl"),
                Bad.of("ttl negative").secrets(GOOD).url(p -> p.url("good", "ttl=-5"))
                        .expect(SqlState.INVALID_VALUE, "ttl"),
                Bad.of("ttl with an unknown unit").secrets(GOOD).url(p -> p.url("good", "ttl=1w"))
                        .expect(SqlState.INVALID_VALUE, "ttl"),
                Bad.of("max_entries not a number").secrets(GOOD).url(p -> p.url("good", "max_entries=abc"))
                        .expect(SqlState.INVALID_VALUE, "max_entries"),
                Bad.of("max_entries negative").secrets(GOOD).url(p -> p.url("good", "max_entries=-1"))
                        .expect(SqlState.INVALID_VALUE, "max_entries"),
                Bad.of("port not a number in the secrets").isolated().name("good")
                        .secrets("[connections.good]\ndialect = \"postgresql\"\nhost = \"db.example.com\"\n"
                                + "port = \"abc\"\ndatabase = \"app\"\nusername = \"scott\"\n" + PW_LINE)
                        .expect(SqlState.INVALID_VALUE, "port").atSecrets(4),
                Bad.of("port out of range in the secrets").isolated().name("good")
                        .secrets("[connections.good]\ndialect = \"mysql\"\nhost = \"db.example.com\"\n"
                                + "port = 70000\ndatabase = \"app\"\nusername = \"scott\"\n" + PW_LINE)
                        .expect(SqlState.INVALID_VALUE, "port").atSecrets(4),
                Bad.of("port kwarg not a number").isolated()
                        .secrets("[connections.good]\ndialect = \"postgresql\"\nhost = \"db.example.com\"\n"
                                + "database = \"app\"\nusername = \"scott\"\n" + PW_LINE)
                        .url(p -> p.url("good", "port=x1"))
                        .expect(SqlState.INVALID_VALUE, "port"),
                Bad.of("port not a number in a url holding a password").isolated().name("good")
                        .secrets("[connections.good]\nurl = \"postgresql://scott:" + PW + "@db.example.com:notaport/app\"\n")
                        .expect(SqlState.INVALID_VALUE, "port").atSecrets(2),

                // ---- pool settings (22023)
                Bad.of("hikari value of the wrong type").name("good")
                        .secrets(GOOD + "[connections.good.hikari]\nmaximumPoolSize = \"lots\"\n")
                        .expect(SqlState.INVALID_POOL_SETTING, "maximumPoolSize").atSecrets(5),
                Bad.of("unknown hikari key in the secrets").name("good")
                        .secrets(GOOD + "[connections.good.hikari]\nnoSuchSetting = 5\n")
                        .expect(SqlState.INVALID_POOL_SETTING, "noSuchSetting").atSecrets(5),
                Bad.of("unknown hikari key as kwarg").secrets(GOOD)
                        .url(p -> p.url("good", "hikari.noSuchSetting=1"))
                        .expect(SqlState.INVALID_POOL_SETTING, "noSuchSetting"),
                Bad.of("pool_size not a number").name("good")
                        .secrets(GOOD + "create_engine_kwargs = { pool_size = \"big\" }\n")
                        .expect(SqlState.INVALID_VALUE, "pool_size").atSecrets(4),
                Bad.of("unknown isolation level").name("good")
                        .secrets(GOOD + "create_engine_kwargs = { isolation_level = \"SOMETIMES\" }\n")
                        .expect(SqlState.INVALID_VALUE, "SOMETIMES").atSecrets(4),
                Bad.of("unknown hikari key one letter off").name("good")
                        .secrets(GOOD + "[connections.good.hikari]\nmaximumPoolSiz = 3\n")
                        .expect(SqlState.INVALID_POOL_SETTING, "did you mean maximumPoolSize").atSecrets(5),

                // ---- what parsing may cost: bounded, told by file:line (42601)
                Bad.of("arrays nested 5,000 deep in another section").name("good")
                        .secrets(GOOD + "[other]\ndeep = " + "[".repeat(5000) + "]".repeat(5000) + "\n")
                        .expect(SqlState.MALFORMED_SECRETS, "nest").atSecrets(5),
                Bad.of("an unterminated string, then arrays nested 5,000 deep").name("good")
                        .secrets(GOOD + "note = \"abc\n[other]\ndeep = " + "[".repeat(5000) + "]".repeat(5000) + "\n")
                        .expect(SqlState.MALFORMED_SECRETS, "nest").atSecrets(6),
                Bad.of("inline tables nested 1,000 deep").name("good")
                        .secrets(GOOD + "t = " + "{a = ".repeat(1000) + "1" + "}".repeat(1000) + "\n")
                        .expect(SqlState.MALFORMED_SECRETS, "nest").atSecrets(4),
                Bad.of("a key dotted 3,000 levels deep").name("good")
                        .secrets(GOOD + "[other]\n" + "k.".repeat(3000) + "z = 1\n")
                        .expect(SqlState.MALFORMED_SECRETS, "dotted").atSecrets(5),
                Bad.of("a secrets file over 1 MB").name("good")
                        .secrets(GOOD + "big = '" + "x".repeat(1_100_000) + "'\n")
                        .expect(SqlState.MALFORMED_SECRETS, "MB"),
                Bad.of("escaped strings holding more than 128 KB").name("good")
                        .secrets(GOOD + "big = \"" + "\\t".repeat(70_000) + "\"\n")
                        .expect(SqlState.MALFORMED_SECRETS, "escapes").atSecrets(4),
                Bad.of("a \\u escape without hex digits").name("good")
                        .secrets(GOOD + "note = \"caf\\uZZZZ\"\n")
                        .expect(SqlState.MALFORMED_SECRETS, "hex digits").atSecrets(4),
                Bad.of("a \\U escape beyond Unicode").name("good")
                        .secrets(GOOD + "note = \"\\U00110000\"\n")
                        .expect(SqlState.MALFORMED_SECRETS, "Unicode").atSecrets(4),
                Bad.of("an escape TOML does not know").name("good")
                        .secrets(GOOD + "path = \"C:\\temp\\queries\"\n")
                        .expect(SqlState.MALFORMED_SECRETS, "not an escape").atSecrets(4),

                // ---- paths that are not paths, files that are not files (08001)
                Bad.of("a NUL in project_dir").secrets(GOOD)
                        .url(p -> "jdbc:stconn:good?project_dir=%00")
                        .expect(SqlState.NO_SECRETS, "project_dir"),
                Bad.of("a NUL in secrets_files").secrets(GOOD)
                        .url(p -> p.url("good", "secrets_files=a\u0000b"))
                        .expect(SqlState.NO_SECRETS, "secrets_files"),
                Bad.of(".streamlit/secrets.toml that is a folder").name("good")
                        .file(".streamlit/secrets.toml/connections", "x")
                        .expect(SqlState.NO_SECRETS, "is a folder"),
                Bad.of("secrets_files naming a device").secrets(GOOD)
                        .url(p -> p.url("good", "secrets_files=/dev/zero"))
                        .expect(SqlState.NO_SECRETS, "/dev/zero", "not a regular file"),
                Bad.of("a Snowflake private_key_file that does not exist").name("good")
                        .secrets("[connections.good]\ntype = \"snowflake\"\naccount = \"myorg-acct\"\nuser = \"me\"\n"
                                + "private_key_file = \"keys/none.p8\"\n" + PW_LINE)
                        .expect(SqlState.INVALID_VALUE, "keys/none.p8", "does not exist"));
        return all.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsAnSqlExceptionWithStateWhereAndNoPassword(Bad bad, @TempDir Path tmp) throws Exception {
        Project project = Project.in(tmp);
        bad.files.forEach(project::file);
        if (bad.secrets != null) {
            project.secrets(bad.secrets);
        }
        String url = bad.url.apply(project);
        Properties props = new Properties();
        props.setProperty("password", PW);
        Throwable thrown;
        try (LogCapture logs = new LogCapture()) {
            if (bad.isolated) {
                try (IsolatedStconn alone = IsolatedStconn.with(org.h2.Driver.class)) {
                    thrown = catchThrowable(() -> connect(alone.connect(url, props)));
                }
            } else {
                Driver driver = stconn();
                thrown = catchThrowable(() -> connect(driver.connect(url, props)));
            }
            assertThat(logs.text()).as("log lines").doesNotContain(PW);
        }
        assertThat(thrown).as("what connect threw").isInstanceOf(SQLException.class);
        SQLException e = (SQLException) thrown;
        Leaks.assertNoPassword(e);
        // for review: every message the table produces is in the failsafe report's output file
        System.out.println(bad + "\n    -> " + Errors.reason(e) + " " + e.getSQLState() + " " + e.getMessage());
        Errors.assertReason(e, bad.reason);
        for (String word : bad.words) {
            assertThat(e.getMessage()).containsIgnoringCase(word);
        }
        for (Function<Project, String> word : bad.dynamicWords) {
            assertThat(e.getMessage()).contains(word.apply(project));
        }
        if (bad.at != null) {
            Path file = bad.at.apply(project);
            assertThat(e.getMessage()).as("carries %s:%s:<column>", file, bad.line)
                    .containsPattern(Pattern.quote(file.toString()) + ":" + bad.line + ":\\d+");
        }
    }

    @Test
    void tableCoversAtLeastSixtyBadInputs() {
        assertThat(badInputs().count()).isGreaterThanOrEqualTo(60);
    }

    // ---- the driver contract for URLs

    static Stream<Arguments> anyStrings() {
        return Stream.of(
                Arguments.of("", false),
                Arguments.of(" ", false),
                Arguments.of("jdbc", false),
                Arguments.of("jdbc:", false),
                Arguments.of("jdbc:stconn", false),
                Arguments.of("jdbc:stconnx:db", false),
                Arguments.of("jdbc:h2:mem:x", false),
                Arguments.of("\uD800", false),
                Arguments.of("jdbc:stconn:", true),
                Arguments.of("jdbc:stconn:?x=1", true),
                Arguments.of("jdbc:stconn:%", true),
                Arguments.of("jdbc:stconn:%zz?x=%G1&&==", true),
                Arguments.of("jdbc:stconn:env:", true),
                Arguments.of("jdbc:stconn:env:UNSET_VAR_XYZ", true),
                Arguments.of("jdbc:stconn:\u0000", true),
                Arguments.of("jdbc:stconn:no-such-name?project_dir=%2Fno%2Fsuch%2Fdir", true),
                Arguments.of("jdbc:stconn:" + "x".repeat(100_000), true));
    }

    @ParameterizedTest
    @MethodSource("anyStrings")
    void acceptsUrlIsAPrefixTestThatNeverThrows(String url, boolean accepted) {
        Driver driver = stconn();
        assertThatCode(() -> driver.acceptsURL(url)).doesNotThrowAnyException();
        assertThat(catchBoolean(driver, url)).isEqualTo(accepted);
    }

    @Test
    void acceptsUrlNeverThrowsForOddCase() {
        assertThatCode(() -> stconn().acceptsURL("JDBC:STCONN:x")).doesNotThrowAnyException();
    }

    @Test
    void connectReturnsNullForForeignUrls() throws SQLException {
        Driver driver = stconn();
        for (String foreign : List.of("jdbc:h2:mem:x", "jdbc:sqlite::memory:", "jdbc:postgresql://db.example.com/app",
                "jdbc:stconnx:db", "stconn:db", "")) {
            assertThat(driver.connect(foreign, new Properties())).as(foreign).isNull();
        }
    }

    @Test
    void connectWithNullPropertiesIsNeverANullPointerException(@TempDir Path tmp) throws SQLException {
        Driver driver = stconn();
        Throwable bad = catchThrowable(() -> driver.connect("jdbc:stconn:", null));
        assertThat(bad).isInstanceOf(SQLException.class);
        String name = Project.uniqueName("nullprops");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\nurl = \"jdbc:h2:mem:" + name + "\"\n");
        try (Connection c = driver.connect(project.url(name), null)) {
            assertThat(Dbs.one(c, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void noSecretsFileAtAllListsEveryPathSearched(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        Project project = Project.in(tmp);
        List<String> lines = ChildJvm.probe(home, tmp, Map.of(), project.url("anything"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .startsWith("ERR 08001 ")
                .contains(home.toAbsolutePath().resolve(".streamlit").resolve("secrets.toml").toString())
                .contains(project.secretsFile().toString());
    }

    private static void connect(Connection c) throws SQLException {
        try (c) {
            throw new AssertionError("connected, to " + (c == null ? "nothing (null)" : c.getMetaData().getURL()));
        }
    }

    private static boolean catchBoolean(Driver driver, String url) {
        try {
            return driver.acceptsURL(url);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static Driver stconn() {
        try {
            Driver driver = DriverManager.getDriver("jdbc:stconn:any");
            assertThat(driver.getClass().getName()).isEqualTo(Jars.DRIVER_CLASS);
            return driver;
        } catch (SQLException e) {
            throw new AssertionError("DriverManager has no driver for jdbc:stconn:", e);
        }
    }

    /** One row of the table: the files of the project, the URL, and what the error must say. */
    static final class Bad {
        final String what;
        String secrets;
        final Map<String, String> files = new LinkedHashMap<>();
        Function<Project, String> url;
        SqlState reason;
        final List<String> words = new ArrayList<>();
        final List<Function<Project, String>> dynamicWords = new ArrayList<>();
        Function<Project, Path> at;
        int line;
        boolean isolated;

        private Bad(String what) {
            this.what = what;
        }

        static Bad of(String what) {
            return new Bad(what);
        }

        Bad secrets(String toml) {
            this.secrets = toml;
            return this;
        }

        Bad file(String relative, String content) {
            files.put(relative, content);
            return this;
        }

        Bad url(Function<Project, String> url) {
            this.url = url;
            return this;
        }

        Bad name(String name) {
            return url(p -> p.url(name));
        }

        Bad expect(SqlState reason, String... keywords) {
            this.reason = reason;
            words.addAll(List.of(keywords));
            return this;
        }

        Bad mentions(Function<Project, String> word) {
            dynamicWords.add(word);
            return this;
        }

        Bad at(Function<Project, Path> file, int line) {
            this.at = file;
            this.line = line;
            return this;
        }

        /** Run with the drop-in jar and H2 alone, so no other real driver can be reached. */
        Bad isolated() {
            this.isolated = true;
            return this;
        }

        Bad atSecrets(int line) {
            return at(Project::secretsFile, line);
        }

        @Override
        public String toString() {
            return what;
        }
    }
}
