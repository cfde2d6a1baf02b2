package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.it.CliProcess.Run;
import io.stconn.it.Servers.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line tool's errors for a new user's first mistakes: each says what went wrong,
 * where (file:line) and the fix, and the tool's masking never eats its own advice.
 */
class CliAdviceIT {
    @TempDir
    Path temp;
    private CliProcess cli;
    private Path project;

    @BeforeEach
    void folders() throws Exception {
        cli = new CliProcess(Files.createDirectories(temp.resolve("elsewhere")));
        project = Files.createDirectories(temp.resolve("shop/.streamlit")).getParent();
    }

    private void secrets(String toml) throws Exception {
        Files.writeString(project.resolve(".streamlit/secrets.toml"), toml);
    }

    @Test
    void fromAnotherFolderWithAHomeSecretsFileSaysWhichProjectFileIsMissingAndHowToNameTheProject() throws Exception {
        Files.createDirectories(cli.home().resolve(".streamlit"));
        Files.writeString(cli.home().resolve(".streamlit/secrets.toml"), "[connections.scratch]\nurl = \"sqlite://\"\n");

        Run run = cli.run("query", "shop", "SELECT 1");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("No connection named 'shop' in the secrets: the connections are [scratch]",
                "The project's ./.streamlit/secrets.toml was not found: looked for "
                        + temp.resolve("elsewhere/.streamlit/secrets.toml"),
                "--project DIR", "project_dir=DIR");
    }

    @Test
    void aPercentEscapeInAUrlPasswordIsNamedWithItsLineWhenTheLoginIsRefused() throws Exception {
        Servers.require(Server.POSTGRESQL);
        secrets("""
                [connections.shop]
                # a password with a literal %%41 in it, which the url decodes to A
                url = "postgresql://%s:top%%41secret@127.0.0.1:5432/%s"
                """.formatted(Servers.APP_USER, Servers.DATABASE));

        Run run = cli.run("query", "shop", "SELECT 1", "--project", project.toString(), "--driver-path",
                Jars.of(org.postgresql.Driver.class).toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("password authentication failed",
                "The password in url (" + project.resolve(".streamlit/secrets.toml") + ":3:1) holds a %XX escape",
                "Write a literal % as %25", "a key of its own, password")
                .doesNotContain("top%41secret", "topAsecret");
    }

    @Test
    void theQuotesHintComesOnlyForABareWordAndIsNeverMasked() throws Exception {
        secrets("[connections.shop]\npassword = hunter2\n");
        Run bare = cli.run("list", "--project", project.toString());
        assertThat(bare.err()).contains("secrets.toml:2:12", "TOML strings need quotes: write key = \"value\", not key = value.")
                .doesNotContain("hunter2");

        secrets("[connections.shop]\nurl = \"sqlite://\"\n[connections.shop]\nttl = 1\n");
        Run duplicate = cli.run("list", "--project", project.toString());
        assertThat(duplicate.err()).contains("secrets.toml:3:1", "previously defined", "Fix the file: Streamlit reads the same file.")
                .doesNotContain("quotes");
    }

    @Test
    void aMistypedSqliteFileIsNamedByCheckAndDescribeWithItsBaseFolder() throws Exception {
        Files.createDirectories(project.resolve("data"));
        secrets("[connections.pets]\nurl = \"sqlite:///data/ptes.db\"\n");
        Path file = project.resolve("data/ptes.db");
        String[] driver = {"--project", project.toString(), "--driver-path", Jars.of(org.sqlite.JDBC.class).toString()};

        Run describe = cli.run(concat(new String[] {"describe", "pets"}, driver));
        Run check = cli.run(concat(new String[] {"check", "pets"}, driver));

        String warning = "the database file " + file + " (the relative path data/ptes.db is taken from the project folder "
                + project + ") did not exist: the first connection creates it empty. If you meant an existing file, fix the path.";
        assertThat(describe.out()).contains(warning);
        assertThat(check.exit()).isZero();
        assertThat(check.out()).contains("OK", warning);
    }

    @Test
    void aFileDatabaseInAMissingFolderGetsFileAdviceNotServerAdvice() throws Exception {
        secrets("[connections.pets]\nurl = \"sqlite:///nodir/pets.db\"\n");

        Run run = cli.run("check", "pets", "--project", project.toString(), "--driver-path",
                Jars.of(org.sqlite.JDBC.class).toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("The folder of the database file " + project.resolve("nodir/pets.db"),
                "does not exist. Create it, or fix the path").doesNotContain("running and reachable");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
