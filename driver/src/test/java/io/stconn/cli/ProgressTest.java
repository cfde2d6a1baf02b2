package io.stconn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void withoutATerminalNothingReachesStderr() {
        try (Progress progress = Progress.start(errStream, "checking 2 connections", () -> 1, 2, false)) {
            progress.println(outStream, "a  OK");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a  OK" + System.lineSeparator());
    }

    @Test
    void theSpinnerLineIsClearedBeforeEachResultAndAtTheEnd() throws InterruptedException {
        Progress progress = Progress.start(errStream, "checking 2 connections", () -> 1, 2, true);
        progress.draw();
        progress.println(outStream, "a  OK");
        progress.close();
        String shown = err.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("checking 2 connections: 1 of 2 done").doesNotContain("\n");
        // after the last clear the line is blank again
        assertThat(shown).endsWith("\r");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a  OK" + System.lineSeparator());
    }
}
