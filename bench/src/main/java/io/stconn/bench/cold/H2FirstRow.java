package io.stconn.bench.cold;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Cold start, H2's own driver through DriverManager, no pool. Argument: the H2 URL. */
public final class H2FirstRow {
    private H2FirstRow() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            FirstRow.print(rs.getInt(1));
        }
    }
}
