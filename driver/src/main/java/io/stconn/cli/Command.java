package io.stconn.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The tool's commands: name, operands and help line, so that parsing and --help agree. */
enum Command {
    QUERY("query", List.of("<name>", "\"<sql>\""), "run SQL on connection <name> and print the result");

    private final String word;
    private final List<String> operands;
    private final String description;

    Command(String word, List<String> operands, String description) {
        this.word = word;
        this.operands = operands;
        this.description = description;
    }

    String word() {
        return word;
    }

    String synopsis() {
        return word + " " + String.join(" ", operands);
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
        throw new UsageException("unknown command '" + word + "' (commands: " + words() + ")");
    }

    /** Every operand is required and none may be blank: a missing quote around SQL shows up here. */
    void checkOperands(List<String> given) throws UsageException {
        if (given.size() != operands.size()) {
            throw new UsageException(word + " takes " + operands.size() + " arguments, " + String.join(" and ", operands)
                    + ", but got " + given.size() + (given.size() > operands.size() ? " (put the SQL in quotes)" : "")
                    + ": stconn " + synopsis());
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
