package io.stconn.cli;

import io.stconn.internal.Nearest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The tool's commands: name, operands and help line, so that parsing and --help agree. */
enum Command {
    LIST("list", List.of(), false, "list the connections: name, type, the file each comes from"),
    DESCRIBE("describe", List.of("<name>"), false, "show what the driver makes of <name>, secrets masked"),
    CHECK("check", List.of("<name>"), true, "connect to each (all when none is named) and validate it"),
    QUERY("query", List.of("<name>", "\"<sql>\""), false,
            "run SQL on <name> and print the result; the SQL may be - (standard input) or -f FILE"),
    LINT("lint", List.of(), false, "say where Streamlit reads the secrets differently from stconn"),
    COMPLETION("completion", List.of("bash|zsh"), false, "print the shell completion script (source it from your shell's rc)");

    private final String word;
    private final List<String> operands;
    // any number of the one operand, none included
    private final boolean repeated;
    private final String description;

    Command(String word, List<String> operands, boolean repeated, String description) {
        this.word = word;
        this.operands = operands;
        this.repeated = repeated;
        this.description = description;
    }

    String word() {
        return word;
    }

    String synopsis() {
        String shown = repeated ? "[" + operands.get(0) + "...]" : String.join(" ", operands);
        return shown.isEmpty() ? word : word + " " + shown;
    }

    String description() {
        return description;
    }

    static Command named(String word) throws UsageException {
        for (Command command : values()) {
            if (command.word.equals(word.toLowerCase(Locale.ROOT))) {
                return command;
            }
        }
        String guess = Nearest.to(word, Arrays.stream(values()).map(Command::word).toList())
                .map(n -> "did you mean " + n + "? ").orElse("");
        throw new UsageException("unknown command '" + word + "' (" + guess + "commands: " + words() + ")");
    }

    /** Every operand is required and none may be blank: a missing quote around SQL shows up here. */
    void checkOperands(List<String> given, boolean sqlFromFile) throws UsageException {
        if (sqlFromFile) {
            // query -f FILE <name>: the file stands in for the SQL operand
            if (given.size() != 1) {
                throw new UsageException(word + " -f FILE takes 1 argument, <name>, but got " + given.size()
                        + (given.size() > 1 ? " (give the SQL in the file or as an argument, not both)" : "")
                        + ": stconn query -f FILE <name>");
            }
            checkOperands(List.of(given.get(0), "-f"), false);
            return;
        }
        if (repeated) {
            Set<String> seen = new HashSet<>();
            for (String operand : given) {
                if (operand.isBlank()) {
                    throw new UsageException(word + ": a " + operands.get(0) + " is empty: stconn " + synopsis());
                }
                if (!seen.add(operand)) {
                    throw new UsageException(word + ": '" + operand + "' is named twice");
                }
            }
            return;
        }
        if (given.size() != operands.size()) {
            String wanted = switch (operands.size()) {
                case 0 -> "no arguments";
                case 1 -> "1 argument, " + operands.get(0) + ",";
                default -> operands.size() + " arguments, " + String.join(" and ", operands) + ",";
            };
            // the SQL is the last operand of query: words beyond it are SQL that lost its quotes
            String hint = given.size() > operands.size() && this == QUERY ? " (put the SQL in quotes)" : "";
            throw new UsageException(word + " takes " + wanted + " but got " + given.size() + hint + ": stconn "
                    + synopsis());
        }
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i).isBlank()) {
                throw new UsageException(word + ": " + operands.get(i) + " is empty: stconn " + synopsis());
            }
        }
    }

    static String words() {
        return Arrays.stream(values()).map(Command::word).collect(Collectors.joining(", "));
    }
}
