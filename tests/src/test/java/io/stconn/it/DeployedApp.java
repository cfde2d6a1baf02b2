package io.stconn.it;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.ServiceLoader;

/**
 * A web application as an application server deploys it: loaded by {@link RedeployIT} into a class
 * loader of its own beside the drop-in jar and H2, it connects through DriverManager and, when
 * undeployed, deregisters the drivers its loader brought (as Tomcat's leak prevention does). Uses
 * nothing but the JDK: no test library is visible in that loader.
 */
public final class DeployedApp {
    private DeployedApp() {
    }

    /**
     * Registers the drivers of the application's own jars, as applications in a server do
     * (DriverManager loads service-registered drivers once per JVM, not per application).
     */
    public static void deploy() {
        ServiceLoader.load(Driver.class, DeployedApp.class.getClassLoader()).forEach(d -> {
        });
    }

    /** Connects {@code times} times and returns the marker row of the last connection. */
    public static String use(String url, int times) throws SQLException {
        String marker = null;
        for (int i = 0; i < times; i++) {
            try (Connection c = DriverManager.getConnection(url);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v FROM marker")) {
                rs.next();
                marker = rs.getString(1);
            }
        }
        return marker;
    }

    /**
     * Borrows a connection, undeploys while holding it, and says what the held connection does
     * then: {@code closed=<isClosed()> query=<ok or the SQLState>}.
     */
    public static String holdWhileUndeploying(String url) throws SQLException {
        Connection held = DriverManager.getConnection(url);
        undeploy();
        String query;
        try (Statement s = held.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM marker")) {
            rs.next();
            query = "ok";
        } catch (SQLException e) {
            query = e.getSQLState();
        }
        String shown = "closed=" + held.isClosed() + " query=" + query;
        held.close();
        return shown;
    }

    /** Deregisters every driver of this application's class loader; returns how many. */
    public static int undeploy() throws SQLException {
        ClassLoader mine = DeployedApp.class.getClassLoader();
        int count = 0;
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == mine) {
                DriverManager.deregisterDriver(driver);
                count++;
            }
        }
        return count;
    }
}
