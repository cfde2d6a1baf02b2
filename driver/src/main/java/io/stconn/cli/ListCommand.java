package io.stconn.cli;

import io.stconn.SqlState;
import io.stconn.internal.TextTable;
import io.stconn.secrets.Secrets;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code list}: every connection of the secrets with its type as the driver resolves it (or why
 * it cannot), and the file it is written in; connections that Streamlit's shallow merge hides are
 * listed as hidden, with the file hiding them. Nothing is connected to.
 */
final class ListCommand {
    private ListCommand() {
    }

    static int run(CommandLine commandLine, PrintStream out) throws SQLException {
        List<Map<String, Object>> entries = list(commandLine.connectProperties());
        if (commandLine.json()) {
            JsonWriter.write(entries, 1, out);
            return Main.OK;
        }
        boolean anyNote = entries.stream().anyMatch(e -> e.get("error") != null || e.get("hiddenBy") != null);
        List<String> labels = anyNote ? List.of("name", "type", "source", "note") : List.of("name", "type", "source");
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            boolean hidden = (Boolean) entry.get("hidden");
            Object type = hidden ? "-" : entry.get("type") == null ? "?" : entry.get("type");
            List<Object> row = new ArrayList<>(List.of(entry.get("name"), type, entry.get("source")));
            if (anyNote) {
                row.add(hidden ? "hidden by " + entry.get("hiddenBy") : entry.get("error") == null ? "" : entry.get("error"));
            }
            rows.add(row);
        }
        TextTable.lines(labels, labels.stream().map(l -> false).toList(), rows).forEach(out::println);
        return Main.OK;
    }

    /** The JSON contract (docs/cli.md, "The JSON contract"): name, type (null when unresolved or hidden), source, hidden, error, hiddenBy. */
    static List<Map<String, Object>> list(Properties properties) throws SQLException {
        Secrets secrets = Connections.secrets(properties);
        if (secrets.files().isEmpty()) {
            throw SqlState.NO_SECRETS.exception("No secrets file found. Searched (" + secrets.plan().reason() + "): "
                    + secrets.plan().entries() + ". Point the tool at your project with --project DIR, or name the "
                    + "files with --secrets FILE.");
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Secrets.Definition definition : secrets.definitions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", definition.name());
            String type = null;
            String error = null;
            if (!definition.hidden()) {
                try {
                    Connections.Described d = Connections.describeEvenWithoutDriver(definition.name(), properties);
                    type = d.resolution().typeName();
                    error = d.missingDriver() == null ? null : CauseChain.oneLine(d.missingDriver());
                } catch (SQLException | RuntimeException e) {
                    error = CauseChain.oneLine(e);
                }
            }
            entry.put("type", type);
            entry.put("source", definition.origin());
            entry.put("hidden", definition.hidden());
            entry.put("error", error);
            if (definition.hidden()) {
                entry.put("hiddenBy", definition.hiddenBy().toString());
            }
            entries.add(entry);
        }
        return entries;
    }
}
