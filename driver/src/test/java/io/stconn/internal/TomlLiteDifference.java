package io.stconn.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Where {@link TomlLite}'s reading of a text can be told apart from tomlj's: every method of the
 * tables and arrays the driver may call, at every key path, down to the positions. Not compared:
 * TomlArray's deprecated containsStrings() and the like, which tomlj answers by throwing.
 */
final class TomlLiteDifference {
    /** What TomlLite did with a text. */
    enum Outcome { ACCEPTED, DECLINED, DECLINED_INVALID }

    /** TomlLite answered where it may not, or answered differently from tomlj. */
    static final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    private TomlLiteDifference() {
    }

    /** Whether TomlLite read text (the same as tomlj) or declined it; a Mismatch says how it went wrong. */
    static Outcome check(String text) throws Mismatch {
        return check(text, true);
    }

    /**
     * {@link #check(String)}; thorough: also the methods that take a dotted key (which tomlj's parser
     * reads, as slowly as a small document), the path sets without tables and paths that lead nowhere.
     */
    static Outcome check(String text, boolean thorough) throws Mismatch {
        TomlParseResult lite;
        try {
            lite = TomlLite.parse(text);
        } catch (RuntimeException | StackOverflowError e) {
            throw new Mismatch("TomlLite threw " + e);
        }
        TomlParseResult tomlj;
        try {
            tomlj = Toml.parse(text);
        } catch (RuntimeException | StackOverflowError e) {
            // tomlj 1.1.1 throws on some broken texts (["\a"] among them) instead of reporting an error,
            // and runs out of stack on deep nesting (TomlInput bounds it before the driver parses)
            if (lite != null) {
                throw new Mismatch("TomlLite read a text tomlj throws on: " + e);
            }
            return Outcome.DECLINED_INVALID;
        }
        if (lite == null) {
            return tomlj.hasErrors() ? Outcome.DECLINED_INVALID : Outcome.DECLINED;
        }
        if (tomlj.hasErrors()) {
            throw new Mismatch("TomlLite read a text tomlj refuses: " + tomlj.errors().get(0).toString());
        }
        same("hasErrors()", false, lite.hasErrors());
        same("errors()", List.of(), lite.errors());
        table("", tomlj, lite);
        paths(tomlj, lite, thorough);
        return Outcome.ACCEPTED;
    }

    /** Key paths, their positions and values from the root, and the dotted-key methods. */
    private static void paths(TomlTable expected, TomlTable actual, boolean thorough) throws Mismatch {
        Set<List<String>> all = expected.keyPathSet(true);
        same("keyPathSet(true)", all, actual.keyPathSet(true));
        if (thorough) {
            same("keyPathSet(false)", expected.keyPathSet(false), actual.keyPathSet(false));
            for (boolean tables : new boolean[] {true, false}) {
                same("entryPathSet(" + tables + ") paths", pathsOf(expected.entryPathSet(tables)),
                    pathsOf(actual.entryPathSet(tables)));
            }
        }
        for (List<String> path : all) {
            samePosition("inputPositionOf", path, expected.inputPositionOf(path), actual.inputPositionOf(path));
            Object value = expected.get(path);
            if (value instanceof TomlTable || value instanceof TomlArray) {
                same("get", path, kind(value), kind(actual.get(path)));
            } else {
                same("get", path, value, actual.get(path));
            }
        }
        if (thorough) {
            // paths that lead nowhere: the root itself, one key too far, and through a value
            List<List<String>> odd = new ArrayList<>(List.of(List.of(), List.of("nope"), List.of("nope", "x")));
            for (List<String> path : all) {
                List<String> further = new ArrayList<>(path);
                further.add("nope");
                odd.add(further);
            }
            for (List<String> path : odd) {
                same("get", path, kind(call(() -> expected.get(path))), kind(call(() -> actual.get(path))));
                same("inputPositionOf", path, call(() -> at(expected.inputPositionOf(path))),
                    call(() -> at(actual.inputPositionOf(path))));
            }
        }
        // the dotted-key methods parse the key with tomlj's parser: a few keys per text, the first and the deepest
        List<String> dotted = new ArrayList<>();
        if (thorough) {
            dotted.add("nope.x");
            all.stream().limit(1).forEach(path -> dotted.add(String.join(".", path)));
            all.stream().max(Comparator.comparing(List::size)).ifPresent(path -> dotted.add(String.join(".", path)));
        }
        for (String key : dotted) {
            same("contains(\"" + key + "\")", expected.contains(key), actual.contains(key));
            samePosition("inputPositionOf", "\"" + key + "\"", expected.inputPositionOf(key), actual.inputPositionOf(key));
            value("get(\"" + key + "\")", expected.get(key), actual.get(key));
        }
        same("toMap()", plain(expected), plain(actual));
    }

    private static void table(String where, TomlTable expected, TomlTable actual) throws Mismatch {
        same(where, " size()", expected.size(), actual.size());
        same(where, " isEmpty()", expected.isEmpty(), actual.isEmpty());
        List<String> keys = List.copyOf(expected.keySet());
        same(where, " keySet() in order", keys, List.copyOf(actual.keySet()));
        List<String> entryKeys = new ArrayList<>();
        for (Map.Entry<String, Object> entry : actual.entrySet()) {
            entryKeys.add(entry.getKey());
            String key = entry.getKey();
            List<String> path = List.of(key);
            samePosition(where, key, expected.inputPositionOf(path), actual.inputPositionOf(path));
            Object value = expected.get(path);
            if (!(value instanceof TomlTable) && !(value instanceof TomlArray)) {
                same(where, key, value, entry.getValue());
                same(where, key, value, actual.get(path));
            } else {
                value(where.isEmpty() ? key : where + "." + key, value, actual.get(path));
                same(where, key, kind(value), kind(entry.getValue()));
            }
        }
        same(where, " entrySet() keys in order", keys, entryKeys);
    }

    private static void value(String where, Object expected, Object actual) throws Mismatch {
        if (expected instanceof TomlTable table) {
            if (!(actual instanceof TomlTable other)) {
                throw new Mismatch(where + ": tomlj has a table, TomlLite " + describe(actual));
            }
            table(where, table, other);
        } else if (expected instanceof TomlArray array) {
            if (!(actual instanceof TomlArray other)) {
                throw new Mismatch(where + ": tomlj has an array, TomlLite " + describe(actual));
            }
            array(where, array, other);
        } else {
            same(where, " class", expected == null ? null : expected.getClass(), actual == null ? null : actual.getClass());
            same(where, "", expected, actual);
        }
    }

    private static void array(String where, TomlArray expected, TomlArray actual) throws Mismatch {
        same(where, " size()", expected.size(), actual.size());
        same(where, " isEmpty()", expected.isEmpty(), actual.isEmpty());
        for (int i = 0; i < expected.size(); i++) {
            samePosition(where, i, expected.inputPositionOf(i), actual.inputPositionOf(i));
            Object value = expected.get(i);
            if (value instanceof TomlTable || value instanceof TomlArray) {
                value(where + "[" + i + "]", value, actual.get(i));
            } else {
                same(where, i, value, actual.get(i));
            }
        }
        same(where, " toList()", plain(expected), plain(actual));
    }

    /** Tables as maps and arrays as lists, all the way down, so that equals compares contents. */
    static Object plain(Object value) {
        if (value instanceof TomlTable table) {
            Map<String, Object> map = new LinkedHashMap<>();
            table.toMap().forEach((key, inner) -> map.put(key, plain(inner)));
            return map;
        }
        if (value instanceof TomlArray array) {
            List<Object> list = new ArrayList<>();
            array.toList().forEach(inner -> list.add(plain(inner)));
            return list;
        }
        return value;
    }

    private static Set<List<String>> pathsOf(Set<Map.Entry<List<String>, Object>> entries) {
        Set<List<String>> paths = new HashSet<>();
        entries.forEach(entry -> paths.add(entry.getKey()));
        return paths;
    }

    private static String at(TomlPosition position) {
        return position == null ? null : position.line() + ":" + position.column();
    }

    /** What a call gives, or the class of what it throws. */
    private static Object call(Supplier<Object> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }

    private static String kind(Object value) {
        return value instanceof TomlTable ? "table" : value instanceof TomlArray ? "array" : String.valueOf(value);
    }

    private static String describe(Object value) {
        return value == null ? "has nothing" : "has a " + value.getClass().getSimpleName();
    }

    private static void same(String what, Object expected, Object actual) throws Mismatch {
        same(what, "", expected, actual);
    }

    /** The message is only put together when it is needed: the checks run millions of times. */
    private static void same(String where, Object what, Object expected, Object actual) throws Mismatch {
        if (!Objects.equals(expected, actual)) {
            throw new Mismatch(where + " " + what + ": tomlj " + expected + ", TomlLite " + actual);
        }
    }

    private static void samePosition(String where, Object what, TomlPosition expected, TomlPosition actual)
            throws Mismatch {
        boolean same = expected == null ? actual == null
            : actual != null && expected.line() == actual.line() && expected.column() == actual.column();
        if (!same) {
            throw new Mismatch(where + " " + what + " position: tomlj " + at(expected) + ", TomlLite " + at(actual));
        }
    }
}
