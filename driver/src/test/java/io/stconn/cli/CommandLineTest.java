package io.stconn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandLineTest {
    @TempDir
    Path temp;

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {}, "no command given (commands: list, describe, check, query, lint, completion)"),
                Arguments.of(new String[] {"--debug"}, "no command given (commands: list, describe, check, query, lint, completion)"),
                Arguments.of(new String[] {"select", "demo", "SELECT 1"}, "unknown command 'select' (commands: list, describe, check, query, lint, completion)"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--bogus"}, "unknown option --bogus"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--fromat", "csv"},
                        "unknown option --fromat (did you mean --format?)"),
                Arguments.of(new String[] {"list", "--projet", "."}, "unknown option --projet (did you mean --project?)"),
                Arguments.of(new String[] {"qurey", "demo", "SELECT 1"},
                        "unknown command 'qurey' (did you mean query? commands: list, describe, check, query, lint, completion)"),
                Arguments.of(new String[] {"query", "-f"}, "-f needs a value"),
                Arguments.of(new String[] {"list", "--file", "pom.xml"}, "--file is an option of query, not of list"),
                Arguments.of(new String[] {"completion"}, "completion takes 1 argument, bash|zsh, but got 0: stconn completion bash|zsh"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "-x"}, "unknown option -x"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--bogus=1"}, "unknown option --bogus"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--format"}, "--format needs a value"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--format", "xml"},
                        "--format must be table, csv or json, not 'xml'"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--format=yaml"},
                        "--format must be table, csv or json, not 'yaml'"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--max-rows", "ten"},
                        "--max-rows needs a whole number of at least 1, not 'ten'"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--max-rows", "0"},
                        "--max-rows needs a whole number of at least 1, not '0'"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--max-rows", "-3"},
                        "--max-rows needs a whole number of at least 1, not '-3'"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--max-rows"}, "--max-rows needs a value"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "-p"}, "-p needs a value"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "-p", "hunter2"}, "-p needs key=value, as in -p ttl=60"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "-p", "=hunter2"}, "-p needs key=value, as in -p ttl=60"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--debug=yes"}, "--debug takes no value"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--project"}, "--project needs a value"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--secrets", "a\0b"}, "--secrets: not a usable path: a\0b"),
                Arguments.of(new String[] {"query", "demo"},
                        "query takes 2 arguments, <name> and \"<sql>\", but got 1: stconn query <name> \"<sql>\""),
                Arguments.of(new String[] {"query", "demo", "SELECT", "1"},
                        "query takes 2 arguments, <name> and \"<sql>\", but got 3 (put the SQL in quotes): "
                                + "stconn query <name> \"<sql>\""),
                Arguments.of(new String[] {"query", "demo", " "}, "query: \"<sql>\" is empty: stconn query <name> \"<sql>\""),
                Arguments.of(new String[] {"query", "", "SELECT 1"}, "query: <name> is empty: stconn query <name> \"<sql>\""),
                Arguments.of(new String[] {"list", "demo"}, "list takes no arguments but got 1: stconn list"),
                Arguments.of(new String[] {"describe"}, "describe takes 1 argument, <name>, but got 0: stconn describe <name>"),
                Arguments.of(new String[] {"describe", "a", "b"},
                        "describe takes 1 argument, <name>, but got 2: stconn describe <name>"),
                Arguments.of(new String[] {"describe", ""}, "describe: <name> is empty: stconn describe <name>"),
                Arguments.of(new String[] {"check", "a", "b", "a"}, "check: 'a' is named twice"),
                Arguments.of(new String[] {"check", " "}, "check: a <name> is empty: stconn check [<name>...]"),
                Arguments.of(new String[] {"list", "--format", "csv"},
                        "--format is an option of query, not of list (list, describe and check take --json)"),
                Arguments.of(new String[] {"describe", "demo", "--max-rows", "3"},
                        "--max-rows is an option of query, not of describe"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--timeout", "3"},
                        "--timeout is an option of check, not of query"),
                Arguments.of(new String[] {"check", "--timeout", "0"}, "--timeout needs a whole number of at least 1, not '0'"),
                Arguments.of(new String[] {"check", "--timeout"}, "--timeout needs a value"),
                Arguments.of(new String[] {"check", "--json=yes"}, "--json takes no value"),
                Arguments.of(new String[] {"query", "demo", "SELECT 1", "--json", "--format", "csv"},
                        "--json and --format csv disagree: give one of them"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void refusesWithOneLineMessage(String[] args, String message) {
        assertThatThrownBy(() -> CommandLine.parse(args)).isInstanceOf(UsageException.class).hasMessage(message);
    }

    @Test
    void optionsComeBeforeOrAfterTheCommand() throws Exception {
        CommandLine before = CommandLine.parse("--format", "csv", "--max-rows", "5", "query", "demo",
                "SELECT 1");
        CommandLine after = CommandLine.parse("query", "demo", "SELECT 1", "--format=CSV",
                "--max-rows=5");
        for (CommandLine parsed : new CommandLine[] {before, after}) {
            assertThat(parsed.command()).isEqualTo(Command.QUERY);
            assertThat(parsed.operands()).containsExactly("demo", "SELECT 1");
            assertThat(parsed.format()).isEqualTo(OutputFormat.CSV);
            assertThat(parsed.maxRows()).isEqualTo(5);
        }
    }

    @Test
    void defaultsAreATableOfEveryRow() throws Exception {
        CommandLine parsed = CommandLine.parse("query", "demo", "SELECT 1");
        assertThat(parsed.format()).isEqualTo(OutputFormat.TABLE);
        assertThat(parsed.maxRows()).isEqualTo(CommandLine.ALL_ROWS);
        assertThat(parsed.debug()).isFalse();
        assertThat(parsed.connectProperties()).isEmpty();
    }

    @Test
    void listDescribeAndCheckTakeTheirOperands() throws Exception {
        assertThat(CommandLine.parse("list").command()).isEqualTo(Command.LIST);
        assertThat(CommandLine.parse("describe", "demo").operands()).containsExactly("demo");
        assertThat(CommandLine.parse("check").operands()).isEmpty();
        assertThat(CommandLine.parse("check", "a", "b", "c").operands()).containsExactly("a", "b", "c");
    }

    @Test
    void jsonIsAFlagAndForQueryTheJsonFormat() throws Exception {
        assertThat(CommandLine.parse("list").json()).isFalse();
        assertThat(CommandLine.parse("list", "--json").json()).isTrue();
        assertThat(CommandLine.parse("query", "demo", "SELECT 1", "--json").format()).isEqualTo(OutputFormat.JSON);
        assertThat(CommandLine.parse("query", "demo", "SELECT 1", "--json", "--format", "json").json()).isTrue();
        assertThat(CommandLine.parse("query", "demo", "SELECT 1", "--format", "json").json()).isTrue();
    }

    @Test
    void checkWaitsTenSecondsUnlessToldOtherwise() throws Exception {
        assertThat(CommandLine.parse("check").timeoutSeconds()).isEqualTo(CommandLine.DEFAULT_TIMEOUT_SECONDS).isEqualTo(10);
        assertThat(CommandLine.parse("check", "--timeout=2").timeoutSeconds()).isEqualTo(2);
    }

    @Test
    void eachKwargRemembersTheOptionThatGaveIt() throws Exception {
        CommandLine parsed = CommandLine.parse("describe", "demo", "-p", "ttl=60", "--project", temp.toString(),
                "--secrets", "a.toml");
        assertThat(parsed.kwargOptions()).containsEntry("ttl", "-p").containsEntry("project_dir", "--project")
                .containsEntry("secrets_files", "--secrets");
    }

    @Test
    void doubleDashEndsTheOptions() throws Exception {
        CommandLine parsed = CommandLine.parse("query", "--", "-demo", "--not-an-option");
        assertThat(parsed.operands()).containsExactly("-demo", "--not-an-option");
    }

    @Test
    void kwargsProjectAndSecretsBecomeConnectProperties() throws Exception {
        Path a = temp.resolve("a.toml");
        CommandLine parsed = CommandLine.parse("query", "demo", "SELECT 1", "-p", "ttl=60",
                "-p", "password=x=y", "--project", temp.toString(), "--secrets", a.toString(), "--secrets", "b.toml");
        assertThat(parsed.connectProperties())
                .containsEntry("ttl", "60")
                .containsEntry("password", "x=y")
                .containsEntry("project_dir", temp.toAbsolutePath().normalize().toString())
                .containsEntry("secrets_files", a.toAbsolutePath() + File.pathSeparator
                        + Path.of("b.toml").toAbsolutePath());
    }

    @Test
    void projectMustBeAnExistingFolder() throws IOException {
        Path file = Files.writeString(temp.resolve("file.txt"), "");
        Path missing = temp.resolve("missing");
        assertThatThrownBy(() -> CommandLine.parse("query", "demo", "SELECT 1", "--project", missing.toString()))
                .hasMessage("--project: no such file or folder: " + missing);
        assertThatThrownBy(() -> CommandLine.parse("query", "demo", "SELECT 1", "--project", file.toString()))
                .hasMessage("--project must be a folder: " + file);
    }

    @Test
    void projectTwiceOverIsRefused() {
        assertThatThrownBy(() -> CommandLine.parse("query", "demo", "SELECT 1", "--project", temp.toString(),
                "-p", "project_dir=/elsewhere"))
                .hasMessage("give --project or -p project_dir=..., not both");
    }

    @Test
    void driverPathEntriesMustExist() throws Exception {
        Path jar = Files.writeString(temp.resolve("driver.jar"), "");
        Path missing = temp.resolve("nope.jar");
        assertThat(CommandLine.parse("query", "demo", "SELECT 1", "--driver-path", jar.toString(),
                "--driver-path", temp + "/*").driverPath()).containsExactly(jar, temp);
        assertThatThrownBy(() -> CommandLine.parse("query", "demo", "SELECT 1", "--driver-path", missing.toString()))
                .hasMessage("--driver-path: no such file or folder: " + missing);
    }

    @Test
    void helpAndVersionNeedNoCommand() throws Exception {
        assertThat(CommandLine.parse("--help").help()).isTrue();
        assertThat(CommandLine.parse("-h").help()).isTrue();
        assertThat(CommandLine.parse("--version").version()).isTrue();
        assertThat(CommandLine.parse("query", "--help").help()).isTrue();
    }
}
