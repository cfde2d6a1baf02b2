package io.stconn.it;

import static io.stconn.it.CliProcess.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.it.CliProcess.Run;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stconn check}: five connections, three good (an H2 file, H2 in memory, a SQLite file),
 * PostgreSQL on a closed port (refused at once) and H2 over TCP to a socket of this test's that
 * accepts and never answers (silent until the timeout). All are checked at once.
 */
class CliCheckIT {
    private static final String LINT_LINE = "2 places where Streamlit reads these secrets differently: see stconn lint\n";
    private static final Pattern LINE = Pattern.compile("(?m)^(\\S+) +(OK|FAILED) +(\\d+) ms(?:  (.*))?$");
    private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) OK, (\\d+) failed, in (\\d+) ms$");

    @TempDir
    Path temp;
    private CliProcess cli;
    private Project project;
    private ServerSocket silent;
    private int closedPort;

    @BeforeEach
    void fiveConnections() throws Exception {
        cli = new CliProcess(temp);
        // accepts connections (the kernel's backlog does) but never reads or writes
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        project = Project.in(temp).secrets("""
                [connections.pets]
                dialect = "h2"
                database = "db/pets"

                [connections.scratch]
                url = "jdbc:h2:mem:scratch"

                [connections.notes]
                url = "sqlite:///notes.db"

                [connections.pg_down]
                url = "postgresql://app:%s@127.0.0.1:%d/shop"

                [connections.silent]
                url = "jdbc:h2:tcp://127.0.0.1:%d/mem:nothing"
                """.formatted(Project.PASSWORD, closedPort, silent.getLocalPort()));
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + project.resolve("db/pets"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pets (id INT)");
        }
    }

    @AfterEach
    void closeTheSilentSocket() throws IOException {
        silent.close();
    }

    private Run check(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", "--project", project.dir().toString()));
        for (Class<?> driver : List.of(org.h2.Driver.class, org.sqlite.JDBC.class, org.postgresql.Driver.class)) {
            args.addAll(List.of("--driver-path", Jars.of(driver).toString()));
        }
        args.addAll(List.of(more));
        return cli.run(args);
    }

    @Test
    void checksAllAtOnceSaysWhichFailedAndWhyAndExitsOne() throws Exception {
        Run run = check("--timeout", "2");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        String out = lines(run.out());
        List<String> names = new ArrayList<>();
        long sum = 0;
        Matcher line = LINE.matcher(out);
        while (line.find()) {
            names.add(line.group(1) + " " + line.group(2));
            sum += Long.parseLong(line.group(3));
            switch (line.group(1)) {
                case "pg_down" -> assertThat(line.group(4)).startsWith("Cannot connect to 'pg_down' (jdbc:postgresql://"
                        + "127.0.0.1:" + closedPort + "/shop)").contains("refused");
                case "silent" -> {
                    assertThat(line.group(4)).isEqualTo("no answer in 2 s: the host may be unreachable or silent (give it "
                            + "longer with --timeout SECONDS)");
                    assertThat(Long.parseLong(line.group(3))).isBetween(2_000L, 4_000L);
                }
                // a SQLite file that is not there yet is created by the check, which says so
                case "notes" -> assertThat(line.group(4)).startsWith("warning: the database file ")
                        .contains("notes.db (the relative path notes.db is taken from the project folder ")
                        .endsWith("did not exist: the first connection creates it empty. If you meant an existing file,"
                                + " fix the path.");
                default -> assertThat(line.group(4)).isNull();
            }
        }
        // in the order of the secrets' names, sorted
        assertThat(names).containsExactly("notes OK", "pets OK", "pg_down FAILED", "scratch OK", "silent FAILED");
        Matcher summary = SUMMARY.matcher(out);
        assertThat(summary.find()).isTrue();
        assertThat(summary.group(1) + "/" + summary.group(2)).isEqualTo("3/2");
        long total = Long.parseLong(summary.group(3));
        // in parallel: the whole takes about as long as the slowest, less than all of them one after another
        assertThat(total).isLessThan(sum).isLessThan(4_000L);
        // then the one line of stconn lint: these sections have no type = "sql", which Streamlit needs
        assertThat(out).endsWith(summary.group() + "\n" + LINT_LINE).doesNotContain(Project.PASSWORD);
        // and the silent host did not hold the process for HikariCP's 30 s
        assertThat(run.millis()).isLessThan(20_000L);
    }

    @Test
    void namedConnectionsOnlyAndExitZeroWhenAllAreOk() throws Exception {
        Run run = check("scratch", "pets");
        assertThat(run.exit()).isZero();
        assertThat(lines(run.out())).matches("scratch  OK +\\d+ ms\npets     OK +\\d+ ms\n2 OK, 0 failed, in \\d+ ms\n"
                + Pattern.quote(LINT_LINE));
    }

    @Test
    void jsonIsAnArrayOfNameOkMillisError() throws Exception {
        Run run = check("pets", "pg_down", "nope", "--json");
        assertThat(run.exit()).isEqualTo(1);
        List<String> out = lines(run.out()).lines().toList();
        assertThat(out).hasSize(5);
        assertThat(out.get(0)).isEqualTo("[");
        assertThat(out.get(1)).matches("  \\{\"name\": \"pets\", \"ok\": true, \"millis\": \\d+, \"error\": null, \"warnings\": \\[]},");
        assertThat(out.get(2)).matches("  \\{\"name\": \"pg_down\", \"ok\": false, \"millis\": \\d+, \"error\": \"Cannot connect"
                + " to 'pg_down' .*\", \"warnings\": \\[]},");
        assertThat(out.get(3)).matches("  \\{\"name\": \"nope\", \"ok\": false, \"millis\": \\d+, \"error\": \"No connection "
                + "named 'nope' in the secrets: .*\", \"warnings\": \\[]}");
        assertThat(out.get(4)).isEqualTo("]");
    }

    @Test
    void aMissingDriverSaysWhereTheToolLooked() throws Exception {
        Run run = cli.run("check", "pets", "--project", project.dir().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(lines(run.out())).startsWith("pets  FAILED").contains("JDBC driver not found for connection 'pets'",
                "The command-line tool looked in: the class path; --driver-path (none given)");
    }

    @Test
    void withoutAnyConnectionThereIsNothingToCheck() throws Exception {
        Path empty = temp.resolve("empty.toml");
        Project.write(empty, "title = \"no connections\"\n");
        Run run = cli.run("check", "--secrets", empty.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stconn: Nothing to check").hasLineCount(1);
    }

    @Test
    void noSpinnerWhenNoTerminalIsAttached() throws Exception {
        Run run = check("scratch");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain("\r");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check a a", "check --timeout 0", "check --timeout soon", "check --format csv",
            "check --max-rows 2", "check --timeout"})
    void badUsageExitsTwoWithOneLine(String line) throws Exception {
        Run run = cli.run(line.split(" "));
        assertThat(run.exit()).as(run.all()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("stconn: ").hasLineCount(1);
    }
}
