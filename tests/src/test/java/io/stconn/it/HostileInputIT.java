package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.stconn.StconnDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a hostile or careless user can write: every input ends in a connection or an SQLException
 * saying what and where, in bounded time and memory, and no secret leaks out.
 */
class HostileInputIT {
    private static final String PW = Project.PASSWORD;

    @TempDir
    Path tmp;

    @Test
    void aNulInTheProjectFolderIsAnSqlException() {
        String url = "jdbc:stconn:x?project_dir=%00";
        SQLException e = Errors.connectError(url);
        Errors.assertError(e, "08001", "project_dir");
        assertThatCode(() -> DriverManager.getDriver(url).getPropertyInfo(url, new Properties()))
                .doesNotThrowAnyException();
    }

    /** Each form that overflowed the stack: arrays, inline tables, dotted keys (after the section, at line 3 or 4). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "arrays nested 5000 deep in another section, 4",
        "inline tables nested 1000 deep, 3",
        "a key dotted 3000 levels deep, 4"})
    void deepNestingIsRefusedWithItsLineByGetConnectionAndGetPropertyInfo(String form, int line) throws Exception {
        String deep = switch (form.substring(0, 2)) {
            case "ar" -> "[other]\ndeep = " + "[".repeat(5000) + "]".repeat(5000);
            case "in" -> "t = " + "{a = ".repeat(1000) + "1" + "}".repeat(1000);
            default -> "[other]\n" + "k.".repeat(3000) + "z = 1";
        };
        String name = Project.uniqueName("deep");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\nurl = \"jdbc:h2:mem:" + name + "\"\n"
                + deep + "\n");
        SQLException e = Errors.connectError(project.url(name));
        Errors.assertError(e, "42601", project.secretsFile() + ":" + line, "nest");
        propertyInfoAnswers(project.url(name));
    }

    @Test
    void aRunningPoolSurvivesADeepEditWithAClearError() throws Exception {
        String name = Project.uniqueName("deepedit");
        String good = "[connections." + name + "]\nurl = \"jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1\"\n";
        Project project = Project.in(tmp).secrets(good);
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(c.isValid(2)).isTrue();
        }
        project.secrets(good + "[other]\ndeep = " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        Files.setLastModifiedTime(project.secretsFile(), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Thread.sleep(400);
        SQLException e = Errors.connectError(project.url(name));
        Errors.assertError(e, "42601", project.secretsFile() + ":4");
    }

    @Test
    void aSecretsFileOverTheSizeLimitIsRefusedBeforeParsing() throws Exception {
        String name = Project.uniqueName("huge");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\nurl = \"jdbc:h2:mem:" + name + "\"\n"
                + "big = \"" + "x".repeat(3 * 1024 * 1024) + "\"\n");
        SQLException e = Errors.connectError(project.url(name));
        Errors.assertError(e, "42601", project.secretsFile().toString(), "MB");
    }

    /** A 1 MB secrets file (one long basic string: the costliest form for the parser) in a 256 MB heap. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aOneMegabyteSecretsFileParsesInA256MegabyteHeap() throws Exception {
        String name = "big";
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n"
                + "url = \"jdbc:h2:mem:big;INIT=CREATE TABLE IF NOT EXISTS marker(v VARCHAR) AS SELECT 'one megabyte'\"\n"
                + "[blob]\nbig = \"" + "abcdefghij".repeat(56_500) + "\"\n"
                + "escaped = \"" + "tab\\there ".repeat(5_000) + "\"\n"
                + "lines = \"\"\"\n" + "line of text\n".repeat(30_000) + "\"\"\"\n");
        assertThat(Files.size(project.secretsFile())).isBetween(1_000_000L, 1_048_576L);
        assertThat(ChildJvm.probe(tmp, tmp, java.util.Map.of(), java.util.List.of("-Xmx256m"), project.url(name)))
                .containsExactly("OK one megabyte");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSecretsFolderWithLinksToItsOwnParentsAnswersQuickly() throws Exception {
        String name = "x";
        Path folder = Files.createDirectories(tmp.resolve("s/connections/x"));
        Files.writeString(folder.resolve("url"), "jdbc:h2:mem:loop");
        Files.createSymbolicLink(folder.resolve("a"), Path.of(".."));
        Files.createSymbolicLink(folder.resolve("b"), Path.of(".."));
        Project project = Project.in(tmp);
        String url = project.url(name, "secrets_files=" + tmp.resolve("s"));
        SQLException e = Errors.connectError(url);
        Errors.assertError(e, "42601", "loop", folder.resolve("a").toString());
        propertyInfoAnswers(url);
    }

    @Test
    void getUrlOfTheMetadataShowsNoPasswordWrittenInAJdbcUrl() throws Exception {
        String name = Project.uniqueName("pgurl");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n"
                + "url = " + Project.toml(Servers.Server.POSTGRESQL.directUrl + "?user=" + Servers.APP_USER
                        + "&password=" + Servers.APP_PASSWORD) + "\n");
        Servers.require(Servers.Server.POSTGRESQL);
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(c.getMetaData().getURL()).doesNotContain(Servers.APP_PASSWORD).contains("127.0.0.1:5432");
            assertThat(c.getMetaData().getUserName()).isEqualTo(Servers.APP_USER);
        }
    }

    /** A login left in a MariaDB jdbc: url: the driver masks it in getURL itself, and unwrap still reaches it. */
    @Test
    void getUrlOfTheMetadataShowsNoPasswordWrittenInAMariaDbUrl() throws Exception {
        String name = Project.uniqueName("mariaurl");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n"
                + "url = " + Project.toml(Servers.Server.MARIADB.directUrl + "?user=" + Servers.APP_USER
                        + "&password=" + Servers.APP_PASSWORD) + "\n");
        Servers.require(Servers.Server.MARIADB);
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(c.getMetaData().getURL()).doesNotContain(Servers.APP_PASSWORD).contains("127.0.0.1");
            assertThat(c.getMetaData().getConnection().getMetaData().getURL()).doesNotContain(Servers.APP_PASSWORD);
            assertThat(c.isWrapperFor(org.mariadb.jdbc.Connection.class)).isTrue();
            assertThat(c.unwrap(org.mariadb.jdbc.Connection.class)).isNotNull();
            assertThat(Dbs.one(c, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void theJndiReferenceNamesTheConnectionAndHoldsNoPassword() throws Exception {
        StconnDataSource ds = new StconnDataSource();
        ds.setUrl("jdbc:stconn:shop?password=" + PW + "&ttl=60");
        ds.setPassword(PW + "-setter");
        String reference = ds.getReference().toString();
        assertThat(reference).doesNotContain(PW).contains("shop");
        assertThat(ds.toString()).doesNotContain(PW);
    }

    @Test
    void anInvalidUtf8ByteIsNamedWithItsLine() throws Exception {
        String name = Project.uniqueName("utf");
        Project project = Project.in(tmp);
        byte[] head = ("[connections." + name + "]\nurl = \"jdbc:h2:mem:x\"\nnote = \"caf").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9; // é in Latin-1: not UTF-8
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        Files.write(project.secretsFile(), all);
        SQLException e = Errors.connectError(project.url(name));
        Errors.assertError(e, "42601", project.secretsFile() + ":3", "UTF-8");
        assertThat(e.getMessage()).doesNotContainIgnoringCase("readable");
    }

    @Test
    void aUtf8ByteOrderMarkAtTheStartIsAccepted() throws Exception {
        String name = Project.uniqueName("bom");
        Project project = Project.in(tmp).secrets("\uFEFF[connections." + name + "]\nurl = \"jdbc:h2:mem:" + name + "\"\n");
        try (Connection c = DriverManager.getConnection(project.url(name))) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void aTtlInsideTheSectionIsNotSilentlyIgnored() throws Exception {
        String name = Project.uniqueName("ttl");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\nurl = \"jdbc:h2:mem:" + name + "\"\n"
                + "ttl = \"abc\"\n");
        try (LogCapture logs = new LogCapture()) {
            SQLException error = null;
            try (Connection c = DriverManager.getConnection(project.url(name))) {
                assertThat(c.isValid(2)).isTrue();
            } catch (SQLException e) {
                error = e;
            }
            String said = error != null ? error.getMessage() : logs.text();
            assertThat(said).contains("ttl").contains(project.secretsFile() + ":3");
        }
    }

    @Test
    void aSecretsTomlThatIsAFolderIsCalledAFolder() throws Exception {
        String name = Project.uniqueName("folder");
        Project project = Project.in(tmp);
        Files.createDirectories(project.secretsFile());
        SQLException e = Errors.connectError(project.url(name));
        assertThat(e.getMessage()).contains(project.secretsFile() + " is a folder");
    }

    @Test
    void aSecretsFileOthersMayWriteIsWarnedAboutOnce() throws Exception {
        String name = Project.uniqueName("perm");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\nurl = \"jdbc:h2:mem:" + name + "\"\n");
        Files.setPosixFilePermissions(project.secretsFile(), PosixFilePermissions.fromString("rw-rw-rw-"));
        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                try (Connection c = DriverManager.getConnection(project.url(name, "ttl=" + (100 + i)))) {
                    assertThat(c.isValid(2)).isTrue();
                }
            }
            String text = logs.text();
            assertThat(text).contains(project.secretsFile().toString()).contains("chmod");
            assertThat(text.split(java.util.regex.Pattern.quote("chmod"), -1)).as("warned once").hasSize(2);
        }
    }

    @Test
    void sslDemandedFromAServerWithoutSslGetsAdviceAboutSsl() throws Exception {
        Servers.require(Servers.Server.POSTGRESQL);
        String name = Project.uniqueName("ssl");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n"
                + "url = " + Project.toml("postgresql://" + Servers.APP_USER + ":" + Servers.APP_PASSWORD
                        + "@127.0.0.1:5432/" + Servers.DATABASE + "?sslmode=require") + "\n");
        SQLException e = Errors.connectError(project.url(name));
        assertThat(e.getMessage()).contains("SSL").contains("sslmode").doesNotContain("Check user and password")
                .doesNotContain(Servers.APP_PASSWORD);
    }

    @Test
    void aMissingSnowflakeKeyFileIsNamed() throws Exception {
        String name = Project.uniqueName("sfkey");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\ntype = \"snowflake\"\n"
                + "account = \"myorg-myaccount\"\nuser = \"me\"\nauthenticator = \"SNOWFLAKE_JWT\"\n"
                + "private_key_file = \"keys/rsa_key.p8\"\n");
        SQLException e = Errors.connectError(project.url(name));
        assertThat(e.getMessage()).contains(project.resolve("keys/rsa_key.p8").toString()).contains("does not exist");
    }

    @Test
    void anUnknownPoolSettingGetsTheNearestNameAndNoSevereLog() throws Exception {
        String name = Project.uniqueName("hikari");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\nurl = \"jdbc:h2:mem:" + name + "\"\n"
                + "[connections." + name + ".hikari]\nmaximumPoolSiz = 3\n");
        try (LogCapture logs = new LogCapture()) {
            SQLException e = Errors.connectError(project.url(name));
            Errors.assertError(e, "22023", "maximumPoolSiz", "did you mean maximumPoolSize", project.secretsFile() + ":4");
            assertThat(logs.text()).doesNotContain("SEVERE");
        }
    }

    private static void propertyInfoAnswers(String url) {
        assertThatCode(() -> DriverManager.getDriver(url).getPropertyInfo(url, new Properties()))
                .doesNotThrowAnyException();
    }
}
