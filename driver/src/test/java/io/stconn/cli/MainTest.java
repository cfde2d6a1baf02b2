package io.stconn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "frobnicate", "query", "query demo", "query demo SELECT --bogus",
            "query demo SELECT --format xml", "query demo SELECT --max-rows x", "query demo SELECT -p nokey",
            "--format", "list x", "describe", "check a a", "list --max-rows 3", "check --timeout soon"})
    void everyUsageErrorExitsTwoWithOneLineOnStderr(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertThat(run(args)).isEqualTo(Main.USAGE);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("stconn: ").endsWith(" (see --help)" + System.lineSeparator())
                .hasLineCount(1);
    }

    @Test
    void aSecretGivenWithoutKeyIsNotEchoed() {
        assertThat(run("query", "demo", "SELECT 1", "-p", "hunter2")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("hunter2");
    }

    @Test
    void helpListsCommandsAndOptions() {
        assertThat(run("--help")).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("usage: java -jar stconn-jdbc-0.1.0.jar <command> [options]")
                .contains("query <name> \"<sql>\"", "--project DIR", "--secrets FILE", "-p KEY=VALUE", "--driver-path PATH",
                        "--format table|csv|json", "--max-rows N", "--debug", "--version",
                        "--json", "--timeout SECONDS", "-f, --file FILE", "completion bash|zsh", "list", "describe <name>", "check [<name>...]",
                        "exit codes: 0 success, 1 failure (check: any connection failed), 2 usage error");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void versionNamesTheVersionAndWhereTheCodeIs() {
        assertThat(run("--version")).isEqualTo(Main.OK);
        String where = DriverPath.codeSource(Main.class).orElseThrow().toString();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("stconn " + io.stconn.StconnDriver.version() + " (" + where + ")" + System.lineSeparator());
    }
}
