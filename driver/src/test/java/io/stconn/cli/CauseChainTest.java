package io.stconn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class CauseChainTest {
    @Test
    void eachCauseFollowsOnTheSameLine() {
        SQLException failure = new SQLException("Could not connect to 'db'",
                new SQLException("Connection refused to host: localhost", new ConnectException("Connection refused")));
        assertThat(CauseChain.oneLine(failure)).isEqualTo("Could not connect to 'db' (caused by: Connection refused to "
                + "host: localhost) (caused by: ConnectException: Connection refused)");
    }

    @Test
    void aWrapperRepeatingItsCauseIsSaidOnce() {
        IOException cause = new IOException("disk full");
        assertThat(CauseChain.oneLine(new RuntimeException(cause))).isEqualTo("java.io.IOException: disk full");
    }

    @Test
    void multiLineMessagesBecomeOneLine() {
        assertThat(CauseChain.oneLine(new SQLException("Syntax error\nSQL statement:\n  SELEC 1"))).isEqualTo(
                "Syntax error SQL statement: SELEC 1");
    }

    @Test
    void aMessagelessExceptionIsNamed() {
        assertThat(CauseChain.oneLine(new SQLException("failed", new NullPointerException())))
                .isEqualTo("failed (caused by: java.lang.NullPointerException)");
    }

    @Test
    void passwordsInsideUrlsAreMasked() {
        assertThat(CauseChain.oneLine(new SQLException("cannot open jdbc:x://bob:hunter2@host/db?password=hunter2")))
                .doesNotContain("hunter2");
    }

    @Test
    void aCycleEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertThat(CauseChain.oneLine(a)).isEqualTo("a (caused by: Exception: b)");
    }
}
