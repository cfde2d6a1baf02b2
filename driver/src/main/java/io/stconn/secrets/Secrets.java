package io.stconn.secrets;

import io.stconn.SqlState;
import io.stconn.internal.Nearest;
import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConfigValue.Source;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The merged secrets, merged as Streamlit merges them: shallow, by top-level key, so a later
 * file's {@code [connections]} table replaces an earlier file's whole table. The Streamlit app
 * beside us sees the same; what we add is saying so when it hides a connection.
 */
public final class Secrets {
    static final String CONNECTIONS = "connections";

    /**
     * One {@code [connections.<name>]} of one file read: where it is written, and the later file
     * whose {@code [connections]} table hides it (null when it is in force).
     *
     * @param origin file:line:column of the section (the file holding it in a secrets folder)
     */
    public record Definition(String name, Path file, String origin, Path hiddenBy) {
        public boolean hidden() {
            return hiddenBy != null;
        }

        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Definition other
                && Objects.equals(name, other.name)
                && Objects.equals(file, other.file)
                && Objects.equals(origin, other.origin)
                && Objects.equals(hiddenBy, other.hiddenBy);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, file, origin, hiddenBy);
        }

        @Override
        public String toString() {
            return "Definition[name=" + name + ", file=" + file + ", origin=" + origin + ", hiddenBy=" + hiddenBy + "]";
        }
    }

    private final SecretsPlan plan;
    private final List<SecretsSource> sources;
    private final Map<String, SecretsSource> owners = new LinkedHashMap<>();

    Secrets(SecretsPlan plan, List<SecretsSource> sources) {
        this.plan = plan;
        this.sources = List.copyOf(sources);
        for (SecretsSource source : sources) {
            source.tree().keySet().forEach(key -> owners.put(key, source));
        }
    }

    public SecretsPlan plan() {
        return plan;
    }

    /** The files and folders that exist and were read, in order. */
    public List<Path> files() {
        return sources.stream().map(SecretsSource::path).toList();
    }

    /** Every connection name of the merged secrets. */
    public Set<String> connectionNames() {
        Map<?, ?> connections = connectionsTable();
        Set<String> names = new TreeSet<>();
        if (connections != null) {
            connections.forEach((k, v) -> names.add(String.valueOf(k)));
        }
        return names;
    }

    /**
     * Every connection of every file read: those in force, by name, then those that Streamlit's
     * shallow merge hides, by name and file order. A name defined in an earlier file and again in
     * the file in force is listed once, in force.
     */
    public List<Definition> definitions() {
        SecretsSource owner = owners.get(CONNECTIONS);
        Set<String> inForce = connectionNames();
        List<Definition> shown = new ArrayList<>();
        List<Definition> hidden = new ArrayList<>();
        for (SecretsSource source : sources) {
            if (!(source.tree().get(CONNECTIONS) instanceof Map<?, ?> table)) {
                continue;
            }
            for (Object key : table.keySet()) {
                String name = String.valueOf(key);
                String origin = source.origin(List.of(CONNECTIONS, name));
                if (source == owner) {
                    shown.add(new Definition(name, source.path(), origin, null));
                } else if (!inForce.contains(name)) {
                    hidden.add(new Definition(name, source.path(), origin, owner.path()));
                }
            }
        }
        shown.sort(Comparator.comparing(Definition::name));
        // a stable sort: one name hidden in two files keeps the files' order
        hidden.sort(Comparator.comparing(Definition::name));
        shown.addAll(hidden);
        return shown;
    }

    /** The file whose {@code [connections]} table is in force, if any. */
    public Optional<Path> connectionsFile() {
        return Optional.ofNullable(owners.get(CONNECTIONS)).map(SecretsSource::path);
    }

    /**
     * The section {@code [connections.<name>]}, each value with its file:line:column, or empty
     * when there is no such section.
     */
    public Optional<Map<String, ConfigValue>> section(String name) throws SQLException {
        Map<?, ?> connections = connectionsTable();
        if (connections == null || !connections.containsKey(name)) {
            return Optional.empty();
        }
        SecretsSource source = owners.get(CONNECTIONS);
        Object section = connections.get(name);
        if (!(section instanceof Map<?, ?> map)) {
            throw SqlState.INVALID_VALUE.exception("[connections." + name + "] at " + source.origin(List.of(CONNECTIONS, name))
                    + " is not a table: write it as a section, [connections." + name + "], with keys such as url = \"...\"");
        }
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object v = entry.getValue();
            Map<String, String> entryOrigins = new LinkedHashMap<>();
            if (v instanceof Map<?, ?> table) {
                for (Object e : table.keySet()) {
                    entryOrigins.put(String.valueOf(e), source.origin(List.of(CONNECTIONS, name, key, String.valueOf(e))));
                }
            }
            values.put(key, new ConfigValue(key, v, Source.SECRETS, source.origin(List.of(CONNECTIONS, name, key)),
                    entryOrigins));
        }
        return Optional.of(values);
    }

    /** The error for a name that is not in the merged secrets: what exists, where we looked, what is hidden. */
    public SQLException notFound(String name) {
        if (sources.isEmpty()) {
            StringBuilder msg = new StringBuilder("No secrets file found for connection '").append(name)
                    .append("'. Searched (").append(plan.reason()).append("):");
            plan.entries().forEach(p -> msg.append(' ').append(p).append(';'));
            msg.append(" create one of them with a [connections.").append(name).append("] section, or point stconn at "
                    + "your project with project_dir (URL parameter or property) or env STCONN_PROJECT_DIR.");
            return SqlState.NO_SECRETS.exception(msg.toString());
        }
        StringBuilder msg = new StringBuilder("No connection named '").append(name).append("' in the secrets");
        String hidden = hiddenBy(name);
        if (hidden != null) {
            msg.append(": ").append(hidden);
        } else {
            Set<String> names = connectionNames();
            msg.append(names.isEmpty() ? ": there is no [connections] table at all" : ": the connections are " + names);
            Nearest.to(name, names).ifPresent(n -> msg.append(" (did you mean '").append(n).append("'?)"));
        }
        msg.append(". Files read (").append(plan.reason()).append("): ").append(files()).append('.');
        projectFileMissing().ifPresent(missing -> msg.append(" The project's ./.streamlit/secrets.toml was not found: "
                + "looked for ").append(missing).append(" (the project folder is the working folder unless project_dir "
                + "or env STCONN_PROJECT_DIR names another). Run from your Streamlit project's folder, or name it with "
                + "project_dir=DIR (URL parameter or property; --project DIR in the command-line tool). Otherwise,"));
        msg.append(projectFileMissing().isPresent() ? " add" : " Add").append(" a [connections.").append(name)
                .append("] section, or fix the name in the URL.");
        return SqlState.UNKNOWN_CONNECTION.exception(msg.toString());
    }

    /** The project's own secrets file, when the default locations were searched and it is not there. */
    private Optional<Path> projectFileMissing() {
        if (!plan.configFiles().isEmpty() && plan.reason().equals(SecretsLocator.DEFAULT_LOCATIONS)) {
            Path project = plan.entries().get(plan.entries().size() - 1);
            return files().contains(project) ? Optional.empty() : Optional.of(project);
        }
        return Optional.empty();
    }

    private String hiddenBy(String name) {
        SecretsSource owner = owners.get(CONNECTIONS);
        List<String> definers = new ArrayList<>();
        for (SecretsSource source : sources) {
            if (source != owner && source.tree().get(CONNECTIONS) instanceof Map<?, ?> m && m.containsKey(name)) {
                definers.add(source.path().toString());
            }
        }
        if (definers.isEmpty() || owner == null) {
            return null;
        }
        return "[connections." + name + "] is defined in " + String.join(" and ", definers) + " but hidden by "
                + owner.path() + ", whose [connections] table replaces the earlier one whole (secrets files are merged "
                + "by top-level key, as Streamlit does). Move the section into " + owner.path();
    }

    private Map<?, ?> connectionsTable() {
        SecretsSource owner = owners.get(CONNECTIONS);
        return owner != null && owner.tree().get(CONNECTIONS) instanceof Map<?, ?> m ? m : null;
    }
}
