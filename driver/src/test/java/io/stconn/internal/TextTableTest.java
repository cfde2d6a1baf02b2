package io.stconn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one table of the tool and of QueryResult.toString(). */
class TextTableTest {
    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static String render(List<String> labels, List<Boolean> numeric, List<List<Object>> rows) {
        return TextTable.render(labels, numeric, rows).replace(System.lineSeparator(), "\n") + "\n";
    }

    @Test
    void alignsNumbersRightAndTextLeftWithNullSpelledOut() {
        assertThat(render(List.of("id", "name", "weight"), List.of(true, false, true),
                List.of(row(1, "Biscuit", new BigDecimal("12.50")), row(1000, null, null), row(7, "Al", new BigDecimal("1E+2")))))
                .isEqualTo("""
                          id | name    | weight
                        -----+---------+-------
                           1 | Biscuit |  12.50
                        1000 | NULL    |   NULL
                           7 | Al      |    100
                        (3 rows)
                        """);
    }

    @Test
    void headersSetTheWidthWhenLonger() {
        assertThat(render(List.of("a_long_name", "n"), List.of(false, true), List.of(row("x", 5)))).isEqualTo("""
                a_long_name | n
                ------------+--
                x           | 5
                (1 row)
                """);
    }

    @Test
    void anEmptyResultStillShowsItsColumns() {
        assertThat(render(List.of("id", "name"), List.of(true, false), List.of())).isEqualTo("""
                id | name
                ---+-----
                (0 rows)
                """);
    }

    @Test
    void lineBreaksAndTabsInValuesDoNotBreakTheAlignment() {
        assertThat(render(List.of("note", "k"), List.of(false, false), List.of(row("two\nlines", "a\tb"), row("café", "é"))))
                .isEqualTo("""
                        note       | k
                        -----------+-----
                        two\\nlines | a\\tb
                        café       | é
                        (2 rows)
                        """);
    }

    @Test
    void booleansAreText() {
        assertThat(render(List.of("b"), List.of(false), List.of(row(true), row(false)))).isEqualTo("""
                b
                -----
                true
                false
                (2 rows)
                """);
    }

    @Test
    void linesLeaveOutTheRowCountAndWriteAddsTheLastLineBreak() {
        assertThat(TextTable.lines(List.of("a"), List.of(false), List.of(row("x")))).containsExactly("a", "-", "x");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextTable.write(List.of("a"), List.of(false), List.of(row("x")), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(), "a", "-", "x",
                "(1 row)", ""));
    }
}
