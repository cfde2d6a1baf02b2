package io.stconn.cli;

import io.stconn.StconnKey;
import io.stconn.internal.Masking;
import io.stconn.internal.TextTable;
import io.stconn.pool.PoolSettings;
import io.stconn.resolve.Resolution;
import io.stconn.spi.ConfigValue;
import io.stconn.spi.PoolTarget;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code describe <name>}: what the driver would use for the connection, from the driver's own
 * resolver, with no connection opened. Every value that may be secret is masked.
 */
final class DescribeCommand {
    static final String HIKARI_DEFAULT = "HikariCP default";
    // a cell longer than this (an H2 INIT script, say) is cut in the text form; --json has it whole
    private static final int LONGEST_CELL = 60;

    private DescribeCommand() {
    }

    static int run(CommandLine commandLine, DriverPath drivers, PrintStream out) throws SQLException {
        Map<String, Object> description = describe(commandLine.operands().get(0), commandLine, drivers);
        if (commandLine.json()) {
            JsonWriter.write(description, 2, out);
        } else {
            printText(description, out);
        }
        return Main.OK;
    }

    /** The JSON contract (docs/cli.md, "The JSON contract"): name, type, typeReason, driverClass, driverJar, driverFrom, jdbcUrl,
     * properties, pool, config, sources, notes, secretsFiles, missingDriver. Without the real driver's jar,
     * the type and configuration are still shown, and missingDriver says which jar and where it was looked for. */
    static Map<String, Object> describe(String name, CommandLine commandLine, DriverPath drivers) throws SQLException {
        Properties properties = commandLine.connectProperties();
        Connections.Described described = Connections.describeEvenWithoutDriver(name, properties);
        Resolution resolution = described.resolution();
        PoolTarget target = resolution.target();
        Optional<DriverPath.Entry> jar = target == null ? Optional.empty() : drivers.origin(implementation(target));

        Map<String, Object> config = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        resolution.request().kwargs().forEach((key, value) -> {
            if (StconnKey.of(key).isPresent()) {
                flatten(key, value.value(), origin(value, commandLine), config, sources);
            }
        });
        resolution.config().values().forEach((key, value) ->
                flatten(key, value.value(), origin(value, commandLine), config, sources));

        Properties given = target == null ? new Properties() : target.poolSettings();
        Map<String, Object> pool = target == null ? Map.of() : PoolSettings.withDefaults(resolution.request().name(), given);
        // a setting given as hikari.<setting> (the table or a kwarg) says where; the rest the type derived
        pool.keySet().forEach(setting -> sources.put("pool." + setting, !given.containsKey(setting) ? HIKARI_DEFAULT
                : sources.getOrDefault("hikari." + setting, resolution.typeName() + " type")));
        // a driver property from a kwarg says where that kwarg came from; the rest the type derived
        if (target != null) {
            Map<String, String> fromKey = target.propertySources();
            String derived = resolution.typeName() + " type";
            target.maskedProperties().keySet().forEach(property -> sources.put("property." + property,
                    fromKey.containsKey(property) ? sources.getOrDefault(fromKey.get(property), derived) : derived));
        }

        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", resolution.request().name());
        d.put("type", resolution.typeName());
        d.put("typeReason", resolution.typeReason());
        d.put("driverClass", target == null ? null : target.implementationClass());
        d.put("driverJar", jar.map(e -> e.jar().toString()).orElse(null));
        d.put("driverFrom", jar.map(e -> e.origin().toString()).orElse(null));
        d.put("jdbcUrl", target == null || target.jdbcUrl() == null ? null : Masking.url(target.jdbcUrl()));
        d.put("properties", target == null ? new LinkedHashMap<String, Object>()
                : new LinkedHashMap<String, Object>(target.maskedProperties()));
        d.put("pool", pool);
        d.put("config", config);
        d.put("sources", sources);
        d.put("notes", resolution.notes());
        d.put("secretsFiles", resolution.watch().current().secrets().files().stream().map(Path::toString).toList());
        d.put("missingDriver", described.missingDriver() == null ? null
                : CauseChain.oneLine(drivers.withPlacesSearched(described.missingDriver())));
        return d;
    }

    private static Class<?> implementation(PoolTarget target) {
        return target.driver() != null ? target.driver().getClass() : target.dataSource().getClass();
    }

    /** The tool passes its options as connect() Properties: name the option the user typed instead. */
    private static String origin(ConfigValue value, CommandLine commandLine) {
        return value.source() == ConfigValue.Source.PROPERTY
                ? commandLine.kwargOptions().getOrDefault(value.key(), "-p") : value.origin();
    }

    /** Tables become dotted keys ({@code query.sslmode}), as kwargs write them; a table under a secret key stays whole. */
    private static void flatten(String key, Object value, String origin, Map<String, Object> config,
                                Map<String, String> sources) {
        if (value instanceof Map<?, ?> table && !Masking.isSecretKey(key)) {
            table.forEach((k, v) -> flatten(key + "." + k, v, origin, config, sources));
            return;
        }
        config.put(key, masked(key, value));
        sources.put(key, origin);
    }

    private static Object masked(String key, Object value) {
        if (value == null || Masking.isSecretKey(key)) {
            return value == null ? null : Masking.MASK;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> shown = new ArrayList<>();
            list.forEach(element -> shown.add(element instanceof Map ? Masking.value(key, element) : masked(key, element)));
            return shown;
        }
        return Masking.url(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private static void printText(Map<String, Object> d, PrintStream out) {
        List<List<Object>> head = new ArrayList<>();
        head.add(List.of("name", d.get("name")));
        head.add(List.of("type", d.get("type") + " (" + d.get("typeReason") + ")"));
        String jdbcUrl = (String) d.get("jdbcUrl");
        if (d.get("missingDriver") != null) {
            head.add(List.of("driver", "NOT FOUND: " + d.get("missingDriver")));
        } else {
            head.add(List.of(jdbcUrl != null ? "driver" : "data source", d.get("driverClass")));
        }
        if (d.get("driverJar") != null) {
            head.add(List.of("loaded from", d.get("driverJar") + " (" + d.get("driverFrom") + ")"));
        }
        if (jdbcUrl != null) {
            head.add(List.of("JDBC URL", jdbcUrl));
        }
        List<String> files = (List<String>) d.get("secretsFiles");
        head.add(List.of("secrets", files.isEmpty() ? "(no file)" : String.join(", ", files)));
        for (List<Object> row : head) {
            out.println(String.format("%-12s %s", row.get(0), TextTable.visible(String.valueOf(row.get(1)))));
        }

        Map<String, String> sources = (Map<String, String>) d.get("sources");
        List<List<Object>> properties = new ArrayList<>();
        ((Map<String, Object>) d.get("properties")).forEach((k, v) -> properties.add(row(k, v, sources.get("property." + k))));
        section(out, "driver properties", List.of("property", "value", "from"), properties);

        List<List<Object>> config = new ArrayList<>();
        ((Map<String, Object>) d.get("config")).forEach((k, v) -> config.add(row(k, cut(v), sources.get(k))));
        section(out, "configuration, and where each value came from", List.of("key", "value", "from"), config);

        List<List<Object>> pool = new ArrayList<>();
        ((Map<String, Object>) d.get("pool")).forEach((k, v) -> pool.add(row(k, v, sources.get("pool." + k))));
        section(out, "pool (HikariCP settings)", List.of("setting", "value", "from"), pool);

        List<String> notes = (List<String>) d.get("notes");
        if (!notes.isEmpty()) {
            out.println();
            out.println("notes");
            notes.forEach(note -> out.println("  " + TextTable.visible(note)));
        }
    }

    private static Object cut(Object value) {
        if (!(value instanceof String text) || text.codePointCount(0, text.length()) <= LONGEST_CELL) {
            return value;
        }
        return text.substring(0, text.offsetByCodePoints(0, LONGEST_CELL - 3)) + "...";
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static void section(PrintStream out, String title, List<String> labels, List<List<Object>> rows) {
        out.println();
        out.println(title);
        if (rows.isEmpty()) {
            out.println("  (none)");
            return;
        }
        List<Boolean> left = labels.stream().map(l -> false).toList();
        TextTable.lines(labels, left, rows).forEach(line -> out.println("  " + line));
    }
}
