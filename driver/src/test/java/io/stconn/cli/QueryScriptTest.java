package io.stconn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** query with its SQL from standard input ({@code -}) or a file ({@code -f}), on a real H2 database. */
class QueryScriptTest {
    private static final String SCRIPT = """
            CREATE TABLE pets (name VARCHAR(20));
            INSERT INTO pets VALUES ('Miso'), ('semi;colon');  -- a comment; with a semicolon
            SELECT name FROM pets ORDER BY name;
            """;

    @TempDir
    Path temp;

    @BeforeEach
    void project() throws Exception {
        Files.writeString(Files.createDirectories(temp.resolve(".streamlit")).resolve("secrets.toml"), """
                [connections.shop]
                url = "jdbc:h2:mem:script_%d;DB_CLOSE_DELAY=-1"
                """.formatted(System.nanoTime()));
    }

    @Test
    void runsEveryStatementOfStandardInputInOrder() {
        CliRun run = CliRun.withInput(SCRIPT, "query", "shop", "-", "--project", temp.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("""
                0 rows affected

                2 rows affected

                NAME
                ----------
                Miso
                semi;colon
                (2 rows)
                """);
    }

    @Test
    void runsAFileAndSaysWhichStatementFailedAndWhere() throws Exception {
        Path file = temp.resolve("load.sql");
        Files.writeString(file, "CREATE TABLE t (id INT);\n\nINSERT INTO nope VALUES (1);\nSELECT 1;\n");

        CliRun run = CliRun.of("query", "-f", file.toString(), "shop", "--project", temp.toString());

        assertThat(run.exit()).isEqualTo(Main.FAILURE);
        assertThat(run.err()).startsWith("stconn: statement 2 of 3 (" + file + ":3) failed, after the 1 before it ran: ")
                .contains("NOPE");
    }

    @Test
    void anEmptyScriptIsAUsageError() {
        CliRun run = CliRun.withInput("-- nothing here\n", "query", "shop", "-", "--project", temp.toString());

        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err()).isEqualTo("stconn: query: standard input holds no SQL statement (see --help)\n");
    }

    @Test
    void theCompletionScriptsNameEveryCommandAndOption() {
        CliRun bash = CliRun.of("completion", "bash");
        CliRun zsh = CliRun.of("completion", "zsh");

        assertThat(bash.out()).contains("complete -o default -F _stconn stconn", "list describe check query lint completion",
                "--driver-path", "--file");
        assertThat(zsh.out()).startsWith("#compdef stconn").contains("--max-rows");
    }
}
