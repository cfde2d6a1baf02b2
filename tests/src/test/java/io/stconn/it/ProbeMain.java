package io.stconn.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs in a child JVM (see {@link ChildJvm}) with only the drop-in jar, H2 and the test classes on
 * its class path: for each URL argument, connects through DriverManager and prints one line,
 * {@code OK <marker>} or {@code ERR <SQLState> <message on one line>}.
 */
public final class ProbeMain {
    private ProbeMain() {
    }

    public static void main(String[] args) {
        for (String url : args) {
            try (Connection c = DriverManager.getConnection(url);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v FROM marker")) {
                rs.next();
                System.out.println("OK " + rs.getString(1));
            } catch (SQLException e) {
                System.out.println("ERR " + e.getSQLState() + " " + String.valueOf(e.getMessage()).replaceAll("\\R", " | "));
            } catch (RuntimeException e) {
                System.out.println("CRASH " + e);
            }
        }
        System.out.flush();
        // pools keep threads; the probe is done
        System.exit(0);
    }
}
