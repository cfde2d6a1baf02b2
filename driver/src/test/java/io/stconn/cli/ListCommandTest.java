package io.stconn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list on two secrets files, the second hiding the first's [connections] (H2 is on the test class path). */
class ListCommandTest {
    @TempDir
    Path temp;
    private Path first;
    private Path second;

    @BeforeEach
    void secrets() throws IOException {
        first = Files.writeString(temp.resolve("first.toml"), """
                [connections.legacy]
                dialect = "h2"
                database = "mem:legacy"
                """);
        second = Files.writeString(temp.resolve("second.toml"), """
                [connections.pets]
                dialect = "h2"
                database = "mem:pets"

                [connections.broken]
                url = "nosuchdb://host/db"

                [connections.mystery]
                host = "h"
                """);
    }

    private CliRun list(String... more) {
        String[] args = new String[4 + more.length];
        System.arraycopy(new String[] {"list", "--secrets", first.toString(), "--secrets=" + second}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(args);
    }

    @Test
    void namesTypesSourcesAndWhatTheMergeHides() {
        CliRun run = list();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("name    | type | source")
                .containsPattern("broken  \\| \\?    \\| " + Pattern.quote(second + ":5:1")
                        + " +\\| Unknown SQL dialect 'nosuchdb'")
                .contains("mystery | ?    | " + second + ":8:1", "Cannot tell the type of connection 'mystery'")
                .contains("pets    | sql  | " + second + ":1:1")
                .contains("legacy  | -    | " + first + ":1:1 ", "| hidden by " + second);
        assertThat(run.out().indexOf("pets")).isLessThan(run.out().indexOf("legacy"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonIsAnArrayWithOneObjectPerConnection() {
        CliRun run = list("--json");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("[\n  {\"name\": \"broken\", \"type\": null, \"source\": \"" + second + ":5:1\", "
                        + "\"hidden\": false, \"error\": \"Unknown SQL dialect 'nosuchdb'")
                .contains("  {\"name\": \"pets\", \"type\": \"sql\", \"source\": \"" + second + ":1:1\", \"hidden\": false, "
                        + "\"error\": null},\n")
                .endsWith("  {\"name\": \"legacy\", \"type\": null, \"source\": \"" + first + ":1:1\", \"hidden\": true, "
                        + "\"error\": null, \"hiddenBy\": \"" + second + "\"}\n]\n");
    }

    @Test
    void withoutAnySecretsFileItFailsSayingWhereItLooked() {
        CliRun run = CliRun.of("list", "--project", temp.toString());
        assertThat(run.exit()).isEqualTo(Main.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stconn: No secrets file found. Searched (the default locations): ")
                .contains(temp.resolve(".streamlit").resolve("secrets.toml").toString(), "--project DIR").hasLineCount(1);
    }

    @Test
    void aFileWithoutConnectionsListsNothing() throws IOException {
        Path empty = Files.writeString(temp.resolve("empty.toml"), "api_key = \"x\"\n");
        assertThat(CliRun.of("list", "--secrets", empty.toString(), "--json").out()).isEqualTo("[]\n");
        assertThat(CliRun.of("list", "--secrets", empty.toString()).out()).isEqualTo("name | type | source\n-----+------+-------\n");
    }
}
