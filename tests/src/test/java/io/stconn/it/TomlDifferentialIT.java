package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.road.Road;
import io.stconn.secrets.Secrets;
import io.stconn.spi.ConfigValue;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of generated secrets files, each read by Python's toml package as Streamlit reads it and
 * by stconn: the {@code connections} tables must hold the same keys and values (and types), or both
 * must refuse the file, or the file must show a difference listed in the table of deliberate ones.
 */
class TomlDifferentialIT {
    static final int SEED = 12;
    static final int FILES = 400;

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void everyGeneratedSecretsFileHoldsWhatStreamlitReads() throws Exception {
        List<Map<String, Object>> lines = Reference.run("toml_oracle.py", String.valueOf(SEED), String.valueOf(FILES),
                tmp.toString());
        String version = String.valueOf(lines.get(0).get("toml"));
        DeliberateDifferences table = DeliberateDifferences.load();
        Tally tally = new Tally(table);
        for (Map<String, Object> line : lines.subList(1, lines.size())) {
            String id = (String) line.get("id");
            List<Object> tags = (List<Object>) line.get("tags");
            Object python = line.containsKey("error") ? null : line.get("connections");
            String stconnError = null;
            Object stconn = null;
            try {
                stconn = connections(tmp.resolve(id));
            } catch (SQLException e) {
                stconnError = e.getMessage();
            }
            List<String> fields = new ArrayList<>();
            if ((python == null) != (stconn == null)) {
                fields.add("error");
            } else if (!Objects.equals(python, stconn)) {
                fields.add("value");
            }
            tally.add(tags.isEmpty() ? "plain files" : "files with quirks", tags, fields, id + " " + tags
                    + "\n    python toml: " + (python == null ? "error: " + line.get("error") : python)
                    + "\n    stconn:      " + (stconn == null ? "error: " + stconnError : stconn));
        }
        assertThat(tally.report("Python toml " + version)).as("secrets files Python's toml reads differently, not"
                + " listed as deliberate (%d, all in target/)", tally.unexplainedCount()).isEmpty();
    }

    /** The connections stconn reads from the project's secrets, each value tagged as the oracle tags it. */
    private static Map<String, Object> connections(Path project) throws SQLException {
        Road road = Road.shared();
        Properties info = new Properties();
        info.setProperty("project_dir", project.toString());
        Secrets secrets = road.secrets(road.request("jdbc:stconn:any", info));
        Map<String, Object> sections = new LinkedHashMap<>();
        for (String name : secrets.connectionNames()) {
            Map<String, Object> section = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigValue> entry : secrets.section(name).orElseThrow().entrySet()) {
                section.put(entry.getKey(), tagged(entry.getValue().value()));
            }
            sections.put(name, Map.of("table", section));
        }
        return Map.of("table", sections);
    }

    private static Object tagged(Object value) {
        if (value instanceof Boolean b) {
            return Map.of("bool", b);
        }
        if (value instanceof Long || value instanceof Integer) {
            return Map.of("int", ((Number) value).longValue());
        }
        if (value instanceof Double d) {
            return Map.of("float", d.isInfinite() ? (d > 0 ? "inf" : "-inf") : d.toString());
        }
        if (value instanceof String s) {
            return Map.of("str", s);
        }
        if (value instanceof OffsetDateTime t) {
            return Map.of("date", t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replaceFirst("Z$", "+00:00"));
        }
        if (value instanceof LocalTime t) {
            return Map.of("date", t.format(DateTimeFormatter.ISO_LOCAL_TIME));
        }
        if (value instanceof TemporalAccessor t) {
            return Map.of("date", t.toString());
        }
        if (value instanceof List<?> list) {
            return Map.of("list", list.stream().map(TomlDifferentialIT::tagged).toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> table = new LinkedHashMap<>();
            map.forEach((k, v) -> table.put(String.valueOf(k), tagged(v)));
            return Map.of("table", table);
        }
        return Map.of("other", String.valueOf(value));
    }
}
