package io.stconn.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** {@code query <name> "<sql>"}: runs one statement through the driver and prints its result. */
final class QueryCommand {
    private QueryCommand() {
    }

    static int run(CommandLine commandLine, PrintStream out, PrintStream err) throws SQLException {
        String name = commandLine.operands().get(0);
        String sql = commandLine.operands().get(1);
        int maxRows = commandLine.maxRows();
        try (Connection connection = Connections.open(name, commandLine.connectProperties());
             Statement statement = connection.createStatement()) {
            if (maxRows != CommandLine.ALL_ROWS) {
                // one more than shown, to know whether rows were cut
                statement.setMaxRows(maxRows + 1);
            }
            // only the first result: drivers disagree on getMoreResults, and some never end the loop
            if (!statement.execute(sql)) {
                int count = statement.getUpdateCount();
                out.println(count + (count == 1 ? " row affected" : " rows affected"));
                return 0;
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
            return 0;
        }
    }
}
