package io.stconn.internal;

import io.stconn.SqlState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Strict TOML reading for every file stconn reads (secrets, Streamlit's config.toml, Snowflake's
 * connections.toml and config.toml): every parse error with file:line:column, and no secret from
 * the offending line in the message.
 */
public final class TomlFiles {
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

    private TomlFiles() {
    }

    // how tomlj's message ends where a value was expected and something else was found
    private static final String VALUE_EXPECTED = "a number, a boolean";

    /**
     * The parsed file. Throws IOException when it cannot be read, and MALFORMED_SECRETS listing
     * every error ({@code Malformed TOML: <file>:<line>:<column>: <error>; ...}) followed by {@code fix}.
     */
    public static TomlParseResult parse(Path path, String fix) throws IOException, SQLException {
        return parse(path, TomlInput.read(path), fix);
    }

    /** {@link #parse(Path, String)} of a text already read from the file (and perhaps adjusted, line for line). */
    public static TomlParseResult parse(Path path, String text, String fix) throws SQLException {
        TomlParseResult result = TomlLite.parse(text);
        if (result != null) {
            return result;
        }
        try {
            result = Toml.parse(text);
        } catch (RuntimeException | AssertionError e) {
            // the parser's own failure on an input the bounds let through: still the file's fault
            throw SqlState.MALFORMED_SECRETS.exception("Malformed TOML: " + path + ": the TOML parser cannot read it ("
                    + e.getClass().getSimpleName() + "). " + fix, e);
        }
        return checked(path, result, fix);
    }

    private static TomlParseResult checked(Path path, TomlParseResult result, String fix) throws SQLException {
        if (result.hasErrors()) {
            List<String> lines = readLines(path);
            String errors = result.errors().stream()
                    .map(e -> path + ":" + e.position().line() + ":" + e.position().column() + ": "
                            + describe(e, lines))
                    .collect(Collectors.joining("; "));
            // a bare word where a value belongs is the one mistake a hint fixes; written with a
            // key that is not secret, so that masking a message never eats the hint itself
            boolean bareValue = result.errors().stream().anyMatch(e -> e.getMessage().contains(VALUE_EXPECTED));
            String quotes = bareValue ? "TOML strings need quotes: write key = \"value\", not key = value. " : "";
            throw SqlState.MALFORMED_SECRETS.exception("Malformed TOML: " + errors + ". " + quotes + fix);
        }
        return result;
    }

    /** A TOML table as plain Java values: String, Long, Double, Boolean, dates, Map (tables), List (arrays). */
    public static Map<String, Object> toMap(TomlTable table) {
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

    /** tomlj quotes the offending text; on a line that holds a secret, that text is hidden. */
    private static String describe(TomlParseError error, List<String> lines) {
        String message = error.getMessage();
        int line = error.position().line();
        String text = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
        int eq = text.indexOf('=');
        String key = eq < 0 ? text : text.substring(0, eq);
        if (line > lines.size()) {
            return QUOTED.matcher(message).replaceAll(Masking.MASK);
        }
        if (!Masking.isSecretKey(key) && !text.contains("@")) {
            return message;
        }
        // hide what tomlj quotes from the value, keep what it quotes of its own (the tokens it expected)
        String value = eq < 0 ? text : text.substring(eq + 1);
        Matcher quoted = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String inside = quoted.group().substring(1, quoted.group().length() - 1);
            boolean fromValue = !inside.isEmpty() && value.contains(inside);
            quoted.appendReplacement(out, Matcher.quoteReplacement(fromValue ? Masking.MASK : quoted.group()));
        }
        quoted.appendTail(out);
        return out.toString();
    }

    private static List<String> readLines(Path path) {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
