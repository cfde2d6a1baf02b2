package io.stconn.secrets;

import io.stconn.SqlState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConfigValue.Source;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SEMANTICS.md section 3, what the files say: origins, Streamlit's shallow merge, the errors for
 * a missing name, for no files, for malformed TOML, and Kubernetes-style secrets folders.
 */
class SecretsTest {
    @TempDir
    Path root;
    private Path project;
    private Path home;
    private Path projectSecrets;
    private Path homeSecrets;

    @BeforeEach
    void folders() throws IOException {
        project = Files.createDirectories(root.resolve("project"));
        home = Files.createDirectories(root.resolve("home"));
        projectSecrets = project.resolve(".streamlit").resolve("secrets.toml");
        homeSecrets = home.resolve(".streamlit").resolve("secrets.toml");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** The merged secrets of the defaults, through a fresh store as the driver reads them. */
    private Secrets secrets() throws SQLException {
        return new SecretsStore().watch(project, home, null, null).current().secrets();
    }

    private Secrets secrets(String secretsFilesKwarg) throws SQLException {
        return new SecretsStore().watch(project, home, secretsFilesKwarg, null).current().secrets();
    }

    private SQLException readFailure() {
        return catchThrowableOfType(SQLException.class, this::secrets);
    }

    // ---- values and where they come from ----

    @Test
    void sectionValuesCarryFileLineAndColumn() throws SQLException, IOException {
        write(projectSecrets, """
                # the app's database
                [connections.mydb]
                url = "postgresql://u@h/db"
                  port = 5432
                create_engine_kwargs = { pool_size = 3 }

                [connections.other]
                dialect = "mysql"
                """);

        Map<String, ConfigValue> section = secrets().section("mydb").orElseThrow();

        assertThat(section.keySet()).containsExactly("url", "port", "create_engine_kwargs");
        assertThat(section.get("url").origin()).isEqualTo(projectSecrets + ":3:1");
        assertThat(section.get("port").origin()).isEqualTo(projectSecrets + ":4:3");
        assertThat(section.get("create_engine_kwargs").origin()).isEqualTo(projectSecrets + ":5:1");
        assertThat(section.get("url").value()).isEqualTo("postgresql://u@h/db");
        assertThat(section.get("port").value()).isEqualTo(5432L);
        assertThat(section.get("create_engine_kwargs").value()).isEqualTo(Map.of("pool_size", 3L));
        assertThat(section.values()).allSatisfy(v -> assertThat(v.source()).isEqualTo(Source.SECRETS));
    }

    @Test
    void aQuotedSectionNameIsFound() throws SQLException, IOException {
        write(projectSecrets, "[connections.\"my db\"]\nurl = \"sqlite://\"\n");

        assertThat(secrets().connectionNames()).containsExactly("my db");
        assertThat(secrets().section("my db")).isPresent();
    }

    @Test
    void aQuotedSectionNameWithADotKeepsItsOrigins() throws SQLException, IOException {
        write(projectSecrets, "[connections.\"eu.prod\"]\nurl = \"sqlite://\"\n[connections.eu]\nurl = \"h2:///mem:eu\"\n");

        Secrets secrets = secrets();

        assertThat(secrets.connectionNames()).containsExactly("eu", "eu.prod");
        assertThat(secrets.section("eu.prod").orElseThrow().get("url").origin()).isEqualTo(projectSecrets + ":2:1");
        assertThat(secrets.section("eu").orElseThrow().get("url").value()).isEqualTo("h2:///mem:eu");
    }

    @Test
    void aMissingSectionIsEmpty() throws SQLException, IOException {
        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite://\"\n");

        assertThat(secrets().section("other")).isEmpty();
    }

    @Test
    void filesAreReadHomeThenProjectAndTheLaterWinsByTopLevelKey() throws SQLException, IOException {
        write(homeSecrets, "api_key = \"from-home\"\nregion = \"eu\"\n[connections.homedb]\nurl = \"sqlite://\"\n");
        write(projectSecrets, "api_key = \"from-project\"\n");

        Secrets secrets = secrets();

        assertThat(secrets.files()).containsExactly(homeSecrets, projectSecrets);
        assertThat(secrets.connectionNames()).containsExactly("homedb");
        assertThat(secrets.connectionsFile()).contains(homeSecrets);
        assertThat(secrets.section("homedb").orElseThrow().get("url").origin()).isEqualTo(homeSecrets + ":4:1");
    }

    // ---- Streamlit's shallow merge, explained ----

    @Test
    void aLaterConnectionsTableReplacesTheEarlierWholeTable() throws SQLException, IOException {
        write(homeSecrets, "[connections.homedb]\nurl = \"sqlite://\"\n[connections.shared]\nurl = \"h2:///mem:home\"\n");
        write(projectSecrets, "[connections.shared]\nurl = \"h2:///mem:project\"\n");

        Secrets secrets = secrets();

        assertThat(secrets.connectionNames()).containsExactly("shared");
        assertThat(secrets.connectionsFile()).contains(projectSecrets);
        assertThat(secrets.section("homedb")).isEmpty();
        assertThat(secrets.section("shared").orElseThrow().get("url").value()).isEqualTo("h2:///mem:project");
        assertThat(secrets.section("shared").orElseThrow().get("url").origin()).isEqualTo(projectSecrets + ":2:1");
    }

    @Test
    void aHiddenNameIsExplainedNamingBothFiles() throws SQLException, IOException {
        write(homeSecrets, "[connections.homedb]\nurl = \"sqlite://\"\n");
        write(projectSecrets, "[connections.projectdb]\nurl = \"sqlite://\"\n");

        SQLException e = secrets().notFound("homedb");

        assertThat(SqlState.reasonOf(e)).contains(SqlState.UNKNOWN_CONNECTION);
        assertThat(e.getMessage()).startsWith("No connection named 'homedb' in the secrets: [connections.homedb] is "
                + "defined in " + homeSecrets + " but hidden by " + projectSecrets + ", whose [connections] table "
                + "replaces the earlier one whole");
        assertThat(e.getMessage()).contains("Move the section into " + projectSecrets);
    }

    @Test
    void aNameHiddenInSeveralFilesNamesThemAll() throws SQLException, IOException {
        Path first = root.resolve("first.toml");
        Path second = root.resolve("second.toml");
        Path third = root.resolve("third.toml");
        write(first, "[connections.old]\nurl = \"sqlite://\"\n");
        write(second, "[connections.old]\nurl = \"sqlite://\"\n");
        write(third, "[connections.new]\nurl = \"sqlite://\"\n");

        SQLException e = secrets(first + File.pathSeparator + second + File.pathSeparator + third).notFound("old");

        assertThat(e.getMessage()).contains("[connections.old] is defined in " + first + " and " + second
                + " but hidden by " + third);
    }

    @Test
    void definitionsListEveryFilesConnectionsInForceFirstThenTheHiddenOnes() throws SQLException, IOException {
        Path first = root.resolve("first.toml");
        Path second = root.resolve("second.toml");
        Path third = root.resolve("third.toml");
        write(first, "[connections.old]\nurl = \"sqlite://\"\n[connections.shared]\nurl = \"sqlite://\"\n");
        write(second, "title = \"no connections here\"\n\n[connections.old]\nurl = \"sqlite://\"\n");
        write(third, "[connections.zeta]\nurl = \"sqlite://\"\n\n[connections.shared]\nurl = \"sqlite://\"\n");

        Secrets secrets = secrets(first + File.pathSeparator + second + File.pathSeparator + third);

        assertThat(secrets.definitions()).containsExactly(
                new Secrets.Definition("shared", third, third + ":4:1", null),
                new Secrets.Definition("zeta", third, third + ":1:1", null),
                new Secrets.Definition("old", first, first + ":1:1", third),
                new Secrets.Definition("old", second, second + ":3:1", third));
        assertThat(secrets.definitions().get(0).hidden()).isFalse();
        assertThat(secrets.definitions().get(2).hidden()).isTrue();
    }

    @Test
    void definitionsOfAFileWithoutConnectionsAreNone() throws SQLException, IOException {
        write(projectSecrets, "api_key = \"x\"\n");
        assertThat(secrets().definitions()).isEmpty();
    }

    // ---- a name that is not there ----

    @Test
    void aMissingNameListsTheNamesTheFilesAndTheNearestName() throws SQLException, IOException {
        write(projectSecrets, "[connections.mydb]\nurl = \"sqlite://\"\n[connections.analytics]\nurl = \"sqlite://\"\n");

        SQLException e = secrets().notFound("mydbb");

        assertThat(SqlState.reasonOf(e)).contains(SqlState.UNKNOWN_CONNECTION);
        assertThat(e.getMessage()).isEqualTo("No connection named 'mydbb' in the secrets: the connections are "
                + "[analytics, mydb] (did you mean 'mydb'?). Files read (the default locations): [" + projectSecrets
                + "]. Add a [connections.mydbb] section, or fix the name in the URL.");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"MyDB, mydb", "analytic, analytics", "analitycs, analytics", "my_db, mydb", "snowflak, snowflake"})
    void theNearestNameIsSuggested(String asked, String suggested) throws SQLException, IOException {
        write(projectSecrets, "[connections.mydb]\n[connections.analytics]\n[connections.snowflake]\n");

        assertThat(secrets().notFound(asked).getMessage()).contains("(did you mean '" + suggested + "'?)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"warehouse", "x", "completely_different"})
    void noSuggestionWhenNothingIsClose(String asked) throws SQLException, IOException {
        write(projectSecrets, "[connections.mydb]\n[connections.analytics]\n");

        assertThat(secrets().notFound(asked).getMessage()).doesNotContain("did you mean");
    }

    @Test
    void aMissingConnectionsTableIsSaid() throws SQLException, IOException {
        write(projectSecrets, "api_key = \"k\"\n");

        SQLException e = secrets().notFound("mydb");

        assertThat(SqlState.reasonOf(e)).contains(SqlState.UNKNOWN_CONNECTION);
        assertThat(e.getMessage()).contains("there is no [connections] table at all").contains(projectSecrets.toString());
    }

    @Test
    void noFilesAtAllListsEveryPathSearched() throws SQLException {
        SQLException e = secrets().notFound("mydb");

        assertThat(SqlState.reasonOf(e)).contains(SqlState.NO_SECRETS);
        assertThat(e.getMessage()).startsWith("No secrets file found for connection 'mydb'. Searched (the default "
                + "locations): " + homeSecrets + "; " + projectSecrets + ";");
        assertThat(e.getMessage()).contains("project_dir").contains("STCONN_PROJECT_DIR");
    }

    @Test
    void noFilesOfAnExplicitListListsThatList() throws SQLException {
        Path a = root.resolve("a.toml");
        Path b = root.resolve("b");

        SQLException e = secrets(a + File.pathSeparator + b).notFound("mydb");

        assertThat(SqlState.reasonOf(e)).contains(SqlState.NO_SECRETS);
        assertThat(e.getMessage()).contains("Searched (the secrets_files kwarg): " + a + "; " + b + ";");
    }

    // ---- malformed TOML ----

    @Test
    void malformedTomlGivesPathLineAndColumnOfEveryError() throws IOException {
        write(projectSecrets, """
                [connections.mydb]
                password = S3cr3t-unquoted
                url = postgresql://u:S3cr3t@h/db
                """);

        SQLException e = readFailure();

        assertThat(SqlState.reasonOf(e)).contains(SqlState.MALFORMED_SECRETS);
        assertThat(e.getMessage()).startsWith("Malformed TOML: " + projectSecrets + ":2:12: ");
        assertThat(e.getMessage()).contains("; " + projectSecrets + ":3:7: ");
        assertThat(e.getMessage()).contains("TOML strings need quotes: write key = \"value\", not key = value.");
        assertThat(e.getMessage()).doesNotContain("S3cr3t");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "password = S3cr3t-unquoted",
            "password = S3cr3t\"",
            "password = \"S3cr3t",
            "password = 'S3cr3t",
            "password = \"\"\"S3cr3t",
            "password = [S3cr3t]",
            "PASSWORD = S3cr3t",
            "token = S3cr3t abc",
            "private_key_file_pwd = S3cr3t",
            "url = postgresql://u:S3cr3t@h/db",
            "url = \"postgresql://u:S3cr3t@h/db",
            "url = 'mysql://u:S3cr3t@h/db",
    })
    void aSecretOnTheBrokenLineNeverAppearsInTheMessage(String brokenLine) throws IOException {
        write(projectSecrets, "[connections.mydb]\ndialect = \"postgresql\"\n" + brokenLine + "\nhost = \"h\"\n");

        SQLException e = readFailure();

        assertThat(SqlState.reasonOf(e)).contains(SqlState.MALFORMED_SECRETS);
        assertThat(e.getMessage()).contains(projectSecrets + ":").doesNotContain("S3cr3t").doesNotContain("S3c");
        assertThat(e.getCause()).satisfiesAnyOf(
                c -> assertThat(c).isNull(),
                c -> assertThat(c.getMessage()).doesNotContain("S3cr3t"));
    }

    @Test
    void anErrorInALaterFileNamesThatFile() throws IOException {
        write(homeSecrets, "[connections.ok]\nurl = \"sqlite://\"\n");
        write(projectSecrets, "[connections.broken\n");

        SQLException e = readFailure();

        assertThat(SqlState.reasonOf(e)).contains(SqlState.MALFORMED_SECRETS);
        assertThat(e.getMessage()).contains(projectSecrets + ":1:").doesNotContain(homeSecrets.toString());
    }

    @Test
    void aDuplicateKeyIsMalformed() throws IOException {
        write(projectSecrets, "[connections.mydb]\nurl = \"a\"\nurl = \"b\"\n");

        SQLException e = readFailure();

        assertThat(SqlState.reasonOf(e)).contains(SqlState.MALFORMED_SECRETS);
        assertThat(e.getMessage()).contains(projectSecrets + ":3:");
    }

    // ---- a section that is not a table ----

    @Test
    void aSectionThatIsNotATableIsAnInvalidValue() throws SQLException, IOException {
        write(projectSecrets, "[connections]\nmydb = \"postgresql://u:S3cr3t@h/db\"\n");

        SQLException e = catchThrowableOfType(SQLException.class, () -> secrets().section("mydb"));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_VALUE);
        assertThat(e.getMessage()).isEqualTo("[connections.mydb] at " + projectSecrets + ":2:1 is not a table: write it "
                + "as a section, [connections.mydb], with keys such as url = \"...\"");
    }

    // ---- Kubernetes-style secrets folders ----

    /**
     * As a Kubernetes secret volume lays it out: the data lives in a timestamped folder, {@code ..data}
     * points at it, and every visible entry is a link through {@code ..data}.
     */
    private Path kubernetesFolder() throws IOException {
        Path dir = Files.createDirectories(root.resolve("mounted"));
        Path data = Files.createDirectories(dir.resolve("..2024_05_01_12_00_00.123456789"));
        write(data.resolve("connections/mydb/url"), "postgresql://db.internal:5432/app\n");
        write(data.resolve("connections/mydb/password"), "  S3cr3t\n");
        write(data.resolve("connections/mydb/username"), "app");
        write(data.resolve("api_key/value"), "\tkey-123 \n");
        write(data.resolve("settings/a"), "1");
        write(data.resolve("settings/b"), "2");
        Files.createSymbolicLink(dir.resolve("..data"), data.getFileName());
        for (String entry : new String[] {"connections", "api_key", "settings"}) {
            Files.createSymbolicLink(dir.resolve(entry), Path.of("..data", entry));
        }
        return dir;
    }

    @Test
    void aSecretsFolderIsReadAsATreeOfTrimmedTexts() throws SQLException, IOException {
        Path dir = kubernetesFolder();

        Secrets secrets = secrets(dir.toString());
        Map<String, ConfigValue> section = secrets.section("mydb").orElseThrow();

        assertThat(secrets.connectionNames()).containsExactly("mydb");
        assertThat(section.keySet()).containsExactlyInAnyOrder("url", "password", "username");
        assertThat(section.get("url").value()).isEqualTo("postgresql://db.internal:5432/app");
        assertThat(section.get("password").value()).isEqualTo("S3cr3t");
        assertThat(section.get("username").value()).isEqualTo("app");
        assertThat(section.get("url").origin()).isEqualTo(dir.resolve("connections/mydb/url").toString());
        assertThat(section.get("password").source()).isEqualTo(Source.SECRETS);
    }

    @Test
    void aTopLevelSubfolderWithOneFileIsThatFilesText() throws SQLException, IOException {
        SecretsSource source = SecretsParser.parse(kubernetesFolder());

        assertThat(source.tree()).containsEntry("api_key", "key-123");
        assertThat(source.tree()).containsEntry("settings", Map.of("a", "1", "b", "2"));
    }

    @Test
    void dotDotDataEntriesAreSkipped() throws SQLException, IOException {
        SecretsSource source = SecretsParser.parse(kubernetesFolder());

        assertThat(source.tree().keySet()).containsExactlyInAnyOrder("connections", "api_key", "settings");
    }

    @Test
    void aFolderAndAFileMergeLikeTwoFiles() throws SQLException, IOException {
        Path dir = kubernetesFolder();
        Path file = root.resolve("extra.toml");
        write(file, "region = \"eu\"\n");

        Secrets secrets = secrets(file + File.pathSeparator + dir);

        assertThat(secrets.files()).containsExactly(file, dir);
        assertThat(secrets.section("mydb").orElseThrow().get("username").value()).isEqualTo("app");
    }
}
