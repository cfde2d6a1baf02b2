package io.stconn.secrets;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** One parsed secrets file or secrets folder: its top-level keys as plain Java values. */
final class SecretsSource {
    private final Path path;
    private final Map<String, Object> tree;
    private final TomlTable toml;

    SecretsSource(Path path, Map<String, Object> tree, TomlTable toml) {
        this.path = path;
        this.tree = tree;
        this.toml = toml;
    }

    Path path() {
        return path;
    }

    Map<String, Object> tree() {
        return tree;
    }

    /** file:line:column for a TOML key, or the file holding the value in a secrets folder. */
    String origin(List<String> keyPath) {
        if (toml == null) {
            Path p = path;
            for (String key : keyPath) {
                p = p.resolve(key);
            }
            return p.toString();
        }
        TomlPosition pos = toml.inputPositionOf(keyPath);
        return pos == null ? path.toString() : path + ":" + pos.line() + ":" + pos.column();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
