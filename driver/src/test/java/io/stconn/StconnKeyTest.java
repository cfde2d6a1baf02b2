package io.stconn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StconnKeyTest {

    @Test
    void keysAreUniqueLowerCaseAndDescribed() {
        List<String> keys = Arrays.stream(StconnKey.values()).map(StconnKey::key).toList();
        assertThat(keys).doesNotHaveDuplicates().allMatch(k -> k.equals(k.toLowerCase()));
        assertThat(StconnKey.values()).allSatisfy(k -> assertThat(k.description()).isNotBlank());
    }

    @Test
    void lookupIgnoresCase() {
        assertThat(StconnKey.of("TTL")).contains(StconnKey.TTL);
        assertThat(StconnKey.of("url")).isEmpty();
        assertThat(StconnKey.of(null)).isEmpty();
    }

    @Test
    void documentedKeyTableIsTheEnum() throws IOException {
        String readme = Files.readString(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
        String begin = "<!-- stconn-keys:begin -->\n";
        String table = readme.substring(readme.indexOf(begin) + begin.length(), readme.indexOf("<!-- stconn-keys:end -->"));
        String expected = "| key | default | description |\n|---|---|---|\n" + Arrays.stream(StconnKey.values())
                .map(k -> "| `" + k.key() + "` | " + (k.defaultValue() == null ? "" : "`" + k.defaultValue() + "` ")
                        + "| " + k.description() + " |\n")
                .collect(Collectors.joining());
        assertThat(table).isEqualTo(expected);
    }
}
