package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.SqlState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** The SQLException a connect attempt must end in. */
final class Errors {
    private Errors() {
    }

    static SQLException connectError(String url) {
        return connectError(url, new Properties());
    }

    static SQLException connectError(String url, Properties props) {
        try (Connection c = DriverManager.getConnection(url, props)) {
            throw new AssertionError("expected an SQLException but connected to " + c.getMetaData().getURL());
        } catch (SQLException e) {
            Leaks.assertNoPassword(e);
            return e;
        }
    }

    /**
     * The SqlState constant a stconn exception was made from, by name: read through reflection,
     * because an exception thrown by an isolated copy of stconn is of that copy's classes.
     */
    static String reason(Throwable e) {
        try {
            return String.valueOf(e.getClass().getMethod("reason").invoke(e));
        } catch (ReflectiveOperationException notStconns) {
            return "(not stconn's: " + e.getClass().getName() + ")";
        }
    }

    /** Asserts the SqlState constant the exception was made from, and the code that goes with it. */
    static void assertReason(SQLException e, SqlState reason) {
        assertThat(reason(e)).as("reason of: %s", e.getMessage()).isEqualTo(reason.name());
        assertThat(e.getSQLState()).as("SQLState of: %s", e.getMessage()).isEqualTo(reason.code());
    }

    /** Asserts the reason and that each word is in the message, ignoring case. */
    static void assertError(SQLException e, SqlState reason, String... words) {
        assertReason(e, reason);
        for (String word : words) {
            assertThat(e.getMessage()).containsIgnoringCase(word);
        }
    }

    /** Asserts the database's own SQLState (passed through by stconn) and that each word is in the message. */
    static void assertError(SQLException e, String sqlState, String... words) {
        assertThat(e.getSQLState()).as("SQLState of: %s", e.getMessage()).isEqualTo(sqlState);
        for (String word : words) {
            assertThat(e.getMessage()).containsIgnoringCase(word);
        }
    }
}
