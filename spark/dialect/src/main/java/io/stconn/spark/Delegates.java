package io.stconn.spark;

import io.stconn.Stconn;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcDialects;

/**
 * Which of Spark's dialects answers for a {@code jdbc:stconn:} URL: the one Spark picks for the
 * JDBC URL the stconn URL resolves to. Spark asks a dialect {@code canHandle(url)} and then calls
 * it without the URL, on the same thread; so the last stconn URL seen is remembered per thread,
 * and once for the JVM for the threads that never asked (a task that only writes).
 */
final class Delegates {
    private static final Logger LOG = Logger.getLogger(Delegates.class.getName());
    private static final String PREFIX = "jdbc:stconn:";
    /** Answers for a URL stconn cannot resolve: no dialect claims it, so it is Spark's plain one. */
    private static final String UNRESOLVED = "jdbc:stconn-unresolved:";
    private static final int MAX_CACHED = 256;
    /** Decided once per URL: a connection does not change the kind of database it reaches while a job runs. */
    private static final Map<String, JdbcDialect> BY_URL = new ConcurrentHashMap<>();
    private static final ThreadLocal<String> THREAD_URL = new ThreadLocal<>();
    private static volatile String lastUrl;

    private Delegates() {
    }

    static boolean isStconn(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** Notes the URL Spark is about to use the dialect for. */
    static void seen(String url) {
        THREAD_URL.set(url);
        lastUrl = url;
    }

    /** The stconn URL the dialect is used for on this thread now, or null. */
    static String current() {
        String url = THREAD_URL.get();
        return url != null ? url : lastUrl;
    }

    /** Spark's dialect for what this stconn URL resolves to (Spark's plain dialect for null). */
    static JdbcDialect of(String stconnUrl) {
        if (stconnUrl == null) {
            return JdbcDialects.get(UNRESOLVED);
        }
        JdbcDialect known = BY_URL.get(stconnUrl);
        if (known != null) {
            return known;
        }
        JdbcDialect found = JdbcDialects.get(resolve(stconnUrl));
        if (BY_URL.size() >= MAX_CACHED) {
            BY_URL.clear();
        }
        BY_URL.put(stconnUrl, found);
        return found;
    }

    /**
     * The resolved JDBC URL (passwords masked: only its prefix matters). A URL stconn cannot
     * resolve gets Spark's plain dialect here; connecting with it fails anyway, with stconn's
     * own message saying what to fix.
     */
    private static String resolve(String stconnUrl) {
        try {
            String jdbcUrl = Stconn.resolvedJdbcUrl(stconnUrl);
            if (jdbcUrl == null || isStconn(jdbcUrl)) {
                return UNRESOLVED;
            }
            return jdbcUrl;
        } catch (SQLException e) {
            LOG.warning(() -> "stconn: Spark's dialect for " + stconnUrl.replaceFirst("\\?.*", "")
                    + " is Spark's default: " + e.getMessage());
            return UNRESOLVED;
        }
    }
}
