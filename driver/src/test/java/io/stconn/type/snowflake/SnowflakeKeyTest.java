package io.stconn.type.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one table of Snowflake keys: no name twice, and each documented in docs/snowflake.md. */
class SnowflakeKeyTest {
    private static final String TABLE_HEADER = "| key (aliases) | snowflake-jdbc receives | meaning |";

    @Test
    void noNameOrAliasIsUsedTwice() {
        List<String> names = new ArrayList<>();
        for (SnowflakeKey key : SnowflakeKey.values()) {
            key.names().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
        }
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void namesAliasesAndSnowflakeJdbcSpellingsFindTheKey() {
        assertThat(SnowflakeKey.of("database")).contains(SnowflakeKey.DATABASE);
        assertThat(SnowflakeKey.of("DB")).contains(SnowflakeKey.DATABASE);
        assertThat(SnowflakeKey.of("username")).contains(SnowflakeKey.USER);
        assertThat(SnowflakeKey.of("private_key_pwd")).contains(SnowflakeKey.PRIVATE_KEY_FILE_PWD);
        assertThat(SnowflakeKey.of("loginTimeout")).contains(SnowflakeKey.LOGIN_TIMEOUT);
        assertThat(SnowflakeKey.of("queryTimeout")).isEmpty();
        // private_key_base64 is snowflake-jdbc's own form of the key, passed as it is
        assertThat(SnowflakeKey.of("private_key_base64")).isEmpty();
    }

    /** docs/snowflake.md holds the key table. */
    @Test
    void everyKeyIsInTheDocumentedTable() throws IOException {
        int found = 0;
        for (Path doc : List.of(Path.of("..", "docs", "snowflake.md"))) {
            String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
            if (!text.contains(TABLE_HEADER)) {
                continue;
            }
            found++;
            for (SnowflakeKey key : SnowflakeKey.values()) {
                assertThat(text).as("%s documents %s", doc, key.pythonName()).contains("| `" + key.pythonName() + "`");
                for (String alias : key.aliases()) {
                    assertThat(text).as("%s names the alias %s", doc, alias).contains("`" + alias + "`");
                }
            }
        }
        assertThat(found).as("files holding the Snowflake key table (%s)", TABLE_HEADER).isPositive();
    }
}
