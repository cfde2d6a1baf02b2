package io.stconn.secrets;

import io.stconn.SqlState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SEMANTICS.md section 3, which files are read. Precedence, highest first: the secrets_files kwarg,
 * env STREAMLIT_SECRETS_FILES, {@code [secrets] files} in the project's config.toml, then in the
 * home config.toml, then the defaults (home, then project).
 */
class SecretsLocatorTest {
    @TempDir
    Path root;
    private Path project;
    private Path home;
    private Path projectConfig;
    private Path homeConfig;

    @BeforeEach
    void folders() throws IOException {
        project = Files.createDirectories(root.resolve("project"));
        home = Files.createDirectories(root.resolve("home"));
        projectConfig = project.resolve(".streamlit").resolve("config.toml");
        homeConfig = home.resolve(".streamlit").resolve("config.toml");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private SecretsPlan locate(String kwarg, String env) throws SQLException {
        return SecretsLocator.locate(project, home, kwarg, env);
    }

    @Test
    void defaultsAreHomeThenProject() throws SQLException {
        SecretsPlan plan = locate(null, null);

        assertThat(plan.entries()).containsExactly(home.resolve(".streamlit/secrets.toml"),
                project.resolve(".streamlit/secrets.toml"));
        assertThat(plan.reason()).isEqualTo("the default locations");
        assertThat(plan.configFiles()).containsExactly(projectConfig, homeConfig);
    }

    @Test
    void blankOptionsMeanTheDefaults() throws SQLException {
        assertThat(locate("  ", " ").entries()).containsExactly(home.resolve(".streamlit/secrets.toml"),
                project.resolve(".streamlit/secrets.toml"));
    }

    @Test
    void aConfigWithoutTheOptionMeansTheDefaults() throws SQLException, IOException {
        write(projectConfig, "[server]\nport = 8502\n");
        write(homeConfig, "[theme]\nbase = \"dark\"\n");

        assertThat(locate(null, null).entries()).containsExactly(home.resolve(".streamlit/secrets.toml"),
                project.resolve(".streamlit/secrets.toml"));
    }

    @Test
    void projectConfigFilesReplaceTheDefaults() throws SQLException, IOException {
        Path absolute = root.resolve("elsewhere/abs.toml");
        write(projectConfig, "[secrets]\nfiles = [\"a.toml\", \"sub/../b.toml\", \"" + absolute + "\", \"~/d.toml\", "
                + "\"~/.streamlit/secrets.toml\", \"a.toml\"]\n");

        SecretsPlan plan = locate(null, null);

        // relative to the project, "~" against the given home, a path named twice read once
        assertThat(plan.entries()).containsExactly(project.resolve("a.toml"), project.resolve("b.toml"), absolute,
                home.resolve("d.toml"), home.resolve(".streamlit/secrets.toml"));
        assertThat(plan.reason()).isEqualTo("[secrets] files in " + projectConfig);
        assertThat(plan.configFiles()).containsExactly(projectConfig, homeConfig);
    }

    @Test
    void theProjectConfigBeatsTheHomeConfig() throws SQLException, IOException {
        write(projectConfig, "[secrets]\nfiles = [\"project.toml\"]\n");
        write(homeConfig, "[secrets]\nfiles = [\"home.toml\"]\n");

        assertThat(locate(null, null).entries()).containsExactly(project.resolve("project.toml"));
    }

    @Test
    void theHomeConfigIsUsedOnlyWhenTheProjectConfigHasNoOption() throws SQLException, IOException {
        write(projectConfig, "[server]\nport = 8502\n\n[secrets]\n");
        write(homeConfig, "[secrets]\nfiles = [\"~/global.toml\", \"local.toml\"]\n");

        SecretsPlan plan = locate(null, null);

        assertThat(plan.entries()).containsExactly(home.resolve("global.toml"), project.resolve("local.toml"));
        assertThat(plan.reason()).isEqualTo("[secrets] files in " + homeConfig);
    }

    @Test
    void theHomeConfigAloneIsUsed() throws SQLException, IOException {
        write(homeConfig, "[secrets]\nfiles = [\"~/global.toml\"]\n");

        assertThat(locate(null, null).entries()).containsExactly(home.resolve("global.toml"));
    }

    @Test
    void anEmptyListReadsNothing() throws SQLException, IOException {
        write(projectConfig, "[secrets]\nfiles = []\n");

        assertThat(locate(null, null).entries()).isEmpty();
    }

    @Test
    void theEnvironmentVariableAsATomlArray() throws SQLException, IOException {
        write(projectConfig, "[secrets]\nfiles = [\"project.toml\"]\n");

        SecretsPlan plan = locate(null, "[\"x.toml\", \"~/y.toml\", \"" + root.resolve("z.toml") + "\"]");

        assertThat(plan.entries()).containsExactly(project.resolve("x.toml"), home.resolve("y.toml"), root.resolve("z.toml"));
        assertThat(plan.reason()).isEqualTo("environment variable STREAMLIT_SECRETS_FILES");
    }

    @Test
    void theEnvironmentVariableAsAPathList() throws SQLException {
        String list = "x.toml" + File.pathSeparator + " ~/y.toml " + File.pathSeparator + File.pathSeparator
                + root.resolve("z.toml");

        assertThat(locate(null, list).entries()).containsExactly(project.resolve("x.toml"), home.resolve("y.toml"),
                root.resolve("z.toml"));
    }

    @Test
    void theEnvironmentVariableAsACommaList() throws SQLException {
        assertThat(locate(null, "x.toml, ~/y.toml,,z.toml").entries()).containsExactly(project.resolve("x.toml"),
                home.resolve("y.toml"), project.resolve("z.toml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "[\"a.toml\"", "[\"a.toml\", 3]", "[[\"a.toml\"]]"})
    void anEnvironmentVariableThatIsNotAListOfPathsIsAnInvalidValue(String value) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> locate(null, value));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_VALUE);
        assertThat(e.getMessage()).contains("STREAMLIT_SECRETS_FILES");
    }

    @Test
    void theKwargReplacesEverything() throws SQLException, IOException {
        write(projectConfig, "[secrets]\nfiles = [\"project.toml\"]\n");
        write(homeConfig, "[secrets]\nfiles = [\"home.toml\"]\n");
        String kwarg = "k1.toml" + File.pathSeparator + root.resolve("k2") + File.pathSeparator + "~/k3.toml";

        SecretsPlan plan = locate(kwarg, "[\"env.toml\"]");

        assertThat(plan.entries()).containsExactly(project.resolve("k1.toml"), root.resolve("k2"), home.resolve("k3.toml"));
        assertThat(plan.reason()).isEqualTo("the secrets_files kwarg");
        assertThat(plan.configFiles()).isEmpty();
    }

    @Test
    void theKwargWinsEvenOverAMalformedConfig() throws SQLException, IOException {
        write(projectConfig, "[secrets\n");

        assertThat(locate("only.toml", null).entries()).containsExactly(project.resolve("only.toml"));
    }

    @Test
    void theEnvironmentVariableWinsOverTheConfigFiles() throws SQLException, IOException {
        write(projectConfig, "[secrets]\nfiles = [\"project.toml\"]\n");

        assertThat(locate(null, "env.toml").entries()).containsExactly(project.resolve("env.toml"));
    }

    @Test
    void aMalformedProjectConfigIsMalformedSecretsWithFileLineAndColumn() throws IOException {
        write(projectConfig, "[secrets]\nfiles = [\"a.toml\",\n");

        SQLException e = catchThrowableOfType(SQLException.class, () -> locate(null, null));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.MALFORMED_SECRETS);
        assertThat(e.getMessage()).contains(projectConfig + ":3:1: ");
    }

    @Test
    void everyErrorOfAMalformedHomeConfigIsListed() throws IOException {
        write(homeConfig, "[secrets\nfiles = [\n");

        SQLException e = catchThrowableOfType(SQLException.class, () -> locate(null, null));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.MALFORMED_SECRETS);
        assertThat(e.getMessage()).contains(homeConfig + ":1:9: ").contains(homeConfig + ":3:1: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "true", "[1, 2]", "[\"a.toml\", 2]", "{ a = \"x.toml\" }", "[[\"a.toml\"]]"})
    void filesThatIsNotAListOfPathsIsAnInvalidValue(String value) throws IOException {
        write(projectConfig, "# stconn\n[secrets]\nfiles = " + value + "\n");

        SQLException e = catchThrowableOfType(SQLException.class, () -> locate(null, null));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_VALUE);
        assertThat(e.getMessage()).matches(Pattern.quote("[secrets] files in " + projectConfig) + ":3:\\d+ must be a list"
                + " of paths, as in files = .*");
    }

    @Test
    void theDefaultsAreListedInOrderEvenWhenTheyAreMissing() throws SQLException {
        List<Path> entries = locate(null, null).entries();

        assertThat(entries).allSatisfy(p -> assertThat(p).isAbsolute().doesNotExist());
    }
}
