package io.stconn.cli;

import static io.stconn.cli.OutputFormatTest.print;
import static io.stconn.cli.OutputFormatTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static String write(Object value, int inlineDepth) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonWriter.write(value, inlineDepth, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void anArrayOfObjectsOnePerLine() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", "demo");
        a.put("ok", true);
        a.put("millis", 41L);
        a.put("error", null);
        assertThat(write(List.of(a, Map.of("name", "x")), 1)).isEqualTo("""
                [
                  {"name": "demo", "ok": true, "millis": 41, "error": null},
                  {"name": "x"}
                ]
                """);
        assertThat(write(List.of(), 1)).isEqualTo("[]\n");
    }

    @Test
    void nestedObjectsExpandedDownToTheInlineDepth() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", "demo");
        d.put("properties", Map.of("user", "sa"));
        d.put("empty", Map.of());
        d.put("notes", List.of("a", List.of(1, 2)));
        assertThat(write(d, 2)).isEqualTo("""
                {
                  "name": "demo",
                  "properties": {
                    "user": "sa"
                  },
                  "empty": {},
                  "notes": [
                    "a",
                    [1, 2]
                  ]
                }
                """);
    }
    @Test
    void anArrayOfObjectsKeyedByLabelWithTypedValues() {
        ResultTable table = new ResultTable(List.of("id", "name", "ok", "born", "price"),
                List.of(true, false, false, false, true),
                List.of(row(1, "Biscuit", true, "2016-04-12", new BigDecimal("9.90")),
                        row(2L, null, false, null, new BigInteger("123456789012345678901234567890"))),
                false, 0);
        assertThat(print(OutputFormat.JSON, table)).isEqualTo("""
                [
                  {"id": 1, "name": "Biscuit", "ok": true, "born": "2016-04-12", "price": 9.90},
                  {"id": 2, "name": null, "ok": false, "born": null, "price": 123456789012345678901234567890}
                ]
                """);
    }

    @Test
    void anEmptyResultIsAnEmptyArray() {
        ResultTable table = new ResultTable(List.of("id"), List.of(true), List.of(), false, 0);
        assertThat(print(OutputFormat.JSON, table)).isEqualTo("[]\n");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(JsonWriter.string("say \"hi\" \\ now\n\ttab\r\u0001\b\f é"))
                .isEqualTo("\"say \\\"hi\\\" \\\\ now\\n\\ttab\\r\\u0001\\b\\f é\"");
    }

    @Test
    void labelsAreEscapedToo() {
        ResultTable table = new ResultTable(List.of("a \"b\""), List.of(false), List.of(row("x")), false, 0);
        assertThat(print(OutputFormat.JSON, table)).isEqualTo("[\n  {\"a \\\"b\\\"\": \"x\"}\n]\n");
    }

    @Test
    void numbersWithoutAJsonFormBecomeStrings() {
        assertThat(JsonWriter.value(Double.NaN)).isEqualTo("\"NaN\"");
        assertThat(JsonWriter.value(Float.POSITIVE_INFINITY)).isEqualTo("\"Infinity\"");
        assertThat(JsonWriter.value(2.5d)).isEqualTo("2.5");
        assertThat(JsonWriter.value(new BigDecimal("1E+3"))).isEqualTo("1000");
    }
}
