package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** Asserts the SQLState and that each word is in the message, ignoring case. */
    static void assertError(SQLException e, String sqlState, String... words) {
        assertThat(e.getSQLState()).as("SQLState of: %s", e.getMessage()).isEqualTo(sqlState);
        for (String word : words) {
            assertThat(e.getMessage()).containsIgnoringCase(word);
        }
    }
}
