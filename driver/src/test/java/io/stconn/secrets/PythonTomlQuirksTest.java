package io.stconn.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonTomlQuirksTest {

    @Test
    void findsEachLineStreamlitReadsDifferently() {
        String text = String.join("\n",
                "[connections.a]",
                "note = \"\\\"\"",
                "\"u\\u00e9\" = 1",
                "\"q\\\"k\" = 2",
                "ok = \"a\\\"b\"",
                "doc = \"\"\"one",
                "two\"\"\" # end",
                "[connections.b]",
                "url = \"sqlite://\"");

        List<PythonTomlQuirks.Quirk> quirks = PythonTomlQuirks.of(text);

        assertThat(quirks).extracting(PythonTomlQuirks.Quirk::line).containsExactly(2, 3, 7);
        assertThat(quirks.get(0).message()).contains("empty string");
        assertThat(quirks.get(1).message()).contains("u\\u00e9");
        assertThat(quirks.get(2).message()).contains("ignores the rest of the file").contains("connections b");
    }

    @Test
    void aByteOrderMarkThatStreamlitsParserRefuses() {
        List<PythonTomlQuirks.Quirk> quirks = PythonTomlQuirks.of("\uFEFF[connections.a]\nurl = \"sqlite://\"\n");

        assertThat(quirks).extracting(PythonTomlQuirks.Quirk::line).containsExactly(1);
        assertThat(quirks.get(0).message()).contains("byte-order mark").contains("without BOM");
    }

    @Test
    void aTopLevelSnowflakeSettingStreamlitExportsToTheEnvironment() {
        List<PythonTomlQuirks.Quirk> quirks = PythonTomlQuirks.of(
                "SNOWFLAKE_DEFAULT_CONNECTION_NAME = \"prod\"\n[connections.prod]\nSNOWFLAKE_X = 1\n");

        assertThat(quirks).extracting(PythonTomlQuirks.Quirk::line).containsExactly(1);
        assertThat(quirks.get(0).message()).contains("SNOWFLAKE_DEFAULT_CONNECTION_NAME").contains("environment");
    }

    @Test
    void aPlainFileHasNone() {
        assertThat(PythonTomlQuirks.of("[connections.a]\nurl = \"postgresql://u:p@h/db\"\ndoc = \"\"\"x\ny\"\"\"\n"))
                .isEmpty();
    }
}
