package io.stconn.type.snowflake;

import io.stconn.SqlState;
import io.stconn.internal.Env;
import io.stconn.spi.Environment;
import io.stconn.internal.TomlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Snowflake's own connection files, read as its drivers read them: {@code connections.toml} (one
 * table per connection) under {@code $SNOWFLAKE_HOME}, default {@code ~/.snowflake}, replacing the
 * {@code [connections]} table of {@code config.toml} beside it, which also holds
 * {@code default_connection_name}. A file group or others may write is refused (it could point the
 * connection anywhere); one they may read is a warning, silenced by
 * {@code SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE=true}; the
 * {@code unsafe_skip_file_permissions_check} parameter skips both, as in snowflake-connector-python.
 */
public final class SnowflakeConfigFiles {
    public static final String CONNECTIONS_TOML = "connections.toml";
    public static final String CONFIG_TOML = "config.toml";
    private static final String FIX = "Fix the file: snowflake-connector-python, the Snowflake CLI and snowflake-jdbc"
            + " read it too.";

    private final Path connectionsFile;
    private final Path configFile;
    private final boolean customConnectionsFile;
    private final Environment env;
    private final boolean skipPermissionChecks;
    private final List<String> warnings = new ArrayList<>();
    private final Map<Path, Optional<TomlParseResult>> parsed = new HashMap<>();

    /** One connection of a file: its values and where each is (file:line:column). */
    public record Entry(String name, Path file, Map<String, Object> values, Map<String, String> origins) {
        public Entry {
            values = new LinkedHashMap<>(values);
            origins = new LinkedHashMap<>(origins);
        }

        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Entry other
                && Objects.equals(name, other.name)
                && Objects.equals(file, other.file)
                && Objects.equals(values, other.values)
                && Objects.equals(origins, other.origins);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, file, values, origins);
        }

        @Override
        public String toString() {
            return "Entry[name=" + name + ", file=" + file + ", values=" + values + ", origins=" + origins + "]";
        }
    }

    private SnowflakeConfigFiles(Path connectionsFile, Path configFile, boolean customConnectionsFile,
                                 Environment env, boolean skipPermissionChecks) {
        this.connectionsFile = connectionsFile;
        this.configFile = configFile;
        this.customConnectionsFile = customConnectionsFile;
        this.env = env;
        this.skipPermissionChecks = skipPermissionChecks;
    }

    /**
     * The files under {@code $SNOWFLAKE_HOME} (default {@code ~/.snowflake}), or the given
     * connections file instead of {@code connections.toml} and {@code config.toml}'s connections.
     */
    public static SnowflakeConfigFiles of(Environment env, Path connectionsFilePath, boolean skipPermissionChecks) {
        Path home = home(env);
        Path connections = connectionsFilePath != null ? connectionsFilePath : home.resolve(CONNECTIONS_TOML);
        return new SnowflakeConfigFiles(connections.toAbsolutePath().normalize(),
                home.resolve(CONFIG_TOML).toAbsolutePath().normalize(), connectionsFilePath != null, env,
                skipPermissionChecks);
    }

    static Path home(Environment env) {
        String home = env.get(Env.SNOWFLAKE_HOME.key());
        if (home != null) {
            return Path.of(home.startsWith("~") ? userHome(env) + home.substring(1) : home);
        }
        return Path.of(userHome(env), ".snowflake");
    }

    private static String userHome(Environment env) {
        String home = env.get(Env.USER_HOME.key());
        return home == null ? "." : home;
    }

    public Path connectionsFile() {
        return connectionsFile;
    }

    public Path configFile() {
        return configFile;
    }

    /** Warnings about files read so far (readable by group or others); never secret. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * The entry a connection name means: for {@code snowflake} (and the deprecated
     * {@code snowpark}), 1. env SNOWFLAKE_DEFAULT_CONNECTION_NAME, 2. {@code default_connection_name}
     * in config.toml, 3. {@code default}; any other name means the entry of that name.
     */
    public SnowflakeEntryChoice entryFor(String connectionName) throws SQLException {
        if (!connectionName.equalsIgnoreCase("snowflake") && !connectionName.equalsIgnoreCase("snowpark")) {
            return new SnowflakeEntryChoice(connectionName, "the connection name");
        }
        String fromEnv = env.get(Env.SNOWFLAKE_DEFAULT_CONNECTION_NAME.key());
        if (fromEnv != null) {
            return new SnowflakeEntryChoice(fromEnv.strip(), "named by env SNOWFLAKE_DEFAULT_CONNECTION_NAME");
        }
        Optional<TomlParseResult> config = read(configFile);
        if (config.isPresent() && config.get().get("default_connection_name") != null) {
            Object name = config.get().get("default_connection_name");
            TomlPosition pos = config.get().inputPositionOf("default_connection_name");
            if (!(name instanceof String text) || text.isBlank()) {
                throw SqlState.INVALID_VALUE.exception("default_connection_name in " + configFile + ":" + pos.line()
                        + ":" + pos.column() + " must be the name of a connection, as in default_connection_name ="
                        + " \"prod\"");
            }
            return new SnowflakeEntryChoice(text.strip(), "named by default_connection_name at " + configFile + ":"
                    + pos.line() + ":" + pos.column());
        }
        return new SnowflakeEntryChoice("default", "the default name: env SNOWFLAKE_DEFAULT_CONNECTION_NAME is unset and "
                + configFile + " sets no default_connection_name");
    }

    /** The entry of that name, from connections.toml, else from config.toml's [connections]. */
    public Optional<Entry> find(String entryName) throws SQLException {
        Optional<TomlParseResult> connections = read(connectionsFile);
        if (connections.isPresent()) {
            return entry(connections.get(), connectionsFile, List.of(), entryName);
        }
        if (customConnectionsFile) {
            return Optional.empty();
        }
        Optional<TomlParseResult> config = read(configFile);
        if (config.isPresent() && config.get().get("connections") instanceof TomlTable) {
            return entry(config.get(), configFile, List.of("connections"), entryName);
        }
        return Optional.empty();
    }

    /** The connection names the files define, for messages. */
    public List<String> entryNames() throws SQLException {
        Optional<TomlParseResult> connections = read(connectionsFile);
        if (connections.isPresent()) {
            return tableKeys(connections.get());
        }
        Optional<TomlParseResult> config = customConnectionsFile ? Optional.empty() : read(configFile);
        if (config.isPresent() && config.get().get("connections") instanceof TomlTable table) {
            return tableKeys(table);
        }
        return List.of();
    }

    /** What was looked at for an entry, for the "missing configuration" message. */
    public String describeSearch(SnowflakeEntryChoice choice) throws SQLException {
        StringBuilder out = new StringBuilder("entry '").append(choice.entryName()).append("' (")
                .append(choice.why()).append(") in ").append(connectionsFile);
        if (!Files.exists(connectionsFile)) {
            out.append(" (no such file)");
        }
        if (!customConnectionsFile) {
            out.append(" and in the [connections] of ").append(configFile);
            if (!Files.exists(configFile)) {
                out.append(" (no such file)");
            }
        }
        List<String> names = entryNames();
        if (!names.isEmpty()) {
            out.append("; the entries there are ").append(names);
        }
        return out.toString();
    }

    private static Optional<Entry> entry(TomlTable root, Path file, List<String> prefix, String entryName)
            throws SQLException {
        List<String> path = new ArrayList<>(prefix);
        path.add(entryName);
        Object table = root.get(path);
        if (table == null) {
            return Optional.empty();
        }
        TomlPosition at = root.inputPositionOf(path);
        if (!(table instanceof TomlTable t)) {
            throw SqlState.INVALID_VALUE.exception(String.join(".", path) + " at " + file + ":" + at.line() + ":"
                    + at.column() + " is not a table: write it as a section, [" + String.join(".", path) + "]");
        }
        Map<String, Object> values = TomlFiles.toMap(t);
        Map<String, String> origins = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            List<String> keyPath = new ArrayList<>(path);
            keyPath.add(key);
            TomlPosition pos = root.inputPositionOf(keyPath);
            origins.put(key, pos == null ? file.toString() : file + ":" + pos.line() + ":" + pos.column());
        }
        return Optional.of(new Entry(entryName, file, values, origins));
    }

    private static List<String> tableKeys(TomlTable table) {
        return table.keySet().stream().filter(k -> table.get(List.of(k)) instanceof TomlTable).sorted().toList();
    }

    /** The parsed file after the permission check, or empty when it does not exist. */
    private Optional<TomlParseResult> read(Path file) throws SQLException {
        Optional<TomlParseResult> known = parsed.get(file);
        if (known != null) {
            return known;
        }
        if (!Files.isRegularFile(file)) {
            parsed.put(file, Optional.empty());
            return Optional.empty();
        }
        checkPermissions(file);
        try {
            Optional<TomlParseResult> result = Optional.of(TomlFiles.parse(file, FIX));
            parsed.put(file, result);
            return result;
        } catch (IOException e) {
            throw SqlState.INVALID_VALUE.exception("Cannot read " + file + ": " + e.getClass().getSimpleName()
                    + ". Check that it is readable by this process.", e);
        }
    }

    private void checkPermissions(Path file) throws SQLException {
        if (skipPermissionChecks) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return; // Windows: no POSIX modes, and Snowflake's drivers skip the check there too
        }
        Set<PosixFilePermission> mode;
        try {
            mode = view.readAttributes().permissions();
        } catch (IOException e) {
            throw SqlState.INVALID_VALUE.exception("Cannot read the permissions of " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
        String shown = PosixFilePermissions.toString(mode);
        if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw SqlState.INVALID_VALUE.exception(file + " is writable by group or others (" + shown + "): whoever"
                    + " can write it can send your connection, and its credentials, anywhere. Run chmod 600 " + file
                    + " (Snowflake's own drivers refuse it too), or pass unsafe_skip_file_permissions_check=true"
                    + " to read it anyway.");
        }
        boolean readable = mode.contains(PosixFilePermission.GROUP_READ)
                || mode.contains(PosixFilePermission.OTHERS_READ);
        if (readable && !"true".equalsIgnoreCase(env.get(Env.SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE.key()))) {
            String warning = file + " is readable by group or others (" + shown + "). Run chmod 600 " + file
                    + "; set SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE=true to silence this warning.";
            if (!warnings.contains(warning)) {
                warnings.add(warning);
            }
        }
    }
}
