package io.stconn.secrets;

import io.stconn.SqlState;
import io.stconn.internal.TomlFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/** Reads a TOML file or a Kubernetes-style secrets folder into a {@link SecretsSource}. */
final class SecretsParser {
    private SecretsParser() {
    }

    static SecretsSource parse(Path path) throws SQLException {
        return Files.isDirectory(path) ? parseDirectory(path) : parseFile(path);
    }

    static TomlParseResult parseToml(Path path) throws SQLException {
        try {
            // read as Streamlit's Python parser reads it where TOML 1.0 is stricter (PythonTomlText)
            String text = PythonTomlText.compatible(Files.readString(path, StandardCharsets.UTF_8));
            return TomlFiles.parse(path, text, "Fix the file: Streamlit reads the same file.");
        } catch (IOException e) {
            throw SqlState.NO_SECRETS.exception("Cannot read " + path + ": " + e.getMessage()
                    + ". Check that the file is readable by this process.", e);
        }
    }

    private static SecretsSource parseFile(Path path) throws SQLException {
        TomlParseResult toml = parseToml(path);
        return new SecretsSource(path, toMap(toml), toml);
    }

    static Map<String, Object> toMap(TomlTable table) {
        return TomlFiles.toMap(table);
    }

    /**
     * A Kubernetes-style secrets folder: each subfolder is a top-level key; a subfolder holding a
     * single file is that file's trimmed text, otherwise a table of its files (text) and folders
     * (tables), so {@code <dir>/connections/mydb/url} is the url of connection mydb. Names starting
     * with a dot are skipped: Kubernetes keeps its own bookkeeping in {@code ..data} entries.
     */
    private static SecretsSource parseDirectory(Path dir) throws SQLException {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (Path child : children(dir)) {
            String key = child.getFileName().toString();
            if (Files.isDirectory(child)) {
                List<Path> inside = children(child);
                if (inside.size() == 1 && Files.isRegularFile(inside.get(0))) {
                    tree.put(key, readText(inside.get(0)));
                } else {
                    tree.put(key, readTable(child));
                }
            } else if (Files.isRegularFile(child)) {
                tree.put(key, readText(child));
            }
        }
        return new SecretsSource(dir, tree, null);
    }

    private static Map<String, Object> readTable(Path dir) throws SQLException {
        Map<String, Object> table = new LinkedHashMap<>();
        for (Path child : children(dir)) {
            String key = child.getFileName().toString();
            if (Files.isDirectory(child)) {
                table.put(key, readTable(child));
            } else if (Files.isRegularFile(child)) {
                table.put(key, readText(child));
            }
        }
        return table;
    }

    private static List<Path> children(Path dir) throws SQLException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw SqlState.NO_SECRETS.exception("Cannot list secrets folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String readText(Path file) throws SQLException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw SqlState.NO_SECRETS.exception("Cannot read secret file " + file + ": " + e.getClass().getSimpleName()
                    + ". Check that it is readable by this process.", e);
        }
    }
}
