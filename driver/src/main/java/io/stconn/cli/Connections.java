package io.stconn.cli;

import io.stconn.SqlState;
import io.stconn.StconnDriver;
import io.stconn.internal.Masking;
import io.stconn.request.ConnectionRequest;
import io.stconn.request.RequestParser;
import io.stconn.road.Road;
import io.stconn.resolve.Resolution;
import io.stconn.secrets.Secrets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.Objects;

/**
 * The tool's only way into stconn, the road every door takes: a {@code jdbc:stconn:} URL and
 * Properties, parsed by the driver's request parser, then the shared pools and their resolver. So
 * what describe shows is what the driver uses, and check connects as any JDBC tool does.
 */
final class Connections {
    private Connections() {
    }

    static String url(String name) {
        return RequestParser.PREFIX + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static ConnectionRequest request(String name, Properties properties) throws SQLException {
        return Road.shared().request(url(name), properties);
    }

    /** What the driver would pool for this name, without building the pool. */
    static Resolution describe(String name, Properties properties) throws SQLException {
        return Road.shared().describe(request(name, properties));
    }

    /**
     * What the driver would pool for this name; when the real driver's jar is missing, the type and
     * configuration still (a resolution without a target) and the missing driver as {@code missing}.
     */
    static Described describeEvenWithoutDriver(String name, Properties properties) throws SQLException {
        try {
            return new Described(describe(name, properties), null);
        } catch (SQLException e) {
            if (SqlState.reasonOf(e).orElse(null) != SqlState.DRIVER_NOT_FOUND) {
                throw e;
            }
            return new Described(Road.shared().describeConfiguration(request(name, properties)), e);
        }
    }

    /** A resolution, and when its target could not be built for want of a driver jar, why. */
    record Described(Resolution resolution, SQLException missingDriver) {
        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Described other
            && Objects.equals(resolution, other.resolution)
            && Objects.equals(missingDriver, other.missingDriver);
        }

        @Override
        public int hashCode() {
            return Objects.hash(resolution, missingDriver);
        }

        @Override
        public String toString() {
            return "Described[resolution=" + resolution + ", missingDriver=" + missingDriver + "]";
        }
    }

    /** The merged secrets the options point at (--project, --secrets, -p project_dir=...). */
    static Secrets secrets(Properties properties) throws SQLException {
        // any name will do: which files are read depends on the kwargs and the environment only
        ConnectionRequest any = request("*", properties);
        return Road.shared().secrets(any);
    }

    /** Exactly the road every JDBC tool takes: the java.sql.Driver API with a jdbc:stconn: URL. */
    static Connection open(String name, Properties properties) throws SQLException {
        String url = url(name);
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
        new TreeMap<>(properties).forEach((k, v) -> shown.add(k + "=" + Masking.value(String.valueOf(k), v)));
        return shown.toString();
    }
}
