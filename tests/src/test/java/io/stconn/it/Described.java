package io.stconn.it;

import io.stconn.StconnDriver;
import io.stconn.request.RequestParser;
import io.stconn.spi.PoolTarget;
import java.sql.SQLException;
import java.util.Properties;

/**
 * What stconn resolves a {@code jdbc:stconn:} URL to, without building a pool or touching the
 * network: the real driver it loaded, the JDBC URL and properties it would hand that driver, and
 * the HikariCP settings. Through the public {@code StconnDriver.pools().describe(request)}.
 */
final class Described {
    private Described() {
    }

    static PoolTarget target(String url) throws SQLException {
        return StconnDriver.pools()
                .describe(RequestParser.parse(url, new Properties(), StconnDriver.pools().resolver().environment()))
                .target();
    }
}
