package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.it.CliProcess.Run;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stconn lint}: a project with each thing Streamlit reads differently gets each named with
 * its file:line and exit 1; the demo project gets nothing and exit 0.
 */
class CliLintIT {
    @TempDir
    Path temp;

    @Test
    void namesEachPlaceStreamlitReadsDifferentlyWithItsLine() throws Exception {
        CliProcess cli = new CliProcess(temp);
        Path home = cli.home().resolve(".streamlit").resolve("secrets.toml");
        Project.write(home, "[connections.old]\ntype = \"sql\"\nurl = \"sqlite:///old.db\"\n");
        Project project = Project.in(temp).secrets("""
                [connections.shop]
                url = "sqlite:///shop.db?check_same_thread=false"
                note = "\\""
                "u\\u00e9" = 1
                since = 2024-01-02

                [connections.shop.query]
                timeout = "5"

                [connections.docs]
                type = "sql"
                url = "sqlite:///docs.db"
                text = \"""one
                two\""" # end

                [connections.after]
                type = "sql"
                url = "sqlite:///after.db"
                """);
        Path file = project.secretsFile();

        Run run = cli.run(List.of("lint", "--project", project.dir().toString(),
                "--driver-path", Jars.of(org.sqlite.JDBC.class).toString()));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(
                file + ":3: Streamlit reads \"\\\"\" as an empty string",
                file + ":4: Streamlit keeps the escapes of the quoted key \"u\\u00e9\"",
                file + ":14: the closing \"\"\" is followed by a space or comment: Streamlit silently ignores the rest"
                        + " of the file",
                file + ":5:1: [connections.shop] since is a TOML date or time",
                file + ":7:1: [connections.shop] Streamlit ignores this query table because the section has a url",
                file + ":2:1: [connections.shop] Streamlit needs type = \"sql\" in this section",
                file + ":2:1: [connections.shop] will not reach the database: dropped parameter check_same_thread",
                home + ":1:1: [connections.old] Streamlit does not see this section");

        Run json = cli.run(List.of("lint", "--json", "--project", project.dir().toString(),
                "--driver-path", Jars.of(org.sqlite.JDBC.class).toString()));
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json.out()).startsWith("[").contains("{\"where\": \"" + file + ":3\", \"connection\": null,");
    }

    @Test
    void theDemoProjectHasNothingToReport() throws Exception {
        String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
        Path examples = Path.of(basedir, "..", "examples").toAbsolutePath().normalize();

        Run run = new CliProcess(temp).run(List.of("lint", "--project", examples.toString(),
                "--driver-path", Jars.h2Jar().toString(), "--driver-path", Jars.of(org.sqlite.JDBC.class).toString()));

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("no differences from Streamlit found\n");
    }
}
