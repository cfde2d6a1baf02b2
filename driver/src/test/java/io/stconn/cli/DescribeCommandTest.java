package io.stconn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** describe through the driver's resolver, H2 from the test class path. */
class DescribeCommandTest {
    private static final String PASSWORD = "Desc-Pw-5521";

    @TempDir
    Path temp;
    private Path secrets;

    @BeforeEach
    void project() throws IOException {
        secrets = Files.createDirectories(temp.resolve(".streamlit")).resolve("secrets.toml");
        Files.writeString(secrets, """
                [connections.pets]
                dialect = "h2"
                database = "mem:pets"
                username = "sa"
                password = "%s"

                [connections.pets.hikari]
                maximumPoolSize = 3
                """.formatted(PASSWORD));
    }

    private CliRun describe(String... more) {
        String[] args = new String[4 + more.length];
        System.arraycopy(new String[] {"describe", "pets", "--project", temp.toString()}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(args);
    }

    @Test
    void showsTypeDriverUrlPropertiesSourcesAndPool() {
        CliRun run = describe("-p", "hikari.connectionTimeout=2500");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        String jar = DriverPath.codeSource(org.h2.Driver.class).orElseThrow().toString();
        assertThat(run.out()).startsWith("""
                name         pets
                type         sql (inferred from the url/dialect key)
                driver       org.h2.Driver
                loaded from  %s (the class path)
                JDBC URL     jdbc:h2:mem:pets
                secrets      %s

                driver properties
                  property | value | from
                  ---------+-------+%s
                  password | ****  | %s:5:1
                  user     | sa    | %s:4:1
                """.formatted(jar, secrets, "-".repeat(secrets.toString().length() + 5), secrets, secrets))
                .containsPattern("project_dir +\\| " + Pattern.quote(temp.toString()) + " +\\| --project")
                .containsPattern("password +\\| \\*\\*\\*\\* +\\| " + Pattern.quote(secrets + ":5:1"))
                .containsPattern("hikari.maximumPoolSize +\\| 3 +\\| " + Pattern.quote(secrets + ":7:1"))
                .containsPattern("hikari.connectionTimeout +\\| 2500 +\\| -p")
                .containsPattern("maximumPoolSize +\\| 3 +\\| " + Pattern.quote(secrets + ":7:1"))
                .containsPattern("connectionTimeout +\\| 2500 +\\| -p")
                .containsPattern("minimumIdle +\\| 0 +\\| sql type")
                .containsPattern("idleTimeout +\\| 600000 +\\| HikariCP default")
                .doesNotContain(PASSWORD, "registerMbeans", "poolName");
    }

    @Test
    void withoutTheDriverTheNotesOnTheSectionStillShow() throws IOException {
        Files.writeString(secrets, """
                [connections.elsewhere]
                url = "jdbc:nosuch://db.example.com/shop"
                driver = "com.example.NoSuchDriver"
                ttl = 60
                """);
        CliRun run = CliRun.of("describe", "elsewhere", "--project", temp.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("NOT FOUND", "com.example.NoSuchDriver")
                .containsPattern("notes\n  ignored ttl in \\[connections.elsewhere\\] at " + Pattern.quote(secrets + ":4:1"));
    }

    @Test
    void jsonHoldsTheDocumentedKeys() {
        CliRun run = describe("--json");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("{\n  \"name\": \"pets\",\n  \"type\": \"sql\",\n"
                        + "  \"typeReason\": \"inferred from the url/dialect key\",\n  \"driverClass\": \"org.h2.Driver\",\n")
                .contains("  \"driverFrom\": \"the class path\",\n", "  \"jdbcUrl\": \"jdbc:h2:mem:pets\",\n",
                        "  \"properties\": {\n    \"password\": \"****\",\n    \"user\": \"sa\"\n  },\n",
                        "    \"maximumPoolSize\": 3,\n", "    \"autoCommit\": true,\n",
                        "    \"password\": \"" + secrets + ":5:1\",\n", "    \"pool.idleTimeout\": \"HikariCP default\",\n",
                        "  \"notes\": [],\n", "  \"secretsFiles\": [\n    \"" + secrets + "\"\n  ],\n",
                        "  \"missingDriver\": null\n}\n")
                .contains("\"config\": {", "\"sources\": {", "\"pool\": {")
                .doesNotContain(PASSWORD);
    }

    @Test
    void anUnknownNameFailsWithTheNamesThatExist() {
        CliRun run = CliRun.of("describe", "pest", "--project", temp.toString());
        assertThat(run.exit()).isEqualTo(Main.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stconn: No connection named 'pest'").contains("did you mean 'pets'?").hasLineCount(1);
    }

    @Test
    void aPoolSettingHikariRefusesFailsAsTheDriverWould() {
        CliRun run = describe("-p", "hikari.maximumPoolSize=many");
        assertThat(run.exit()).isEqualTo(Main.FAILURE);
        assertThat(run.err()).startsWith("stconn: Invalid pool setting maximumPoolSize = 'many' (connect() property) "
                + "for connection 'pets': ").hasLineCount(1);
    }
}
