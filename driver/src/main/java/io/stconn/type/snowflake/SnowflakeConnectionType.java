package io.stconn.type.snowflake;

import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConnectionConfig;
import io.stconn.spi.ConnectionType;
import io.stconn.spi.PoolTarget;
import io.stconn.type.EngineKwargs;
import io.stconn.type.DriverLoader;

import io.stconn.SqlState;
import io.stconn.dialect.Dialect;
import io.stconn.spi.Environment;
import io.stconn.spi.ConfigValue.Source;
import io.stconn.type.snowflake.ContainerServices;
import io.stconn.type.snowflake.EncryptedKeys;
import io.stconn.type.snowflake.SnowflakeConfigFiles;
import io.stconn.type.snowflake.SnowflakeKey;
import io.stconn.type.snowflake.SnowflakeParameters;
import io.stconn.type.snowflake.SnowflakeTarget;
import io.stconn.type.snowflake.TokenFileDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Streamlit's SnowflakeConnection. Where the values come from, highest first:
 * 1. connect() Properties, 2. URL parameters, 3. the {@code [connections.<name>]} section;
 * 4. when that section is empty (or names one with {@code connection_name}), an entry of
 * Snowflake's connections.toml: for the name {@code snowflake}, the one named by env
 * SNOWFLAKE_DEFAULT_CONNECTION_NAME, else config.toml's default_connection_name, else
 * {@code default}; for any other name, the entry of that name (kwargs still apply over it);
 * 5. when still no account or host is known, Snowpark Container Services' token and host.
 * The values are then mapped by {@link SnowflakeParameters} onto snowflake-jdbc.
 */
public final class SnowflakeConnectionType implements ConnectionType {
    public static final String NAME = "snowflake";
    private static final Logger LOG = Logger.getLogger(SnowflakeConnectionType.class.getName());

    @Override
    public String name() {
        return NAME;
    }

    /** What the values resolve to before any driver is involved: snowflake-jdbc's target and the pool's view. */
    record Resolved(SnowflakeTarget mapped, ConnectionConfig poolConfig, List<String> notes) {
        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Resolved other
                && Objects.equals(mapped, other.mapped)
                && Objects.equals(poolConfig, other.poolConfig)
                && Objects.equals(notes, other.notes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(mapped, poolConfig, notes);
        }

        @Override
        public String toString() {
            return "Resolved[mapped=" + mapped + ", poolConfig=" + poolConfig + ", notes=" + notes + "]";
        }
    }

    @Override
    public PoolTarget target(ConnectionConfig config) throws SQLException {
        Resolved resolved = resolve(config);
        SnowflakeTarget mapped = resolved.mapped();
        DriverLoader.Loaded loaded = DriverLoader.loadFirst(config.name(), Dialect.SNOWFLAKE.drivers());
        PoolTarget target = mapped.tokenFile() == null
                ? PoolTarget.ofDriver(loaded.driver(), mapped.url(), mapped.properties())
                : PoolTarget.ofDataSource(new TokenFileDataSource(loaded.driver(), mapped.url(), mapped.properties(),
                mapped.tokenFile()));
        // a value the user wrote that does not reach snowflake-jdbc is a warning; the rest is for the debug log
        resolved.notes().forEach(n -> LOG.log(n.startsWith("dropped ") ? Level.WARNING : Level.FINE,
                () -> "stconn: " + config.name() + ": " + n));
        return target.withNotes(resolved.notes()).withPoolSettings(EngineKwargs.poolSettings(resolved.poolConfig()));
    }

    Resolved resolve(ConnectionConfig config) throws SQLException {
        Environment env = config.environment();
        List<ConfigValue> given = config.values().values().stream()
                .sorted(Comparator.comparing(ConfigValue::source)).collect(Collectors.toCollection(ArrayList::new));
        boolean sectionEmpty = given.stream().noneMatch(v -> v.source() == Source.SECRETS);
        ConfigValue explicitEntry = config.get(SnowflakeKey.CONNECTION_NAME.pythonName())
                .filter(v -> !v.text().isBlank()).orElse(null);
        SnowflakeConfigFiles files = SnowflakeConfigFiles.of(env, connectionsFile(config),
                skipPermissionChecks(config));
        List<String> notes = new ArrayList<>();

        // 4. the connections.toml entry, below the section and the kwargs
        SnowflakeEntryChoice choice = null;
        List<ConfigValue> layered = new ArrayList<>();
        if (sectionEmpty || explicitEntry != null) {
            choice = explicitEntry != null
                    ? new SnowflakeEntryChoice(explicitEntry.text().strip(), "connection_name at "
                    + explicitEntry.origin())
                    : files.entryFor(config.name());
            layered.addAll(fileValues(config, files, choice, explicitEntry != null, sectionEmpty, notes));
        }
        layered.addAll(given);
        // 5. Snowpark Container Services, below everything, when nothing names an account or host
        if (!hasAccountOrHost(layered)) {
            layered.addAll(0, containerValues(env, notes));
        }
        if (layered.stream().noneMatch(SnowflakeConnectionType::isSnowflakeParameter)) {
            throw SqlState.MISSING_VALUE.exception("Missing Snowflake connection configuration for '" + config.name()
                    + "'. Did you forget to set it in secrets.toml, a Snowflake configuration file, or as URL"
                    + " parameters? Searched: " + searched(config, files, choice) + ". Add account, user and password"
                    + " (or another authenticator) to [connections." + config.name() + "] in .streamlit/secrets.toml, "
                    + (choice == null ? "" : "add a [" + choice.entryName() + "] entry to " + files.connectionsFile()
                    + ", ") + "or pass them in the URL: jdbc:stconn:" + config.name() + "?account=...&user=...");
        }
        if (!hasAccountOrHost(layered)) {
            throw SqlState.MISSING_VALUE.exception("Snowflake connection '" + config.name() + "' has no account: add"
                    + " account = \"<orgname>-<account_name>\" to [connections." + config.name() + "]. Values found: "
                    + layered.stream().filter(SnowflakeConnectionType::isSnowflakeParameter)
                    .map(v -> v.key() + " (" + v.origin() + ")").collect(Collectors.joining(", "))
                    + ". Searched: " + searched(config, files, choice));
        }

        SnowflakeTarget mapped;
        try {
            mapped = SnowflakeParameters.map(layered.stream()
                    .map(v -> new SnowflakeParameters.Value(v.key(), v.value(), v.origin())).toList(),
                    config.projectDir());
        } catch (SQLException e) {
            throw SqlState.restated("Snowflake connection '" + config.name() + "': " + e.getMessage(), e);
        }
        notes.addAll(mapped.notes());
        checkEncryptedKey(config.name(), mapped, env);
        Map<String, ConfigValue> effective = new LinkedHashMap<>();
        layered.forEach(v -> effective.put(v.key(), v));
        ConnectionConfig poolConfig = new ConnectionConfig(config.name(), effective, config.projectDir(), env,
                config.secretsSearched());
        return new Resolved(mapped, poolConfig, notes);
    }

    private static List<ConfigValue> fileValues(ConnectionConfig config, SnowflakeConfigFiles files,
                                                SnowflakeEntryChoice choice, boolean explicit,
                                                boolean sectionEmpty, List<String> notes) throws SQLException {
        Optional<SnowflakeConfigFiles.Entry> entry = files.find(choice.entryName());
        files.warnings().forEach(w -> LOG.warning("stconn: " + w));
        if (entry.isEmpty()) {
            if (explicit) {
                throw SqlState.MISSING_VALUE.exception("Snowflake connection '" + config.name() + "': no "
                        + files.describeSearch(choice) + ". Add that entry, or fix connection_name.");
            }
            return List.of();
        }
        SnowflakeConfigFiles.Entry e = entry.get();
        notes.add("entry '" + e.name() + "' of " + e.file() + " (" + choice.why() + ")"
                + (sectionEmpty ? "" : ", below the secrets"));
        List<ConfigValue> values = new ArrayList<>();
        e.values().forEach((k, v) -> values.add(new ConfigValue(k, v, Source.CONFIG_FILE, e.origins().get(k))));
        return values;
    }

    private static List<ConfigValue> containerValues(Environment env, List<String> notes) {
        Optional<ContainerServices> spcs = ContainerServices.detect(env);
        if (spcs.isEmpty()) {
            return List.of();
        }
        notes.add("Snowpark Container Services: OAuth with the token in " + spcs.get().tokenFile() + " through "
                + spcs.get().host());
        return spcs.get().values().stream()
                .map(v -> new ConfigValue(v.key(), v.value(), Source.DEFAULT, v.origin())).toList();
    }

    /** A key snowflake-jdbc will not be able to open is refused now, with the fix, rather than at login. */
    private static void checkEncryptedKey(String name, SnowflakeTarget mapped, Environment env) throws SQLException {
        Properties props = mapped.properties();
        String file = props.getProperty("private_key_file");
        String inline = props.getProperty("private_key_base64");
        Optional<String> problem = Optional.empty();
        String what = null;
        if (file != null) {
            missingKeyFile(name, file);
        }
        if (file != null && Files.isReadable(Path.of(file))) {
            try {
                problem = EncryptedKeys.problem(Files.readAllBytes(Path.of(file)), env);
                what = "private_key_file " + file;
            } catch (IOException e) {
                // snowflake-jdbc reports an unreadable key file itself
            }
        } else if (inline != null) {
            try {
                problem = EncryptedKeys.problem(Base64.getDecoder().decode(inline.strip()), env);
                what = "the private key";
            } catch (IllegalArgumentException e) {
                // not base64: snowflake-jdbc says so itself
            }
        }
        if (problem.isPresent()) {
            throw SqlState.INVALID_VALUE.exception("Snowflake connection '" + name + "': " + what + " "
                    + problem.get());
        }
    }

    /** snowflake-jdbc says only "Invalid parameter value null" for a key file it cannot open: name the file. */
    private static void missingKeyFile(String name, String file) throws SQLException {
        String problem;
        try {
            Path path = Path.of(file);
            problem = !Files.exists(path) ? "does not exist" : !Files.isRegularFile(path) ? "is not a file"
                    : !Files.isReadable(path) ? "cannot be read by this process" : null;
        } catch (InvalidPathException e) {
            problem = "is not a valid path (" + e.getReason() + ")";
        }
        if (problem != null) {
            throw SqlState.INVALID_VALUE.exception("Snowflake connection '" + name + "': private_key_file " + file + " "
                    + problem + ". Fix private_key_file in [connections." + name + "] (a relative path is resolved "
                    + "against the project folder), or give the key itself as private_key.");
        }
    }

    /** A value that configures Snowflake itself: not one of stconn's, not a pool setting. */
    private static boolean isSnowflakeParameter(ConfigValue v) {
        if (v.key().indexOf('.') >= 0) {
            return false;
        }
        return SnowflakeKey.of(v.key())
                .map(k -> k.kind() != SnowflakeKey.Kind.STCONN && k.kind() != SnowflakeKey.Kind.POOL)
                .orElse(true);
    }

    private static boolean hasAccountOrHost(List<ConfigValue> values) {
        return values.stream().anyMatch(v -> (v.key().equalsIgnoreCase("account") || v.key().equalsIgnoreCase("host"))
                && v.value() != null && !v.text().isBlank());
    }

    private static Path connectionsFile(ConfigValue v, ConnectionConfig config) {
        Path file = Path.of(v.text().strip());
        return file.isAbsolute() || config.projectDir() == null ? file : config.projectDir().resolve(file);
    }

    private static Path connectionsFile(ConnectionConfig config) {
        return config.get(SnowflakeKey.CONNECTIONS_FILE_PATH.pythonName()).filter(v -> !v.text().isBlank())
                .map(v -> connectionsFile(v, config)).orElse(null);
    }

    // from the secrets or the kwargs only: a file cannot waive its own check
    private static boolean skipPermissionChecks(ConnectionConfig config) {
        return config.get(SnowflakeKey.UNSAFE_SKIP_FILE_PERMISSIONS_CHECK.pythonName())
                .map(v -> v.value() instanceof Boolean b ? b : v.text().strip().equalsIgnoreCase("true"))
                .orElse(false);
    }

    private static String searched(ConnectionConfig config, SnowflakeConfigFiles files,
                                   SnowflakeEntryChoice choice) throws SQLException {
        List<Path> secrets = config.secretsSearched();
        StringBuilder out = new StringBuilder("[connections.").append(config.name()).append("] in the secrets (")
                .append(secrets.isEmpty() ? "no secrets file" : secrets.stream().map(Path::toString)
                        .collect(Collectors.joining(", "))).append(")");
        if (choice != null) {
            out.append("; ").append(files.describeSearch(choice));
        } else {
            out.append("; not ").append(files.connectionsFile()).append(", since the section is not empty (add"
                    + " connection_name = \"<entry>\" to use an entry of it)");
        }
        return out.append("; ").append(ContainerServices.whyNot(config.environment())).toString();
    }
}
