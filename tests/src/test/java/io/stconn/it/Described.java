package io.stconn.it;

import io.stconn.road.Road;
import io.stconn.spi.PoolTarget;
import java.sql.SQLException;
import java.util.Properties;

/**
 * What stconn resolves a {@code jdbc:stconn:} URL to, without building a pool or touching the
 * network: the real driver it loaded, the JDBC URL and properties it would hand that driver, and
 * the HikariCP settings. Through the road every door takes ({@code Road.shared().describe(request)}).
 */
final class Described {
    private Described() {
    }

    static PoolTarget target(String url) throws SQLException {
        Road road = Road.shared();
        return road.describe(road.request(url, new Properties())).target();
    }
}
