package io.stconn.it;

import io.stconn.road.Road;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.management.JMException;
import javax.management.ObjectName;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Connections through stconn whose pools are retired after each test ({@code @RegisterExtension}).
 * Pools live as long as the JVM; on a shared server (PostgreSQL allows 100 connections) the pools
 * of a whole test run would otherwise add up.
 */
final class OpenedPools implements AfterEachCallback {
    private record Opened(String url, Properties info) {
    }

    private final List<Opened> opened = new ArrayList<>();

    Connection connect(String url) throws SQLException {
        return connect(url, new Properties());
    }

    Connection connect(String url, Properties info) throws SQLException {
        Properties copy = new Properties();
        copy.putAll(info);
        opened.add(new Opened(url, copy));
        return DriverManager.getConnection(url, info);
    }

    /** For connections made some other way: retire the pool of {@code url} after the test too. */
    void track(String url) {
        opened.add(new Opened(url, new Properties()));
    }

    /**
     * An attribute of HikariCP's configuration bean of the pool of {@code name}, as a JMX console
     * shows it: {@code io.stconn.shaded.hikari:type=PoolConfig (stconn-<name>)}.
     */
    static Object poolConfig(String name, String attribute) {
        try {
            ObjectName bean = new ObjectName("io.stconn.shaded.hikari:type=PoolConfig (stconn-" + name + ")");
            return ManagementFactory.getPlatformMBeanServer().getAttribute(bean, attribute);
        } catch (JMException e) {
            throw new AssertionError("cannot read " + attribute + " of the pool configuration of " + name, e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        for (Opened o : opened) {
            Road.shared().reset(Road.shared().request(o.url(), o.info()));
        }
        opened.clear();
    }
}
