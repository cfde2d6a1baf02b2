package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlline, a JDBC command-line client nobody here wrote, run as its own {@code java} process with
 * the drop-in jar, sqlline (the jar with its dependencies, jline, as users download it from Maven
 * Central; copied to target/sqlline by maven-dependency-plugin) and the H2 driver on its class path.
 */
class SqllineIT {
    private static final List<String> CLEARED_ENV = List.of(
            "STCONN_PROJECT_DIR", "STREAMLIT_SECRETS_FILES", "SNOWFLAKE_HOME",
            "SNOWFLAKE_DEFAULT_CONNECTION_NAME", "SNOWFLAKE_HOST");

    @TempDir
    Path tmp;

    @Test
    void connectsQueriesAndListsTables() throws Exception {
        String name = Project.uniqueName("sqlline");
        Path db = Dbs.h2File(tmp.resolve("project/data/shop"), "sqlline");
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pets (id INTEGER PRIMARY KEY, name VARCHAR(40), species VARCHAR(40))");
            s.execute("INSERT INTO pets VALUES (1, 'Mary', 'dog'), (2, 'John', 'cat'), (3, 'Robert', 'bird')");
        }
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "type = \"sql\"\n"
                        + "dialect = \"h2\"\n"
                        + "database = \"data/shop\"\n");
        Path script = tmp.resolve("script.sql");
        Files.writeString(script, String.join("\n",
                "!connect " + project.url(name) + " \"\" \"\"",
                "SELECT id, name, species FROM pets ORDER BY id;",
                "!tables",
                "!quit",
                ""), StandardCharsets.UTF_8);

        Run run = sqlline("--run=" + script);

        assertThat(run.exitCode()).as("exit code; output:\n%s", run.output()).isZero();
        assertThat(run.output())
                .containsPattern("\\|\\s*1\\s*\\|\\s*Mary\\s*\\|\\s*dog\\s*\\|")
                .containsPattern("\\|\\s*2\\s*\\|\\s*John\\s*\\|\\s*cat\\s*\\|")
                .containsPattern("\\|\\s*3\\s*\\|\\s*Robert\\s*\\|\\s*bird\\s*\\|")
                .contains("3 rows selected")
                .containsPattern("\\|\\s*PUBLIC\\s*\\|\\s*PETS\\s*\\|\\s*(BASE )?TABLE\\s*\\|")
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("No suitable driver");
    }

    @Test
    void connectsWithDashUAndRunsACommand() throws Exception {
        String name = Project.uniqueName("sqlline_u");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:mem:" + name) + "\n");

        Run run = sqlline("-u", project.url(name), "-n", "", "-p", "", "-e", "SELECT 6 * 7 AS answer;");

        assertThat(run.exitCode()).as("exit code; output:\n%s", run.output()).isZero();
        assertThat(run.output()).containsPattern("\\|\\s*ANSWER\\s*\\|").containsPattern("\\|\\s*42\\s*\\|");
    }

    @Test
    void anUnknownNameFailsWithTheNamesThatExist() throws Exception {
        String name = Project.uniqueName("sqlline_known");
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = " + Project.toml("jdbc:h2:mem:" + name) + "\n");

        Run run = sqlline("-u", project.url("no_such_name"), "-n", "", "-p", "", "-e", "SELECT 1;");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("No connection named 'no_such_name'", name, "state=42704");
    }

    private record Run(int exitCode, String output) {
    }

    /** sqlline in its own JVM, from a working directory that is not the project, with a home of its own. */
    private Run sqlline(String... arguments) throws IOException, InterruptedException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path workingDir = Files.createDirectories(tmp.resolve("elsewhere"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Duser.home=" + home); // sqlline keeps its history under ~/.sqlline
        command.add("-cp");
        command.add(String.join(File.pathSeparator, Jars.stconnJar().toString(), sqllineJar().toString(),
                Jars.h2Jar().toString()));
        command.add("sqlline.SqlLine");
        // without a terminal jline's width is 0 and sqlline would print every column empty
        command.add("--maxWidth=200");
        command.addAll(List.of(arguments));

        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        CLEARED_ENV.forEach(builder.environment()::remove);
        Path output = tmp.resolve("sqlline.out");
        Path input = Files.writeString(tmp.resolve("sqlline.in"), "");
        Process process = builder.redirectOutput(output.toFile()).redirectInput(input.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sqlline did not finish in 120 s:\n" + Files.readString(output));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println("sqlline " + String.join(" ", arguments) + "\n" + text);
        return new Run(process.exitValue(), text);
    }

    /** target/sqlline/sqlline-<version>-jar-with-dependencies.jar, next to target/test-classes. */
    private static Path sqllineJar() throws IOException {
        Path folder = Jars.testClasses().getParent().resolve("sqlline");
        assertThat(folder).as("written by maven-dependency-plugin (tests/pom.xml, execution sqlline)").isDirectory();
        try (Stream<Path> jars = Files.list(folder)) {
            List<Path> found = jars.filter(p -> p.getFileName().toString().endsWith("-jar-with-dependencies.jar")).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }
}
