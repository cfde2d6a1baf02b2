package io.stconn;

import java.sql.SQLException;

/**
 * Every SQLState stconn raises, in one place. Codes follow SQL:2016 classes so that tools which
 * classify failures by class (08 connection, 28 authorization, 22 data, 42 access rule) do the
 * right thing; the message always says what to do.
 */
public enum SqlState {
    /** The {@code jdbc:stconn:} URL itself cannot be read. */
    INVALID_URL("08001"),
    /** A key has a value of the wrong form: a ttl that is not a duration, a port that is not a number. */
    INVALID_VALUE("22023"),
    /** A value the connection needs is missing (no host, no account...). */
    MISSING_VALUE("22004"),
    /** A secrets or configuration file is not valid TOML. */
    MALFORMED_SECRETS("42601"),
    /** No secrets file exists in any of the places searched. */
    NO_SECRETS("08001"),
    /** The connection name is not in the merged secrets. */
    UNKNOWN_CONNECTION("42704"),
    /** The connection type cannot be chosen, or names something that is not a connection type. */
    UNKNOWN_TYPE("42704"),
    /** The SQL dialect is not one stconn knows. */
    UNKNOWN_DIALECT("0A000"),
    /** The real JDBC driver class is not on the class path. */
    DRIVER_NOT_FOUND("08001"),
    /** The real database refused or could not be reached; the cause carries the driver's own state. */
    CONNECTION_FAILED("08001"),
    /** Login refused. */
    INVALID_AUTHORIZATION("28000"),
    /** A pool setting was refused by HikariCP's own validation. */
    INVALID_POOL_SETTING("22023"),
    /** The driver was deregistered or the pool closed. */
    CLOSED("08003");

    private final String code;

    SqlState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public SQLException exception(String message) {
        return new SQLException(message, code);
    }

    public SQLException exception(String message, Throwable cause) {
        return new SQLException(message, code, cause);
    }
}
