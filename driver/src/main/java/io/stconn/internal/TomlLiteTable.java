package io.stconn.internal;

import io.stconn.internal.TomlLiteText.GiveUp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** A table {@link TomlLite} read: its keys in the order written, each with tomlj's position for it. */
final class TomlLiteTable implements TomlParseResult {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, TomlPosition> positions = new HashMap<>();
    private final TomlPosition position;
    private final boolean inline;

    TomlLiteTable(TomlPosition position, boolean inline) {
        this.position = position;
        this.inline = inline;
    }

    /** A new key of this table; a key written twice is an error, which only tomlj reports. */
    void put(String key, Object value, TomlPosition at) {
        if (values.putIfAbsent(key, value) != null) {
            throw GiveUp.INSTANCE;
        }
        positions.put(key, at);
    }

    /** A table a header names on its way ({@code a} of {@code [a.b]}): made by that header if new. */
    TomlLiteTable tableOnTheWay(String key, TomlPosition header) {
        Object value = values.get(key);
        if (value == null) {
            return newTable(key, header);
        }
        if (value instanceof TomlLiteTable table && !table.inline) {
            return table;
        }
        throw GiveUp.INSTANCE; // a value, or an inline table, which no header may extend
    }

    /** The table a header defines. One defined before, even on the way, is left to tomlj's rules. */
    TomlLiteTable newTable(String key, TomlPosition header) {
        TomlLiteTable table = new TomlLiteTable(header, false);
        put(key, table, header);
        return table;
    }

    @Override
    public List<TomlParseError> errors() {
        return List.of();
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(values.keySet());
    }

    @Override
    public Set<List<String>> keyPathSet(boolean includeTables) {
        Set<List<String>> paths = new HashSet<>();
        for (Map.Entry<List<String>, Object> entry : entryPathSet(includeTables)) {
            paths.add(entry.getKey());
        }
        return paths;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return Collections.unmodifiableMap(values).entrySet();
    }

    @Override
    public Set<Map.Entry<List<String>, Object>> entryPathSet(boolean includeTables) {
        Set<Map.Entry<List<String>, Object>> entries = new HashSet<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            List<String> path = List.of(entry.getKey());
            if (!(entry.getValue() instanceof TomlTable table)) {
                entries.add(Map.entry(path, entry.getValue()));
                continue;
            }
            if (includeTables) {
                entries.add(Map.entry(path, table));
            }
            for (Map.Entry<List<String>, Object> inner : table.entryPathSet(includeTables)) {
                List<String> full = new ArrayList<>(path);
                full.addAll(inner.getKey());
                entries.add(Map.entry(List.copyOf(full), inner.getValue()));
            }
        }
        return entries;
    }

    // the dotted-key forms, for plain keys without tomlj's key parser (which would load its whole parser)

    @Override
    public Object get(String dottedKey) {
        return get(path(dottedKey));
    }

    @Override
    public TomlPosition inputPositionOf(String dottedKey) {
        return inputPositionOf(path(dottedKey));
    }

    @Override
    public boolean contains(String dottedKey) {
        return get(path(dottedKey)) != null;
    }

    private static List<String> path(String dottedKey) {
        List<String> path = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= dottedKey.length(); i++) {
            if (i == dottedKey.length() || dottedKey.charAt(i) == '.') {
                if (i == start) {
                    return Toml.parseDottedKey(dottedKey);
                }
                path.add(dottedKey.substring(start, i));
                start = i + 1;
            } else if (!TomlLiteText.bareKeyCharacter(dottedKey.charAt(i), false)) {
                return Toml.parseDottedKey(dottedKey); // quotes, spaces: tomlj's rules
            }
        }
        return path;
    }

    @Override
    public Object get(List<String> path) {
        return walk(path, false);
    }

    @Override
    public TomlPosition inputPositionOf(List<String> path) {
        return (TomlPosition) walk(path, true);
    }

    /** The value at path, or its position; null where there is none. */
    private Object walk(List<String> path, boolean position) {
        if (path.isEmpty()) {
            return position ? this.position : this;
        }
        TomlLiteTable table = this;
        int last = path.size() - 1;
        for (int i = 0; i < last; i++) {
            if (!(table.values.get(path.get(i)) instanceof TomlLiteTable inner)) {
                return null;
            }
            table = inner;
        }
        return position ? table.positions.get(path.get(last)) : table.values.get(path.get(last));
    }

    @Override
    public Map<String, Object> toMap() {
        return new HashMap<>(values);
    }

    @Override
    public String toString() {
        // never the values: a secrets table holds passwords
        return "TOML table " + values.keySet();
    }
}
