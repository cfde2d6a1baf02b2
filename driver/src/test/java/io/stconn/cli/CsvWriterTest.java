package io.stconn.cli;

import static io.stconn.cli.OutputFormatTest.print;
import static io.stconn.cli.OutputFormatTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    @Test
    void writesAHeaderAndCrlfLines() {
        ResultTable table = new ResultTable(List.of("id", "name"), List.of(true, false),
                List.of(row(1, "Biscuit"), row(2, "Miso")), false, 0);
        assertThat(print(OutputFormat.CSV, table)).isEqualTo("id,name\r\n1,Biscuit\r\n2,Miso\r\n");
    }

    @Test
    void nullIsAnEmptyFieldAndTheEmptyStringIsQuoted() {
        ResultTable table = new ResultTable(List.of("a", "b", "c"), List.of(false, false, true),
                List.of(row(null, "", new BigDecimal("1E+3"))), false, 0);
        assertThat(print(OutputFormat.CSV, table)).isEqualTo("a,b,c\r\n,\"\",1000\r\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "plain          | plain",
            "a,b            | \"a,b\"",
            "say \"hi\"     | \"say \"\"hi\"\"\"",
            "' padded '     | ' padded '"})
    void quotesOnlyWhatMustBeQuoted(String value, String field) {
        assertThat(CsvWriter.field(value)).isEqualTo(field);
    }

    @Test
    void lineBreaksAreQuoted() {
        assertThat(CsvWriter.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvWriter.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void headersAreQuotedLikeValues() {
        ResultTable table = new ResultTable(List.of("count, total", "x"), List.of(true, false), List.of(), false, 0);
        assertThat(print(OutputFormat.CSV, table)).isEqualTo("\"count, total\",x\r\n");
    }
}
