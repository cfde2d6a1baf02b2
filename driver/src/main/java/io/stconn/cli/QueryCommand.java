package io.stconn.cli;

import io.stconn.StconnDriver;
import io.stconn.internal.Masking;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeMap;

/** {@code query <name> "<sql>"}: runs one statement through the driver and prints its result. */
final class QueryCommand {
    private QueryCommand() {
    }

    static int run(CommandLine commandLine, PrintStream out, PrintStream err) throws SQLException {
        String name = commandLine.operands().get(0);
        String sql = commandLine.operands().get(1);
        int maxRows = commandLine.maxRows();
        try (Connection connection = connect(name, commandLine.connectProperties());
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

    /** Exactly the road every JDBC tool takes: the java.sql.Driver API with a jdbc:stconn: URL. */
    static Connection connect(String name, Properties properties) throws SQLException {
        String url = "jdbc:stconn:" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        CliLogging.debug(() -> "connecting to " + url + " with " + shown(properties));
        Connection connection = new StconnDriver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("the stconn driver did not accept " + url);
        }
        return connection;
    }

    // -p values whose key looks secret are never printed, not even in the debug log
    private static String shown(Properties properties) {
        StringJoiner shown = new StringJoiner(", ", "{", "}");
        new TreeMap<>(properties).forEach((k, v) -> shown.add(k + "=" + (Masking.isSecretKey(String.valueOf(k))
                ? Masking.MASK : v)));
        return shown.toString();
    }
}
