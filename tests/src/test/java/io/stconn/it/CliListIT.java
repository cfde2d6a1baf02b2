package io.stconn.it;

import static io.stconn.it.CliProcess.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.it.CliProcess.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stconn list}: a home secrets file whose [connections] the project's file hides, as
 * Streamlit's shallow merge does; H2 given with --driver-path, PostgreSQL's driver not at all.
 */
class CliListIT {
    @TempDir
    Path temp;
    private CliProcess cli;
    private Project project;
    private Path homeSecrets;

    @BeforeEach
    void secrets() throws Exception {
        cli = new CliProcess(temp);
        homeSecrets = cli.home().resolve(".streamlit").resolve("secrets.toml");
        Project.write(homeSecrets, """
                [connections.legacy]
                dialect = "h2"
                database = "mem:legacy"
                """);
        project = Project.in(temp).secrets("""
                [connections.pets]
                dialect = "h2"
                database = "mem:pets"

                [connections.warehouse]
                url = "postgresql://app:%s@127.0.0.1:5432/shop"
                """.formatted(Project.PASSWORD));
    }

    private Run list(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("list", "--project", project.dir().toString(),
                "--driver-path", Jars.h2Jar().toString()));
        args.addAll(List.of(more));
        return cli.run(args);
    }

    @Test
    void listsNamesTypesSourcesAndTheHiddenOnes() throws Exception {
        Run run = list();
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        Path file = project.secretsFile();
        List<String> out = lines(run.out()).lines().toList();
        assertThat(out.get(0)).matches("name +\\| type \\| source +\\| note");
        assertThat(out.get(1)).matches("-+\\+-+\\+-+\\+-+");
        assertThat(out.get(2)).startsWith("pets      | sql  | " + file + ":1:1 ").endsWith("|");
        // the type is known without the driver's jar; the note says which jar is missing
        assertThat(out.get(3)).startsWith("warehouse | sql  | " + file + ":5:1 ")
                .contains("| JDBC driver not found for connection 'warehouse' (" + file + ":6:1): org.postgresql.Driver");
        assertThat(out.get(4)).startsWith("legacy    | -    | " + homeSecrets + ":1:1 ").endsWith("| hidden by " + file);
        assertThat(out).hasSize(5);
        assertThat(run.all()).doesNotContain(Project.PASSWORD);
    }

    @Test
    void jsonIsTheDocumentedArray() throws Exception {
        Run run = list("--json");
        assertThat(run.exit()).isZero();
        Path file = project.secretsFile();
        List<String> out = lines(run.out()).lines().toList();
        assertThat(out).hasSize(5);
        assertThat(out.get(0)).isEqualTo("[");
        assertThat(out.get(1)).isEqualTo("  {\"name\": \"pets\", \"type\": \"sql\", \"source\": \"" + file + ":1:1\", "
                + "\"hidden\": false, \"error\": null},");
        assertThat(out.get(2)).startsWith("  {\"name\": \"warehouse\", \"type\": \"sql\", \"source\": \"" + file + ":5:1\", "
                + "\"hidden\": false, \"error\": \"JDBC driver not found for connection 'warehouse'").endsWith("\"},");
        assertThat(out.get(3)).isEqualTo("  {\"name\": \"legacy\", \"type\": null, \"source\": \"" + homeSecrets + ":1:1\", "
                + "\"hidden\": true, \"error\": null, \"hiddenBy\": \"" + file + "\"}");
        assertThat(out.get(4)).isEqualTo("]");
    }

    @Test
    void withTheDriverEveryTypeResolvesAndTheNoteColumnOnlyHoldsTheHidden() throws Exception {
        Run run = list("--driver-path", Jars.of(org.postgresql.Driver.class).toString());
        assertThat(run.exit()).isZero();
        assertThat(lines(run.out())).contains("warehouse | sql  | ").doesNotContain("JDBC driver not found");
    }

    @Test
    void secretsFilesGivenOnTheCommandLineReplaceTheDefaults() throws Exception {
        Path only = temp.resolve("only.toml");
        Project.write(only, "[connections.solo]\nurl = \"jdbc:h2:mem:solo\"\n");
        Run run = cli.run("list", "--secrets", only.toString(), "--driver-path", Jars.h2Jar().toString());
        assertThat(run.exit()).isZero();
        assertThat(lines(run.out())).isEqualTo("""
                name | type | source
                -----+------+-%s
                solo | sql  | %s:1:1
                """.formatted("-".repeat((only + ":1:1").length()), only));
    }

    @Test
    void noSecretsFileAtAllIsAFailureSayingWhereItLooked() throws Exception {
        Files.delete(homeSecrets);
        Project empty = Project.in(temp, "empty");
        Run run = cli.run("list", "--project", empty.dir().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stconn: No secrets file found.")
                .contains(homeSecrets.toString(), empty.secretsFile().toString(), "--project DIR").hasLineCount(1);
    }

    @Test
    void malformedTomlFailsWithFileLineAndColumn() throws Exception {
        project.secrets("[connections.pets]\ndialect = h2\n");
        Run run = list();
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("stconn: Malformed TOML: " + project.secretsFile() + ":2:").hasLineCount(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"list pets", "list --format csv", "list --max-rows 3", "list --timeout 3", "list --json=yes",
            "list --project"})
    void badUsageExitsTwoWithOneLine(String line) throws Exception {
        Run run = cli.run(line.split(" "));
        assertThat(run.exit()).as(run.all()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stconn: ").hasLineCount(1);
    }
}
