package io.stconn.secrets;

import io.stconn.SqlState;
import io.stconn.internal.Masking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/** Reads a TOML file or a Kubernetes-style secrets folder into a {@link SecretsSource}. */
final class SecretsParser {
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'[^']*'|\"[^\"]*\"");

    private SecretsParser() {
    }

    static SecretsSource parse(Path path) throws SQLException {
        return Files.isDirectory(path) ? parseDirectory(path) : parseFile(path);
    }

    static TomlParseResult parseToml(Path path) throws SQLException {
        TomlParseResult result;
        try {
            result = Toml.parse(path);
        } catch (IOException e) {
            throw SqlState.NO_SECRETS.exception("Cannot read " + path + ": " + e.getMessage()
                    + ". Check that the file is readable by this process.", e);
        }
        if (result.hasErrors()) {
            List<String> lines = readLines(path);
            String errors = result.errors().stream()
                    .map(e -> path + ":" + e.position().line() + ":" + e.position().column() + ": " + describe(e, lines))
                    .collect(Collectors.joining("; "));
            throw SqlState.MALFORMED_SECRETS.exception("Malformed TOML: " + errors
                    + ". Fix the file (TOML strings need quotes: password = \"...\"); Streamlit reads the same file.");
        }
        return result;
    }

    private static SecretsSource parseFile(Path path) throws SQLException {
        TomlParseResult toml = parseToml(path);
        return new SecretsSource(path, toMap(toml), toml);
    }

    /** tomlj quotes the offending text; on a line that holds a secret, that text is hidden. */
    private static String describe(TomlParseError error, List<String> lines) {
        String message = error.getMessage();
        int line = error.position().line();
        String text = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
        int eq = text.indexOf('=');
        String key = eq < 0 ? text : text.substring(0, eq);
        if (Masking.isSecretKey(key) || text.contains("@") || line > lines.size()) {
            message = QUOTED.matcher(message).replaceAll(Masking.MASK);
        }
        return message;
    }

    private static List<String> readLines(Path path) {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    static Map<String, Object> toMap(TomlTable table) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            map.put(key, toJava(table.get(List.of(key))));
        }
        return map;
    }

    private static Object toJava(Object value) {
        if (value instanceof TomlTable t) {
            return toMap(t);
        }
        if (value instanceof TomlArray a) {
            List<Object> list = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                list.add(toJava(a.get(i)));
            }
            return list;
        }
        return value;
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
