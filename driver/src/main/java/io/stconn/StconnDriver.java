package io.stconn;

import io.stconn.request.ConnectionRequest;
import io.stconn.request.RequestParser;
import io.stconn.road.Road;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JDBC driver for {@code jdbc:stconn:<name>} URLs. It does the JDBC contract and nothing
 * else: it reads the URL and Properties into a request and asks the pools for a connection.
 * Every instance shares the one registry of pools; one instance is registered with DriverManager,
 * with a DriverAction that closes every pool when it is deregistered.
 */
public final class StconnDriver implements Driver {
    static final Logger ROOT_LOGGER = Logger.getLogger("io.stconn");
    private static final Road ROAD = Road.shared();
    private static final String VERSION = readVersion();
    private static final int MAX_CACHED_REQUESTS = 1024;
    private static final ConcurrentHashMap<String, ConnectionRequest> REQUESTS = new ConcurrentHashMap<>();
    /** The last URL asked for, matched by identity first: a program usually passes the same String every time. */
    private static volatile LastRequest last;

    private record LastRequest(String url, ConnectionRequest request) {
        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof LastRequest other
                && Objects.equals(url, other.url)
                && Objects.equals(request, other.request);
        }

        @Override
        public int hashCode() {
            return Objects.hash(url, request);
        }

        @Override
        public String toString() {
            return "LastRequest[url=" + url + ", request=" + request + "]";
        }
    }

    static {
        try {
            DriverManager.registerDriver(new StconnDriver(), ROAD::closeAll);
        } catch (SQLException e) {
            ROOT_LOGGER.log(Level.SEVERE, "stconn: could not register with DriverManager", e);
        }
    }

    /** Public for tools that instantiate drivers by reflection; all instances share the pools. */
    public StconnDriver() {
        // state is static: a driver per instance would leak pools in app servers
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        return ROAD.connection(request(url, info));
    }

    /** Parsed requests are cached per URL when no Properties are given, so the hot path parses nothing. */
    static ConnectionRequest request(String url, Properties info) throws SQLException {
        if (info != null && !info.isEmpty() && !onlyBlankLogin(info)) {
            return ROAD.request(url, info);
        }
        LastRequest memo = last;
        if (memo != null && memo.url() == url) {
            return memo.request();
        }
        ConnectionRequest cached = REQUESTS.get(url);
        if (cached == null) {
            cached = ROAD.request(url, null);
            if (REQUESTS.size() >= MAX_CACHED_REQUESTS) {
                REQUESTS.clear();
            }
            REQUESTS.put(url, cached);
        }
        last = new LastRequest(url, cached);
        return cached;
    }

    /** Only an empty user and password, as GUI tools and DriverManager send them: the same as no Properties. */
    private static boolean onlyBlankLogin(Properties info) {
        int blank = ("".equals(info.get("user")) ? 1 : 0) + ("".equals(info.get("password")) ? 1 : 0);
        return blank == info.size();
    }

    @Override
    public boolean acceptsURL(String url) {
        return RequestParser.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return PropertyInfo.of(url, info);
    }

    @Override
    public int getMajorVersion() {
        return version(0);
    }

    @Override
    public int getMinorVersion() {
        return version(1);
    }

    /** False: stconn delegates every call to the real driver, whose compliance is its own. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return ROOT_LOGGER;
    }

    public static String version() {
        return VERSION;
    }

    private static int version(int part) {
        String[] parts = VERSION.split("[.-]");
        try {
            return parts.length > part ? Integer.parseInt(parts[part]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String readVersion() {
        try (InputStream in = StconnDriver.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "0.0.0");
        } catch (IOException e) {
            return "0.0.0";
        }
    }

    @Override
    public String toString() {
        return "stconn JDBC driver " + VERSION;
    }
}
