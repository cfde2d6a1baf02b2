package io.stconn.cli;

import io.stconn.SqlState;
import io.stconn.resolve.Resolution;
import io.stconn.secrets.PythonTomlQuirks;
import io.stconn.secrets.Secrets;
import io.stconn.spi.ConfigValue;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code lint}: where Streamlit will read the user's secrets differently from stconn (its Python
 * toml parser's quirks, the shallow merge hiding a section, a query table beside a url, a date, a
 * missing type), and where a value will not reach the database as written. Exit 1 when it finds any.
 */
final class LintCommand {
    private LintCommand() {
    }

    static int run(CommandLine commandLine, PrintStream out) throws SQLException {
        List<Map<String, Object>> findings = findings(commandLine.connectProperties());
        if (commandLine.json()) {
            JsonWriter.write(findings, 1, out);
        } else if (findings.isEmpty()) {
            out.println("no differences from Streamlit found");
        } else {
            findings.forEach(f -> out.println(f.get("where") + ": " + (f.get("connection") == null ? ""
                    : "[connections." + f.get("connection") + "] ") + f.get("message")));
        }
        return findings.isEmpty() ? Main.OK : Main.FAILURE;
    }

    /** check's one line about the files: how many places Streamlit reads differently, when there are any. */
    static Optional<String> summary(Properties properties) {
        try {
            int found = findings(properties).size();
            return found == 0 ? Optional.empty() : Optional.of(found + (found == 1 ? " place" : " places")
                    + " where Streamlit reads these secrets differently: see stconn lint");
        } catch (SQLException | RuntimeException e) {
            return Optional.empty(); // check has reported what is wrong with the files already
        }
    }

    /** The JSON contract: where (file:line[:column]), connection (null for the file as a whole), message. */
    static List<Map<String, Object>> findings(Properties properties) throws SQLException {
        Secrets secrets = Connections.secrets(properties);
        if (secrets.files().isEmpty()) {
            throw SqlState.NO_SECRETS.exception("No secrets file found. Searched (" + secrets.plan().reason() + "): "
                    + secrets.plan().entries() + ". Point the tool at your project with --project DIR.");
        }
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Path file : secrets.files()) {
            if (Files.isRegularFile(file)) {
                for (PythonTomlQuirks.Quirk quirk : PythonTomlQuirks.of(read(file))) {
                    findings.add(finding(file + ":" + quirk.line(), null, quirk.message()));
                }
            }
        }
        for (Secrets.Definition definition : secrets.definitions()) {
            String name = definition.name();
            if (definition.hidden()) {
                findings.add(finding(definition.origin(), name, "Streamlit does not see this section: the [connections]"
                        + " table of " + definition.hiddenBy() + " replaces this file's whole table (a shallow merge);"
                        + " move the section there"));
                continue;
            }
            section(name, secrets.section(name).orElseThrow(), properties, findings);
        }
        return findings;
    }

    private static void section(String name, Map<String, ConfigValue> section, Properties properties,
                                List<Map<String, Object>> findings) {
        ConfigValue url = section.get("url");
        if (url != null && section.containsKey("query")) {
            findings.add(finding(section.get("query").origin(), name, "Streamlit ignores this query table because the"
                    + " section has a url: put the parameters in the url's query string"));
        }
        section.values().stream().filter(v -> v.value() instanceof TemporalAccessor).forEach(v -> findings.add(
                finding(v.origin(), name, v.key() + " is a TOML date or time: st.connection hands the driver a date"
                        + " object, which it refuses; write it in quotes")));
        String type;
        List<String> notes;
        try {
            Resolution resolution = Connections.describe(name, properties);
            type = resolution.typeName();
            notes = resolution.target().notes();
        } catch (SQLException | RuntimeException e) {
            // a driver jar missing here is no difference from Streamlit: check and describe report it
            if (SqlState.reasonOf(e).orElse(null) == SqlState.DRIVER_NOT_FOUND) {
                return;
            }
            findings.add(finding(where(section, "url"), name, "stconn cannot use it: " + CauseChain.oneLine(e)));
            return;
        }
        if (!section.containsKey("type") && streamlitKnows(section)) {
            findings.add(finding(where(section, "url"), name, "Streamlit needs type = \"" + type + "\" in this section"
                    + " (stconn infers it)"));
        }
        notes.stream().filter(n -> n.startsWith("dropped") || n.startsWith("ignored")).forEach(note ->
                findings.add(finding(where(section, "url"), name, "will not reach the database: " + note)));
    }

    // H2 and ready-made JDBC URLs are stconn's alone: Streamlit has no SQLAlchemy dialect for them
    private static boolean streamlitKnows(Map<String, ConfigValue> section) {
        String text = (section.containsKey("url") ? section.get("url").text()
                : section.containsKey("dialect") ? section.get("dialect").text() : "").strip().toLowerCase(Locale.ROOT);
        return !text.startsWith("jdbc:") && !text.startsWith("h2");
    }

    private static String where(Map<String, ConfigValue> section, String preferred) {
        ConfigValue value = section.containsKey(preferred) ? section.get(preferred)
                : section.values().stream().findFirst().orElse(null);
        return value == null ? "?" : value.origin();
    }

    private static Map<String, Object> finding(String where, String connection, String message) {
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("where", where);
        finding.put("connection", connection);
        finding.put("message", message);
        return finding;
    }

    private static String read(Path file) throws SQLException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SqlState.NO_SECRETS.exception("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
