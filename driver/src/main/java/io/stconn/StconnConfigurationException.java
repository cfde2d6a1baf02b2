package io.stconn;

import java.sql.SQLNonTransientException;

/**
 * A failure of configuration: a bad URL, a broken or missing secrets file, an unknown name, type
 * or dialect, a missing value or driver jar. Trying again cannot help until the user fixes what
 * the message says, so it is non-transient even when its SQLState is of class 08 (as "unable to
 * establish a connection" is the state tools expect for a URL they cannot use); the Java API never
 * retries it.
 */
public final class StconnConfigurationException extends SQLNonTransientException {
    private static final long serialVersionUID = 1L;

    private final SqlState reason;

    StconnConfigurationException(String message, SqlState reason, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
        this.reason = reason;
    }

    /** Why, as one of stconn's {@link SqlState} constants (several share a code). */
    public SqlState reason() {
        return reason;
    }
}
