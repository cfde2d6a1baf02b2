package io.stconn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check against in-memory H2 databases (H2 is on the test class path); the slow cases are CliCheckIT's. */
class CheckCommandTest {
    @TempDir
    Path temp;

    @BeforeEach
    void project() throws IOException {
        Path secrets = Files.createDirectories(temp.resolve(".streamlit")).resolve("secrets.toml");
        Files.writeString(secrets, """
                [connections.alpha]
                dialect = "h2"
                database = "mem:alpha"

                [connections.beta]
                url = "jdbc:h2:mem:beta"

                [connections.gamma]
                dialect = "nosuchdb"
                """);
    }

    @Test
    void everyConnectionOneLineEachInOrderThenASummary() {
        CliRun run = CliRun.of("check", "--project", temp.toString());
        assertThat(run.exit()).isEqualTo(Main.FAILURE);
        assertThat(run.out()).containsPattern("\\Aalpha  OK +\\d+ ms\nbeta   OK +\\d+ ms\n"
                        + "gamma  FAILED +\\d+ ms  Unknown SQL dialect 'nosuchdb' for connection 'gamma'[^\n]*\n"
                        + "2 OK, 1 failed, in \\d+ ms\n"
                        + "1 place where Streamlit reads these secrets differently: see stconn lint\n\\z");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void onlyTheNamedOnesAndExitZeroWhenAllAreOk() {
        CliRun run = CliRun.of("check", "beta", "alpha", "--project", temp.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsPattern("\\Abeta   OK +\\d+ ms\nalpha  OK +\\d+ ms\n2 OK, 0 failed, in \\d+ ms\n"
                + "1 place where Streamlit reads these secrets differently: see stconn lint\n\\z");
    }

    @Test
    void jsonIsAnArrayOfNameOkMillisError() {
        CliRun run = CliRun.of("check", "alpha", "nope", "--json", "--project", temp.toString());
        assertThat(run.exit()).isEqualTo(Main.FAILURE);
        assertThat(run.out()).containsPattern("\\A\\[\n  \\{\"name\": \"alpha\", \"ok\": true, \"millis\": \\d+, \"error\": null, \"warnings\": \\[]},\n"
                + "  \\{\"name\": \"nope\", \"ok\": false, \"millis\": \\d+, \"error\": \"No connection named 'nope'[^\n]*\", \"warnings\": \\[]}\n]\n\\z");
    }

    @Test
    void nothingToCheckIsAFailure() throws IOException {
        Path empty = Files.writeString(temp.resolve("empty.toml"), "x = 1\n");
        CliRun run = CliRun.of("check", "--secrets", empty.toString());
        assertThat(run.exit()).isEqualTo(Main.FAILURE);
        assertThat(run.err()).startsWith("stconn: Nothing to check: no [connections.<name>] section in [" + empty + "]")
                .hasLineCount(1);
    }
}
