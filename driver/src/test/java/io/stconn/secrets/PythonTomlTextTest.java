package io.stconn.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonTomlTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // what Python's toml reads and TOML 1.0 refuses, written in TOML 1.0
            "'note\u00a0= \"x\"' | 'note = \"x\"'",
            "'café = 1' | '\"café\" = 1'",
            "'[connections.café]' | '[connections.\"café\"]'",
            "'a = \"x\u0001y\"' | 'a = \"x\\u0001y\"'",
            "'a = 1 # bell\u0007' | 'a = 1 # bell '",
            "'a = 1\rb = 2' | 'a = 1\nb = 2'",
            // left alone: strings, escapes, ASCII keys, CRLF, multi-line strings, literal strings
            "'a = \"café\u00a0x\"' | 'a = \"café\u00a0x\"'",
            "'a = \"\\\"#\" # c' | 'a = \"\\\"#\" # c'",
            "'a = \"\"\"x\ny\"\"\"' | 'a = \"\"\"x\ny\"\"\"'",
            "'a = 1\r\nb = 2' | 'a = 1\r\nb = 2'",
            "'a = ''é''' | 'a = ''é'''",
            // an unterminated string stays unterminated on its own line, where the parse error points
            "'a = \"x\nb = \"y\"' | 'a = \"x\nb = \"y\"'"})
    void readsWhatPythonsTomlReads(String text, String toml) {
        assertThat(PythonTomlText.compatible(text)).isEqualTo(toml);
    }
}
