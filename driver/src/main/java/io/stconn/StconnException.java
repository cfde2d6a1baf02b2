package io.stconn;

import java.sql.SQLException;

/**
 * A failure stconn reports that is not one of configuration: the database could not be reached or
 * refused the login, or the pools were closed. Its SQLState is the database's own where it gave one.
 */
public final class StconnException extends SQLException {
    private static final long serialVersionUID = 1L;

    private final SqlState reason;

    StconnException(String message, SqlState reason, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
        this.reason = reason;
    }

    /** Why, as one of stconn's {@link SqlState} constants (several share a code). */
    public SqlState reason() {
        return reason;
    }
}
