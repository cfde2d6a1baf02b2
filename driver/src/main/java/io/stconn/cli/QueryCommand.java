package io.stconn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * {@code query <name> "<sql>"}, {@code query <name> -} (standard input) and {@code query -f FILE <name>}:
 * runs the SQL through the driver and prints each result. An argument is one statement, sent as
 * written; a file or standard input is a script, cut into statements as psql cuts it, run in
 * order on one connection, stopping at the first that fails.
 */
final class QueryCommand {
    static final String STANDARD_INPUT = "-";

    private QueryCommand() {
    }

    static int run(CommandLine commandLine, InputStream in, PrintStream out, PrintStream err)
            throws SQLException, IOException, UsageException {
        String name = commandLine.operands().get(0);
        List<SqlScript.Statement> statements;
        String script;
        if (commandLine.sqlFile() != null) {
            script = commandLine.sqlFile().toString();
            statements = SqlScript.statements(Files.readString(commandLine.sqlFile(), StandardCharsets.UTF_8));
        } else if (commandLine.operands().get(1).equals(STANDARD_INPUT)) {
            script = "standard input";
            statements = SqlScript.statements(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } else {
            script = null;
            statements = List.of(new SqlScript.Statement(commandLine.operands().get(1), 1));
        }
        if (statements.isEmpty()) {
            throw new UsageException("query: " + script + " holds no SQL statement");
        }
        try (Connection connection = Connections.open(name, commandLine.connectProperties())) {
            for (int i = 0; i < statements.size(); i++) {
                SqlScript.Statement statement = statements.get(i);
                if (i > 0) {
                    out.println();
                }
                try {
                    execute(connection, statement.sql(), commandLine, out, err);
                } catch (SQLException e) {
                    if (script == null) {
                        throw e;
                    }
                    String before = i == 0 ? "" : i == 1 ? ", after the 1 before it ran" : ", after the " + i + " before it ran";
                    throw new SQLException("statement " + (i + 1) + " of " + statements.size() + " (" + script + ":"
                            + statement.line() + ") failed" + before + ": " + e.getMessage(),
                            e.getSQLState(), e.getErrorCode(), e);
                }
            }
            return 0;
        }
    }

    private static void execute(Connection connection, String sql, CommandLine commandLine, PrintStream out,
                                PrintStream err) throws SQLException {
        int maxRows = commandLine.maxRows();
        try (Statement statement = connection.createStatement()) {
            if (maxRows != CommandLine.ALL_ROWS) {
                // one more than shown, to know whether rows were cut
                statement.setMaxRows(maxRows + 1);
            }
            // only the first result: drivers disagree on getMoreResults, and some never end the loop
            if (!statement.execute(sql)) {
                int count = statement.getUpdateCount();
                out.println(count + (count == 1 ? " row affected" : " rows affected"));
                return;
            }
            ResultTable result;
            try (ResultSet rs = statement.getResultSet()) {
                result = ResultTable.read(rs, maxRows);
            }
            commandLine.format().write(result, out);
            if (result.cut()) {
                String note = "more rows were cut: only the first " + maxRows + " are shown (--max-rows " + maxRows + ")";
                if (commandLine.format().forPeople()) {
                    out.println(note);
                } else {
                    // csv and json readers must not find the note in their data
                    err.println("stconn: " + note);
                }
            }
        }
    }
}
