package io.stconn.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Secrets-like TOML documents from a seed: {@link #plain} stays inside the subset {@link TomlLite}
 * reads (and is valid TOML), {@link #outside} is such a document with one construct just outside it.
 */
final class TomlDocuments {
    private static final String[] SECTIONS = {"mydb", "pg", "shop", "warehouse", "snowflake", "demo", "pets_sqlite",
        "app", "analytics", "orders", "db-2", "_x", "x9", "Prod", "t-1-_"};
    private static final String[] KEYS = {"url", "host", "port", "password", "username", "user", "database", "dialect",
        "type", "account", "role", "warehouse", "schema", "token", "authenticator", "ttl", "sslmode", "pool_size",
        "max_overflow", "DB_CLOSE_DELAY", "private_key_file", "private-key", "_hidden", "k9", "a-b_c", "trueish",
        "nan_x", "inf1", "True", "FALSE"};
    private static final String[] SUBTABLES = {"query", "hikari", "create_engine_kwargs", "connect_args", "options"};
    private static final String[] OTHER_HEADERS = {"secrets", "default", "prod", "a-b.c_d", "server", "x.y.z"};
    private static final String TEXT_CHARS = "abcxyzABCXYZ0189 :/@%?&=.,;-_+*!$()<>|~^`'#[]{}";
    /** Now and then: tomlj's lexer reads these much more slowly than ASCII. */
    private static final String NON_ASCII = "\u00e9\u00fc\u00df\u00f1\u00e6\u00f8\u0416\u044f\u4e2d\u6587\u20ac\u2014\u2603\u00a0\u2028\uac00\u05d0\u0645\ufffd";
    private static final String[] ESCAPES = {"\\\"", "\\\\", "\\n", "\\t", "\\r", "\\b", "\\f"};

    /** The constructs just outside the subset (or outside TOML), each inserted as lines of its own. */
    static final String[] OUTSIDE = {
        "m = \"\"\"\nmulti\nline\"\"\"", "m = \"\"\"one line\"\"\"", "m = '''x'''", "m = '''\nx\n'''", "m = 1.5",
        "m = 1e3", "m = -0.0", "m = inf", "m = nan", "m = +inf", "m = 1979-05-27", "m = 07:32:00",
        "m = 1979-05-27T07:32:00Z", "m = 1979-05-27 07:32:00", "\"m\" = 1", "'m' = 1", "\"\" = 1", "m.n = 1",
        "m . n = 1", "[[m]]", "[[m]]\nk = 1\n[[m]]\nk = 2", "m = \"\\u00e9\"", "m = \"\\U0001F600\"",
        "m = \"x\u0001y\"", "m = 'x\u007fy'", "# bell \u0007", "m = 1\rn = 2", "m = \"\ud83d\ude00\"",
        "# \ud83d\ude00", "m = '\ud83d\ude00'", "m = \"abc", "m = 'abc", "m = \"abc\\\"", "m =", "m = # c",
        "m = 1 b", "m = \"a\" \"b\"", "m = true false", "m = [1, 2,]", "m = {a = 1,}", "m = [,]", "m = {,}",
        "m = 1\nm = 2", "m = {a = 1, a = 2}", "m = {a = 1}\n[m]", "m = {a = 1}\n[m.b]", "m = {b = {c = 1}}\n[m.b]",
        "[m.b]\nk = 1\n[m]\nj = 2", "[m]\n[m]", "[m.b]\n[m.b]", "m = 1\n[m]", "[m]\nb = 1\n[m.b]", "true = 1",
        "false = 1", "1 = 1", "1234 = 1", "-x = 1", "0x1 = 1", "inf = 1", "nan = 1", "m = \"\\q\"", "m = \"\\x41\"",
        "m = \"\\ \"", "m = \"\\", "m = 1_000", "m = 0x1F", "m = 0o17", "m = 0b101", "m = 01", "m = 00", "m = +0",
        "m = -0", "m = 9223372036854775807", "m = -9223372036854775808", "m = 9223372036854775808",
        "m = 99999999999999999999", "m = [1, \"a\"]", "m = [1, true]", "m = [[1], [2]]", "m = [{a = 1}]",
        "m = [\n1,\n2\n]", "m = [1 # c\n]", "m = {\na = 1\n}", "= 1", "[]", "[m.]", "[.m]", "[m..n]", "[m",
        "[m] x", "[m]x = 1", "m = true1", "m = truex", "m = True", "m = tru", "m = -", "m = +", "m = 1-2",
        "m\u00a0= 1", "m\u000b= 1", "\u00e9 = 1", "[\u00e9]", "m n = 1", "[m n]", "[\"m\"]", "['m']", "[m.\"n\"]",
        "m = {a.b = 1}", "m = {\"a\" = 1}", "m = [1 2]", "m = {a = 1 b = 2}", "m = \"x\"y", "m = 'x'y", "m = 1#c",
        "m = 'x'#c", "m = \"\\\\\"\"", "m = ''", "m = \"\"", "m = \"\"\"\"\"\"", "m = ''''''", "m = [ ]", "m = { }",
        "m = []]", "m = {}}", "m = [[]]", "m = 1 ]", "\t", "m = \"\ufeff\"", "\ufeff# bom inside", "m = 12:00"};

    private final Random random;
    private final List<String> lines = new ArrayList<>();

    private final int sections;

    private TomlDocuments(long seed, int sections) {
        this.random = new Random(seed);
        this.sections = sections;
    }

    /** A document inside the subset, valid TOML. */
    static String plain(long seed) {
        TomlDocuments documents = new TomlDocuments(seed, 3);
        documents.document();
        return documents.text();
    }

    /** A document inside the subset but for one construct of {@link #OUTSIDE} (or a byte order mark). */
    static String outside(long seed) {
        TomlDocuments documents = new TomlDocuments(seed, 2); // around the construct, a little plain TOML is enough
        documents.document();
        int which = documents.random.nextInt(OUTSIDE.length + 1);
        if (which == OUTSIDE.length) {
            return "\ufeff" + documents.text();
        }
        int at = documents.random.nextInt(documents.lines.size() + 1);
        documents.lines.add(at, OUTSIDE[which]);
        return documents.text();
    }

    private String text() {
        int endings = random.nextInt(10); // 0-6 LF, 7-8 CRLF, 9 mixed
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(lines.get(i));
            boolean crlf = endings == 7 || endings == 8 || (endings == 9 && random.nextBoolean());
            if (i < lines.size() - 1 || random.nextInt(8) > 0) {
                out.append(crlf ? "\r\n" : "\n");
            }
        }
        return out.toString();
    }

    private void document() {
        noise();
        Set<String> rootNames = new HashSet<>();
        if (random.nextInt(4) == 0) {
            table(rootNames, 1 + random.nextInt(3));
        }
        Set<String> connections = new HashSet<>();
        boolean taken = rootNames.contains("connections");
        for (int s = random.nextInt(sections); s > 0 && !taken; s--) {
            String name = pick(SECTIONS);
            if (!connections.add(name)) {
                continue;
            }
            rootNames.add("connections");
            if (connections.size() == 1 && random.nextInt(10) == 0) {
                // the parent table first, as some files write it ([a] after [a.b] is outside the subset)
                lines.add(header("connections"));
                table(connections, random.nextInt(2)); // its keys and the sections' names are one table's keys
            }
            lines.add(header("connections", name));
            Set<String> keys = new HashSet<>();
            table(keys, random.nextInt(6));
            if (random.nextInt(3) == 0) {
                String sub = pick(SUBTABLES);
                if (keys.add(sub)) {
                    lines.add(header("connections", name, sub));
                    table(new HashSet<>(), random.nextInt(4));
                }
            }
        }
        if (random.nextInt(4) == 0) {
            String other = pick(OTHER_HEADERS);
            String first = other.split("\\.")[0];
            if (rootNames.add(first)) {
                lines.add(header(other.split("\\.")));
                table(new HashSet<>(), random.nextInt(4));
            }
        }
    }

    /** count key = value lines of new keys, with comments and blank lines between. */
    private void table(Set<String> keys, int count) {
        for (int i = 0; i < count; i++) {
            String key = random.nextInt(6) == 0 ? bareKey() : pick(KEYS);
            if (!keys.add(key)) {
                continue;
            }
            String line = indent() + key + equals() + value(key, 0) + end();
            lines.add(line);
            if (random.nextInt(4) == 0) {
                noise();
            }
        }
    }

    private void noise() {
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(4)) {
                case 0 -> lines.add("");
                case 1 -> lines.add(random.nextBoolean() ? " " : "\t ");
                default -> lines.add(indent() + "#" + text(random.nextInt(30), ""));
            }
        }
    }

    private String header(String... keys) {
        StringBuilder out = new StringBuilder(indent()).append('[');
        boolean spaced = random.nextInt(8) == 0;
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.append(spaced ? " . " : random.nextInt(20) == 0 ? "\t.": ".");
            }
            out.append(spaced && i == 0 ? " " : "").append(keys[i]);
        }
        return out.append(spaced ? " ]" : "]").append(end()).toString();
    }

    private String value(String key, int depth) {
        switch (key) {
            case "port":
                return random.nextBoolean() ? integer() : basic();
            case "url", "host", "password", "token":
                return random.nextInt(4) == 0 ? literal() : basic();
            case "query", "connect_args", "options":
                return inlineTable(depth);
            default:
                break;
        }
        int kind = random.nextInt(depth < 2 ? 20 : 16);
        if (kind < 7) {
            return basic();
        } else if (kind < 9) {
            return literal();
        } else if (kind < 12) {
            return integer();
        } else if (kind < 14) {
            return random.nextBoolean() ? "true" : "false";
        } else if (kind < 16) {
            return array();
        }
        return inlineTable(depth);
    }

    private String inlineTable(int depth) {
        int n = random.nextInt(4);
        StringBuilder out = new StringBuilder("{");
        String space = random.nextInt(5) == 0 ? "" : " ";
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String key = random.nextInt(4) == 0 ? bareKey() : pick(KEYS);
            if (!keys.add(key)) {
                continue;
            }
            out.append(keys.size() > 1 ? "," + space : space).append(key).append(equals()).append(value(key, depth + 1));
        }
        return out.append(keys.isEmpty() && random.nextBoolean() ? "" : space).append('}').toString();
    }

    private String array() {
        int n = random.nextInt(5);
        int kind = random.nextInt(3);
        StringBuilder out = new StringBuilder("[");
        String space = random.nextInt(4) == 0 ? "" : " ";
        for (int i = 0; i < n; i++) {
            String element = kind == 0 ? (random.nextBoolean() ? basic() : literal())
                : kind == 1 ? integer() : String.valueOf(random.nextBoolean());
            out.append(i > 0 ? "," + space : space.isEmpty() || random.nextBoolean() ? "" : space).append(element);
        }
        return out.append(random.nextInt(3) == 0 ? space : "").append(']').toString();
    }

    private String basic() {
        StringBuilder out = new StringBuilder("\"");
        int n = random.nextInt(20);
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(12);
            if (r == 0) {
                out.append(pick(ESCAPES));
            } else if (r == 1) {
                out.append('\t');
            } else {
                out.append(character());
            }
        }
        return out.append('"').toString();
    }

    private String literal() {
        return "'" + text(random.nextInt(20), "'") + "'";
    }

    /** n characters of ordinary text (a tab now and then), none of except. */
    private String text(int n, String except) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            char c = random.nextInt(15) == 0 ? '\t' : character();
            out.append(except.indexOf(c) >= 0 ? '"' : c);
        }
        return out.toString();
    }

    private char character() {
        String from = random.nextInt(12) == 0 ? NON_ASCII : TEXT_CHARS;
        return from.charAt(random.nextInt(from.length()));
    }

    private String integer() {
        return switch (random.nextInt(10)) {
            case 0 -> "0";
            case 1 -> String.valueOf(-random.nextInt(1000));
            case 2 -> "+" + random.nextInt(100000);
            case 3 -> String.valueOf(random.nextLong() / 10);
            case 4 -> random.nextBoolean() ? "999999999999999999" : "-999999999999999999";
            default -> String.valueOf(random.nextInt(70000));
        };
    }

    private String bareKey() {
        String first = "abcxyzABCXYZ_";
        String rest = "abcxyzABCXYZ_0189-";
        StringBuilder out = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            out.append(rest.charAt(random.nextInt(rest.length())));
        }
        String key = out.toString();
        return key.equals("inf") || key.equals("nan") ? key + "_" : key;
    }

    private String indent() {
        int r = random.nextInt(12);
        return r == 0 ? " " : r == 1 ? "\t" : r == 2 ? "  \t " : "";
    }

    private String equals() {
        return switch (random.nextInt(12)) {
            case 0 -> "=";
            case 1 -> " =";
            case 2 -> "= ";
            case 3 -> "\t=\t";
            case 4 -> "   =  ";
            default -> " = ";
        };
    }

    /** What may follow a value or header on its line: spaces, a comment, with or without a space before. */
    private String end() {
        return switch (random.nextInt(14)) {
            case 0 -> " ";
            case 1 -> "\t";
            case 2 -> "#" + text(random.nextInt(12), "");
            case 3, 4 -> " # " + text(random.nextInt(20), "");
            case 5 -> "\t#";
            default -> "";
        };
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }
}
