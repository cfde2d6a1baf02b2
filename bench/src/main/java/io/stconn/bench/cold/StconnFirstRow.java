package io.stconn.bench.cold;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Cold start, stconn: {@code jdbc:stconn:bench} configured by the project's secrets.toml. Argument: the project folder. */
public final class StconnFirstRow {
    private StconnFirstRow() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:stconn:bench?project_dir=" + args[0]);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            FirstRow.print(rs.getInt(1));
        }
    }
}
