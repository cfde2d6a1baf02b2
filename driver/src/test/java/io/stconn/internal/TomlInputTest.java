package io.stconn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/** What the parser gets to see: the same values at the same line:column, within bounds. */
class TomlInputTest {
    @TempDir
    Path tmp;

    private Path file(byte[] bytes) throws Exception {
        Path file = tmp.resolve("secrets.toml");
        Files.write(file, bytes);
        return file;
    }

    private Path file(String text) throws Exception {
        return file(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicStringsWithoutEscapesBecomeTheSameLiteralStringsAtTheSamePlaces() throws Exception {
        String toml = "[connections.x]\nurl = \"jdbc:h2:mem:x\"\nnote = \"it's\"\ntab = \"a\\tb\"\n"
                + "multi = \"\"\"\nline \"quoted\"\"\"\"\n";
        TomlParseResult original = Toml.parse(toml);
        TomlParseResult safe = Toml.parse(TomlInput.read(file(toml)));
        assertThat(safe.hasErrors()).as("errors: %s", safe.errors()).isFalse();
        assertThat(TomlFiles.toMap(safe)).isEqualTo(TomlFiles.toMap(original));
        for (String key : new String[] {"connections.x.url", "note", "tab", "multi"}) {
            assertThat(safe.inputPositionOf(key)).as(key).isEqualTo(original.inputPositionOf(key));
        }
        assertThat(TomlInput.read(file(toml))).contains("url = 'jdbc:h2:mem:x'").contains("note = \"it's\"");
    }

    @Test
    void aByteOrderMarkIsDroppedAndBytesThatAreNotUtf8AreNamedByLineAndColumn() throws Exception {
        assertThat(TomlInput.read(file("\uFEFFa = 1\n"))).isEqualTo("a = 1\n");
        byte[] latin1 = "a = 1\nb = \"caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1);
        SQLException e = catchThrowableOfType(SQLException.class, () -> TomlInput.read(file(latin1)));
        assertThat(e.getSQLState()).isEqualTo("42601");
        assertThat(e.getMessage()).contains("secrets.toml:2:9: byte 0xE9 is not UTF-8");
    }

    @Test
    void nestingDottedKeysSizeAndEscapesAreBounded() throws Exception {
        assertThat(refusal("a = " + "[".repeat(65) + "]".repeat(65))).contains(":1:", "nest more than 64");
        assertThat(TomlInput.read(file("a = " + "[".repeat(64) + "]".repeat(64)))).startsWith("a = [");
        assertThat(refusal("x = \"open\n" + "k.".repeat(65) + "z = 1")).contains(":2:", "dotted keys");
        assertThat(refusal("x = \"\\q\"")).contains(":1:6:", "\\q is not an escape");
        assertThat(refusal("x = \"\\uD800\"")).contains("4 hex digits naming a Unicode character");
        assertThat(refusal("x = '" + "y".repeat(TomlInput.MAX_BYTES) + "'")).contains("at most 1.0 MB");
    }

    @Test
    void nestingInsideStringsAndCommentsCountsForNothing() throws Exception {
        String brackets = "[".repeat(200);
        String toml = "a = '" + brackets + "'\nb = \"" + brackets + "\"\n# " + brackets + "\nc = '''\n" + brackets + "\n'''\n";
        TomlParseResult parsed = Toml.parse(TomlInput.read(file(toml)));
        assertThat(parsed.hasErrors()).as("errors: %s", parsed.errors()).isFalse();
    }

    private String refusal(String toml) throws Exception {
        SQLException e = catchThrowableOfType(SQLException.class, () -> TomlInput.read(file(toml)));
        assertThat((Throwable) e).as("refused: %s", toml.length() > 80 ? toml.substring(0, 80) : toml).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("42601");
        return e.getMessage();
    }
}
