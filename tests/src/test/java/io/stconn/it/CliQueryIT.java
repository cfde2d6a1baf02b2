package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.it.CliProcess.Run;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code java -jar stconn-jdbc-0.1.0.jar query ...} in a process of its own ({@link CliProcess}),
 * on a project holding an H2 database file seeded here.
 */
class CliQueryIT {
    private static final String PETS = "SELECT * FROM pets ORDER BY id";

    @TempDir
    Path temp;
    private Project project;
    private CliProcess cli;

    @BeforeEach
    void seed() throws IOException, SQLException {
        cli = new CliProcess(temp);
        project = Project.in(temp).secrets("""
                [connections.pets]
                dialect = "h2"
                database = "db/pets"
                username = "sa"
                password = %s
                """.formatted(Project.toml(Project.PASSWORD)));
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + project.resolve("db/pets"), "sa", Project.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pets (id INT PRIMARY KEY, name VARCHAR(40), species VARCHAR(20), born DATE)");
            s.execute("INSERT INTO pets VALUES (1, 'Biscuit', 'dog', DATE '2016-04-12'),"
                    + " (2, 'Miso, the \"cat\"', 'cat', NULL), (3, 'Pickles', 'rabbit', DATE '2021-02-17')");
        }
    }

    private Run stconn(String... args) throws IOException, InterruptedException {
        return cli.run(args);
    }

    private Run stconn(List<String> launch, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return cli.run(launch, env, args);
    }

    /** The query on the test project, with H2 given by --driver-path. */
    private Run query(String... more) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("query", "pets"));
        args.addAll(Arrays.asList(more));
        args.addAll(List.of("--project", project.dir().toString(), "--driver-path", Jars.h2Jar().toString()));
        return stconn(args.toArray(String[]::new));
    }

    private static String lines(String text) {
        return CliProcess.lines(text);
    }

    @Test
    void printsAQueryAsAnAlignedTable() throws Exception {
        Run run = query(PETS);
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(lines(run.out())).isEqualTo("""
                ID | NAME            | SPECIES | BORN
                ---+-----------------+---------+-----------
                 1 | Biscuit         | dog     | 2016-04-12
                 2 | Miso, the "cat" | cat     | NULL
                 3 | Pickles         | rabbit  | 2021-02-17
                (3 rows)
                """);
    }

    @Test
    void printsCsv() throws Exception {
        Run run = query(PETS, "--format", "csv");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("ID,NAME,SPECIES,BORN\r\n1,Biscuit,dog,2016-04-12\r\n"
                + "2,\"Miso, the \"\"cat\"\"\",cat,\r\n3,Pickles,rabbit,2021-02-17\r\n");
    }

    @Test
    void printsJson() throws Exception {
        Run run = query("SELECT id, name, born, id > 1 AS older FROM pets ORDER BY id", "--format=json");
        assertThat(run.exit()).isZero();
        assertThat(lines(run.out())).isEqualTo("""
                [
                  {"ID": 1, "NAME": "Biscuit", "BORN": "2016-04-12", "OLDER": false},
                  {"ID": 2, "NAME": "Miso, the \\"cat\\"", "BORN": null, "OLDER": true},
                  {"ID": 3, "NAME": "Pickles", "BORN": "2021-02-17", "OLDER": true}
                ]
                """);
    }

    @Test
    void maxRowsCutsAndSaysSo() throws Exception {
        Run table = query(PETS, "--max-rows", "2");
        assertThat(table.exit()).isZero();
        assertThat(lines(table.out())).endsWith("""
                 2 | Miso, the "cat" | cat     | NULL
                (2 rows)
                more rows were cut: only the first 2 are shown (--max-rows 2)
                """);

        // csv keeps its data clean: the note goes to stderr
        Run csv = query(PETS, "--max-rows", "1", "--format", "csv");
        assertThat(csv.out()).isEqualTo("ID,NAME,SPECIES,BORN\r\n1,Biscuit,dog,2016-04-12\r\n");
        assertThat(lines(csv.err())).isEqualTo("stconn: more rows were cut: only the first 1 are shown (--max-rows 1)\n");
    }

    @Test
    void aStatementThatIsNotAQueryPrintsItsUpdateCount() throws Exception {
        Run update = query("UPDATE pets SET species = 'cat' WHERE species <> 'cat'");
        assertThat(update.exit()).isZero();
        assertThat(lines(update.out())).isEqualTo("2 rows affected\n");
        assertThat(lines(query("DELETE FROM pets WHERE id = 3").out())).isEqualTo("1 row affected\n");
        assertThat(lines(query("SELECT COUNT(*) AS cats FROM pets WHERE species = 'cat'").out())).contains("   2\n");
    }

    @Test
    void versionNamesTheJar() throws Exception {
        Run run = stconn("--version");
        assertThat(run.exit()).isZero();
        assertThat(lines(run.out())).isEqualTo("stconn 0.1.0 (" + CliProcess.stconnJar() + ")\n");
    }

    @Test
    void helpShowsTheCommands() throws Exception {
        Run run = stconn("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("usage: ").contains("query <name> \"<sql>\"", "--driver-path PATH");
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bogus", "query pets", "query pets SELECT --nope", "query pets SELECT --format xml",
            "query pets SELECT --max-rows many", "query pets SELECT --project"})
    void badUsageExitsTwoWithOneLine(String line) throws Exception {
        Run run = stconn(line.isEmpty() ? new String[0] : line.split(" "));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stconn: ").hasLineCount(1);
    }

    @Test
    void anUnknownConnectionFailsWithTheNamesThatExist() throws Exception {
        Run run = stconn("query", "nope", "SELECT 1", "--project", project.dir().toString(),
                "--driver-path", Jars.h2Jar().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stconn: ").contains("'nope'", "pets").hasLineCount(1);
    }

    @Test
    void aSqlErrorFailsWithTheDatabasesMessage() throws Exception {
        Run run = query("SELECT nothing FROM pets");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("stconn: ").contains("NOTHING").hasLineCount(1);
    }

    @Test
    void theDebugFlagAddsTheStackTrace() throws Exception {
        Run run = query("SELECT nothing FROM pets", "--debug");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void thePasswordAppearsNowhere() throws Exception {
        List<Run> runs = new ArrayList<>();
        runs.add(query(PETS));
        runs.add(query(PETS, "--debug"));
        runs.add(query("SELECT nothing FROM pets", "--debug"));
        runs.add(query(PETS, "--debug", "-p", "password=" + Project.PASSWORD));
        runs.add(query(PETS, "--debug", "-p", "password=wrong-" + Project.PASSWORD));
        runs.add(query(PETS, "-p", "password=wrong-" + Project.PASSWORD));
        runs.add(query(PETS, "--debug", "-p", "url=jdbc:h2:" + project.resolve("db/pets") + ";PASSWORD=" + Project.PASSWORD));
        assertThat(runs).extracting(Run::exit).containsExactly(0, 0, 1, 0, 1, 1, 0);
        assertThat(runs).allSatisfy(run -> assertThat(run.all()).doesNotContain(Project.PASSWORD));
    }

    @Test
    void findsDriversInTheLocalMavenRepository() throws Exception {
        Path repo = temp.resolve("m2");
        Path h2 = Files.createDirectories(repo.resolve("com/h2database/h2/2.3.232"));
        Files.copy(Jars.h2Jar(), h2.resolve("h2-2.3.232.jar"));
        Run run = stconn(List.of("-Dmaven.repo.local=" + repo, "-jar", CliProcess.stconnJar().toString()), Map.of(),
                "query", "pets", PETS, "--project", project.dir().toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Biscuit");
    }

    @Test
    void findsDriversBesideTheJarAndInTheEnvironment() throws Exception {
        Path app = Files.createDirectories(temp.resolve("app/drivers"));
        Files.copy(Jars.h2Jar(), app.resolve("h2.jar"));
        Path copy = Files.copy(CliProcess.stconnJar(), temp.resolve("app/stconn-jdbc.jar"));
        String[] args = {"query", "pets", PETS, "--project", project.dir().toString()};
        assertThat(stconn(List.of("-jar", copy.toString()), Map.of(), args).out()).contains("Biscuit");

        Map<String, String> env = Map.of("STCONN_DRIVER_PATH", temp.resolve("nowhere") + File.pathSeparator + app);
        assertThat(stconn(List.of("-jar", CliProcess.stconnJar().toString()), env, args).out()).contains("Biscuit");
    }

    @Test
    void withoutADriverItSaysWhichOneToAdd() throws Exception {
        Run run = stconn("query", "pets", PETS, "--project", project.dir().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("org.h2.Driver", "com.h2database:h2").hasLineCount(1);
    }

    @Test
    void runsFromAClassPathWithTheDriversOnIt() throws Exception {
        List<String> launch = List.of("-cp", CliProcess.stconnJar() + File.pathSeparator + Jars.h2Jar(), "io.stconn.cli.Main");
        Run run = stconn(launch, Map.of(), "query", "pets", PETS, "--project", project.dir().toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Biscuit");
    }

    @Test
    void theDemoProjectPrintsItsPets() throws Exception {
        String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
        Path examples = Path.of(basedir, "..", "examples").toAbsolutePath().normalize();
        Run run = stconn("query", "demo", PETS, "--project", examples.toString(), "--driver-path", Jars.h2Jar().toString());
        assertThat(run.err()).isEmpty();
        assertThat(lines(run.out())).isEqualTo("""
                id | name     | species | born
                ---+----------+---------+-----------
                 1 | Biscuit  | dog     | 2016-04-12
                 2 | Miso     | cat     | 2019-09-01
                 3 | Pickles  | rabbit  | 2021-02-17
                 4 | Sir Hiss | snake   | NULL
                (4 rows)
                """);
    }
}
