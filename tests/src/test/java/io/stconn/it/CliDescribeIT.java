package io.stconn.it;

import static io.stconn.it.CliProcess.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.it.CliProcess.Run;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stconn describe <name>}: the driver's own resolution shown, secrets masked, with the jar
 * the real driver came from in each of the places the tool looks.
 */
class CliDescribeIT {
    @TempDir
    Path temp;
    private CliProcess cli;
    private Project project;

    @BeforeEach
    void secrets() throws Exception {
        cli = new CliProcess(temp);
        project = Project.in(temp).secrets("""
                [connections.pets]
                dialect = "h2"
                database = "db/pets"
                username = "sa"
                password = %s

                [connections.pets.query]
                MODE = "PostgreSQL"

                [connections.pets.create_engine_kwargs]
                pool_size = 2
                max_overflow = 1
                """.formatted(Project.toml(Project.PASSWORD)));
    }

    private Run describe(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("describe", "pets", "--project", project.dir().toString()));
        args.addAll(List.of(more));
        return cli.run(args);
    }

    private static String row(String... cells) {
        return String.join(" +\\| ", List.of(cells).stream().map(Pattern::quote).toList());
    }

    @Test
    void showsWhatTheDriverWouldUseWithEveryValuesOrigin() throws Exception {
        Run run = describe("--driver-path", Jars.h2Jar().toString(), "-p", "hikari.connectionTimeout=4000");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        Path file = project.secretsFile();
        String out = lines(run.out());
        assertThat(out).startsWith("""
                name         pets
                type         sql (inferred from the url/dialect key)
                driver       org.h2.Driver
                loaded from  %s (--driver-path)
                JDBC URL     jdbc:h2:%s;MODE=PostgreSQL
                secrets      %s

                driver properties
                  property | value | from
                  ---------+-------+-%s
                  password | ****  | %s:5:1
                  user     | sa    | %s:4:1

                configuration, and where each value came from
                """.formatted(Jars.h2Jar(), project.resolve("db/pets"), file, "-".repeat(file.toString().length() + 4),
                file, file));
        assertThat(out)
                .containsPattern(row("project_dir", project.dir().toString(), "--project"))
                .containsPattern(row("dialect", "h2", file + ":2:1"))
                .containsPattern(row("password", "****", file + ":5:1"))
                .containsPattern(row("query.MODE", "PostgreSQL", file + ":7:1"))
                .containsPattern(row("create_engine_kwargs.pool_size", "2", file + ":10:1"))
                .containsPattern(row("hikari.connectionTimeout", "4000", "-p"))
                .contains("pool (HikariCP settings)")
                .containsPattern(row("maximumPoolSize", "3", "sql type"))
                .containsPattern(row("minimumIdle", "0", "sql type"))
                .containsPattern(row("connectionTimeout", "4000", "-p"))
                .containsPattern(row("maxLifetime", "1800000", "HikariCP default"))
                .doesNotContain(Project.PASSWORD);
    }

    @Test
    void jsonIsOneObjectWithTheDocumentedKeys() throws Exception {
        Run run = describe("--json", "--driver-path", Jars.h2Jar().toString());
        assertThat(run.exit()).isZero();
        Path file = project.secretsFile();
        List<String> keys = lines(run.out()).lines().filter(l -> l.matches(" {2}\"\\w+\": .*")).map(l -> l.substring(3,
                l.indexOf('"', 3))).toList();
        assertThat(keys).containsExactly("name", "type", "typeReason", "driverClass", "driverJar", "driverFrom", "jdbcUrl",
                "properties", "pool", "config", "sources", "notes", "secretsFiles", "missingDriver");
        assertThat(lines(run.out())).startsWith("{\n  \"name\": \"pets\",\n  \"type\": \"sql\",\n")
                .contains("  \"driverClass\": \"org.h2.Driver\",\n",
                        "  \"driverJar\": \"" + Jars.h2Jar() + "\",\n",
                        "  \"driverFrom\": \"--driver-path\",\n",
                        "  \"jdbcUrl\": \"jdbc:h2:" + project.resolve("db/pets") + ";MODE=PostgreSQL\",\n",
                        "  \"properties\": {\n    \"password\": \"****\",\n    \"user\": \"sa\"\n  },\n",
                        "    \"maximumPoolSize\": 3,\n", "    \"autoCommit\": true,\n",
                        "    \"password\": \"****\",\n",
                        "    \"create_engine_kwargs.pool_size\": 2,\n",
                        "    \"password\": \"" + file + ":5:1\",\n",
                        "    \"pool.maximumPoolSize\": \"sql type\",\n",
                        "    \"pool.idleTimeout\": \"HikariCP default\",\n",
                        "  \"secretsFiles\": [\n    \"" + file + "\"\n  ],\n  \"missingDriver\": null\n}\n")
                .doesNotContain(Project.PASSWORD);
    }

    @Test
    void saysWhichJarTheDriverCameFromWhereverItWasFound() throws Exception {
        // STCONN_DRIVER_PATH
        Run fromEnv = cli.run(List.of("-jar", CliProcess.stconnJar().toString()),
                Map.of("STCONN_DRIVER_PATH", Jars.h2Jar().toString()), "describe", "pets", "--project", project.dir().toString());
        assertThat(lines(fromEnv.out())).contains("loaded from  " + Jars.h2Jar() + " (STCONN_DRIVER_PATH)\n");

        // drivers/ beside the jar
        Path app = Files.createDirectories(temp.resolve("app/drivers"));
        Path besideJar = Files.copy(Jars.h2Jar(), app.resolve("h2.jar"));
        Path copy = Files.copy(CliProcess.stconnJar(), temp.resolve("app/stconn-jdbc.jar"));
        Run beside = cli.run(List.of("-jar", copy.toString()), Map.of(), "describe", "pets", "--project",
                project.dir().toString());
        assertThat(lines(beside.out())).contains("loaded from  " + besideJar + " (drivers/ beside the stconn jar)\n");

        // the local Maven repository
        Path repo = temp.resolve("m2");
        Path version = Files.createDirectories(repo.resolve("com/h2database/h2/2.3.232"));
        Path inRepo = Files.copy(Jars.h2Jar(), version.resolve("h2-2.3.232.jar"));
        Run maven = cli.run(List.of("-Dmaven.repo.local=" + repo, "-jar", CliProcess.stconnJar().toString()), Map.of(),
                "describe", "pets", "--project", project.dir().toString());
        assertThat(lines(maven.out())).contains("loaded from  " + inRepo + " (local Maven repository)\n");

        // the class path, which wins over every other place
        List<String> launch = List.of("-cp", CliProcess.stconnJar() + File.pathSeparator + Jars.h2Jar(), "io.stconn.cli.Main");
        Run classPath = cli.run(launch, Map.of(), "describe", "pets", "--project", project.dir().toString(),
                "--driver-path", besideJar.toString());
        assertThat(lines(classPath.out())).contains("loaded from  " + Jars.h2Jar() + " (the class path)\n");
    }

    @Test
    void withoutTheDriverItShowsTheResolutionAndEveryPlaceItLookedIn() throws Exception {
        Run run = describe();
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(lines(run.out())).contains("type         sql (inferred from the url/dialect key)\n",
                        "driver       NOT FOUND: JDBC driver not found for connection 'pets' (" + project.secretsFile()
                        + ":2:1): org.h2.Driver (Maven: com.h2database:h2).",
                        "The command-line tool looked in: the class path; --driver-path (none given); STCONN_DRIVER_PATH "
                        + "(not set); drivers/ beside the stconn jar (" + CliProcess.stconnJar().getParent().resolve("drivers")
                        + ", no such folder); local "
                        + "Maven repository " + cli.home().resolve(".m2/repository") + " (no such folder).",
                        "configuration, and where each value came from")
                .doesNotContain("JDBC URL", Project.PASSWORD);
    }

    @Test
    void aConnectionThatCannotResolveFailsWithOneLineAndTheStackTraceOnlyWithDebug() throws Exception {
        Run run = cli.run("describe", "pest", "--project", project.dir().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("stconn: No connection named 'pest'").contains("did you mean 'pets'?")
                .hasLineCount(1);
        Run debug = cli.run("describe", "pest", "--project", project.dir().toString(), "--debug");
        assertThat(debug.exit()).isEqualTo(1);
        assertThat(debug.err()).contains("\tat io.stconn.");
    }

    @Test
    void kwargsGivenWithPWinAndSaySo() throws Exception {
        Run run = describe("--driver-path", Jars.h2Jar().toString(), "-p", "username=other", "--json");
        assertThat(lines(run.out())).contains("    \"user\": \"other\"\n", "    \"username\": \"-p\",\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"describe", "describe a b", "describe pets --timeout 3", "describe pets --format json",
            "describe pets --max-rows 1", "describe pets --driver-path /no/such.jar"})
    void badUsageExitsTwoWithOneLine(String line) throws Exception {
        Run run = cli.run(line.split(" "));
        assertThat(run.exit()).as(run.all()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stconn: ").hasLineCount(1);
    }
}
