package io.stconn;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Every SQLState stconn raises, in one place. Codes follow SQL:2016 classes so that tools which
 * classify failures by class (08 connection, 28 authorization, 22 data, 42 access rule) do the
 * right thing; the message always says what to do.
 */
public enum SqlState {
    /** The {@code jdbc:stconn:} URL itself cannot be read. */
    INVALID_URL("08001", true),
    /** A key has a value of the wrong form: a ttl that is not a duration, a port that is not a number. */
    INVALID_VALUE("22023", true),
    /** A value the connection needs is missing (no host, no account...). */
    MISSING_VALUE("22004", true),
    /** A secrets or configuration file is not valid TOML. */
    MALFORMED_SECRETS("42601", true),
    /** No secrets file exists in any of the places searched. */
    NO_SECRETS("08001", true),
    /** The connection name is not in the merged secrets. */
    UNKNOWN_CONNECTION("42704", true),
    /** The connection type cannot be chosen, or names something that is not a connection type. */
    UNKNOWN_TYPE("42704", true),
    /** The SQL dialect is not one stconn knows. */
    UNKNOWN_DIALECT("0A000", true),
    /** The real JDBC driver class is not on the class path. */
    DRIVER_NOT_FOUND("08001", true),
    /** The real database refused or could not be reached; the cause carries the driver's own state. */
    CONNECTION_FAILED("08001", false),
    /** Login refused. */
    INVALID_AUTHORIZATION("28000", false),
    /** A pool setting was refused by HikariCP's own validation. */
    INVALID_POOL_SETTING("22023", true),
    /** The driver was deregistered or the pool closed. */
    CLOSED("08003", false);

    private final String code;
    private final boolean configuration;

    SqlState(String code, boolean configuration) {
        this.code = code;
        this.configuration = configuration;
    }

    public String code() {
        return code;
    }

    /** A configuration error is a {@link StconnConfigurationException}: fixing the configuration is the only cure. */
    public boolean isConfiguration() {
        return configuration;
    }

    /** The one way stconn makes its exceptions: each carries this constant as its {@code reason()}. */
    public SQLException exception(String message) {
        return exception(message, null);
    }

    public SQLException exception(String message, Throwable cause) {
        return exception(message, code, cause);
    }

    /** With the database's own SQLState in place of this constant's code (a refused login stays 28P01). */
    public SQLException exception(String message, String state, Throwable cause) {
        return configuration ? new StconnConfigurationException(message, this, state, cause)
                : new StconnException(message, this, state, cause);
    }

    /** The constant a stconn exception was made from; empty for anyone else's exception. */
    public static Optional<SqlState> reasonOf(Throwable e) {
        if (e instanceof StconnConfigurationException c) {
            return Optional.of(c.reason());
        }
        if (e instanceof StconnException s) {
            return Optional.of(s.reason());
        }
        return Optional.empty();
    }

    /** The same failure told with more context in front: its reason, state and cause are kept. */
    public static SQLException restated(String message, SQLException e) {
        return reasonOf(e).orElse(CONNECTION_FAILED).exception(message, e.getSQLState(), e);
    }
}
