package io.stconn.it;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;

/**
 * A web application as an application server deploys it: loaded by {@link RedeployIT} into a class
 * loader of its own beside the drop-in jar and H2, it connects through DriverManager and, when
 * undeployed, deregisters the drivers its loader brought (as Tomcat's leak prevention does). Uses
 * nothing but the JDK: no test library is visible in that loader.
 */
public final class DeployedApp {
    private DeployedApp() {
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
