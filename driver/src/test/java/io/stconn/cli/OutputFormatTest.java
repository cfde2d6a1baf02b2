package io.stconn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputFormatTest {
    static String print(OutputFormat format, ResultTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        format.write(table, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void theTableIsStconnsOneTextTable() {
        ResultTable table = new ResultTable(List.of("id", "name"), List.of(true, false),
                List.of(row(1, "Biscuit"), row(new BigDecimal("1E+2"), null)), false, 0);
        assertThat(print(OutputFormat.TABLE, table)).isEqualTo("""
                 id | name
                ----+--------
                  1 | Biscuit
                100 | NULL
                (2 rows)
                """);
    }

    @Test
    void onlyTheTableIsForPeople() {
        assertThat(OutputFormat.TABLE.forPeople()).isTrue();
        assertThat(OutputFormat.CSV.forPeople()).isFalse();
        assertThat(OutputFormat.JSON.forPeople()).isFalse();
    }
}
