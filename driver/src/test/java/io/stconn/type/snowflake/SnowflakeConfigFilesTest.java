package io.stconn.type.snowflake;

import io.stconn.SqlState;

import io.stconn.internal.Envs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stconn.internal.Env;
import io.stconn.spi.Environment;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SEMANTICS.md section 6: which connections.toml entry a name means, how the files are read, and
 * the permission checks Snowflake's drivers make (writable by group or others: refused; readable:
 * a warning; SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE and unsafe_skip_file_permissions_check).
 */
class SnowflakeConfigFilesTest {
    private static final String SECRET = "S3cr3t-Pw-9931";

    @TempDir
    Path root;
    private Path home;
    private Path snowflakeHome;
    private final Map<Env, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(root.resolve("home"));
        snowflakeHome = Files.createDirectories(home.resolve(".snowflake"));
        env.put(Env.USER_HOME, home.toString());
        env.put(Env.SNOWFLAKE_HOME, null);
        env.put(Env.SNOWFLAKE_DEFAULT_CONNECTION_NAME, null);
        env.put(Env.SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE, null);
    }

    private SnowflakeConfigFiles files() {
        return SnowflakeConfigFiles.of(Envs.overriding(env), null, false);
    }

    private Path write(Path file, String toml) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, toml);
        if (posix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    static Stream<Arguments> names() {
        return Stream.of(
                // name, env SNOWFLAKE_DEFAULT_CONNECTION_NAME, config.toml, expected entry, why
                Arguments.of("snowflake", "prod", "default_connection_name = \"dev\"\n", "prod",
                        "named by env SNOWFLAKE_DEFAULT_CONNECTION_NAME"),
                Arguments.of("snowflake", null, "default_connection_name = \"dev\"\n", "dev",
                        "named by default_connection_name at <config.toml>:1:1"),
                Arguments.of("snowflake", null, "[log]\nlevel = \"INFO\"\n", "default",
                        "the default name: env SNOWFLAKE_DEFAULT_CONNECTION_NAME is unset and <config.toml> sets no"
                                + " default_connection_name"),
                Arguments.of("snowflake", null, null, "default",
                        "the default name: env SNOWFLAKE_DEFAULT_CONNECTION_NAME is unset and <config.toml> sets no"
                                + " default_connection_name"),
                Arguments.of("snowpark", null, "default_connection_name = \"dev\"\n", "dev",
                        "named by default_connection_name at <config.toml>:1:1"),
                Arguments.of("analytics", "prod", "default_connection_name = \"dev\"\n", "analytics",
                        "the connection name"),
                Arguments.of("default", null, "default_connection_name = \"dev\"\n", "default",
                        "the connection name"));
    }

    @ParameterizedTest(name = "{0} with env {1} and config.toml {2} means entry {3}")
    @MethodSource("names")
    void aConnectionNameMeansOneEntry(String name, String envName, String configToml, String entry, String why)
            throws IOException, SQLException {
        env.put(Env.SNOWFLAKE_DEFAULT_CONNECTION_NAME, envName);
        Path config = snowflakeHome.resolve("config.toml");
        if (configToml != null) {
            write(config, configToml);
        }
        SnowflakeEntryChoice choice = files().entryFor(name);
        assertThat(choice.entryName()).isEqualTo(entry);
        assertThat(choice.why()).isEqualTo(why.replace("<config.toml>", config.toString()));
    }

    @Test
    void entriesComeWithTheirValuesAndWhereEachIs() throws IOException, SQLException {
        Path file = write(snowflakeHome.resolve("connections.toml"), "[default]\naccount = \"myorg-myaccount\"\n"
                + "user = \"jsmith\"\n\n[prod]\naccount = \"xy12345\"\nport = 443\n");
        SnowflakeConfigFiles.Entry entry = files().find("prod").orElseThrow();
        assertThat(entry.file()).isEqualTo(file);
        assertThat(entry.values()).containsExactly(Map.entry("account", "xy12345"), Map.entry("port", 443L));
        assertThat(entry.origins()).containsEntry("account", file + ":6:1").containsEntry("port", file + ":7:1");
        assertThat(files().find("nope")).isEmpty();
        assertThat(files().entryNames()).containsExactly("default", "prod");
    }

    @Test
    void snowflakeHomeMovesTheFiles() throws IOException, SQLException {
        Path elsewhere = root.resolve("sfhome");
        write(elsewhere.resolve("connections.toml"), "[default]\naccount = \"moved\"\n");
        write(snowflakeHome.resolve("connections.toml"), "[default]\naccount = \"not-this-one\"\n");
        env.put(Env.SNOWFLAKE_HOME, elsewhere.toString());
        assertThat(files().connectionsFile()).isEqualTo(elsewhere.resolve("connections.toml"));
        assertThat(files().find("default").orElseThrow().values()).containsEntry("account", "moved");
    }

    @Test
    void configTomlConnectionsServeWhenThereIsNoConnectionsToml() throws IOException, SQLException {
        Path config = write(snowflakeHome.resolve("config.toml"),
                "default_connection_name = \"dev\"\n[connections.dev]\naccount = \"from-config\"\n");
        SnowflakeConfigFiles.Entry entry = files().find("dev").orElseThrow();
        assertThat(entry.values()).containsEntry("account", "from-config");
        assertThat(entry.origins()).containsEntry("account", config + ":3:1");
    }

    @Test
    void connectionsTomlReplacesTheConnectionsOfConfigToml() throws IOException, SQLException {
        write(snowflakeHome.resolve("config.toml"), "[connections.dev]\naccount = \"from-config\"\n");
        write(snowflakeHome.resolve("connections.toml"), "[prod]\naccount = \"from-connections\"\n");
        assertThat(files().find("dev")).isEmpty();
        assertThat(files().find("prod")).isPresent();
    }

    @Test
    void aGivenConnectionsFileIsTheOnlyOneRead() throws IOException, SQLException {
        write(snowflakeHome.resolve("config.toml"), "[connections.dev]\naccount = \"from-config\"\n");
        Path custom = write(root.resolve("team/connections.toml"), "[shared]\naccount = \"team\"\n");
        SnowflakeConfigFiles files = SnowflakeConfigFiles.of(Envs.overriding(env), custom, false);
        assertThat(files.find("shared")).isPresent();
        assertThat(files.find("dev")).isEmpty();
    }

    static Stream<Arguments> permissions() {
        return Stream.of(
                // mode, SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE, unsafe_skip_file_permissions_check, outcome
                Arguments.of("rw-------", null, false, "ok"),
                Arguments.of("r--------", null, false, "ok"),
                Arguments.of("rw-r-----", null, false, "warning"),
                Arguments.of("rw-r--r--", null, false, "warning"),
                Arguments.of("rw-r--r--", "true", false, "ok"),
                Arguments.of("rw-r--r--", "false", false, "warning"),
                Arguments.of("rw-rw----", null, false, "refused"),
                Arguments.of("rw----rw-", null, false, "refused"),
                Arguments.of("rw-rw-rw-", "true", false, "refused"),
                Arguments.of("rw-rw-rw-", null, true, "ok"));
    }

    @ParameterizedTest(name = "{0}, skip read warning {1}, unsafe skip {2}: {3}")
    @MethodSource("permissions")
    void permissionsAreCheckedAsSnowflakesDriversDo(String mode, String skipWarning, boolean unsafeSkip, String outcome)
            throws IOException, SQLException {
        assumeTrue(posix(), "POSIX file modes");
        Path file = write(snowflakeHome.resolve("connections.toml"), "[default]\naccount = \"a1\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        env.put(Env.SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE, skipWarning);
        SnowflakeConfigFiles files = SnowflakeConfigFiles.of(Envs.overriding(env), null, unsafeSkip);
        switch (outcome) {
            case "ok" -> {
                assertThat(files.find("default")).isPresent();
                assertThat(files.warnings()).isEmpty();
            }
            case "warning" -> {
                assertThat(files.find("default")).isPresent();
                assertThat(files.warnings()).containsExactly(file + " is readable by group or others (" + mode
                        + "). Run chmod 600 " + file + "; set SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE=true"
                        + " to silence this warning.");
            }
            default -> {
                SQLException e = catchThrowableOfType(SQLException.class, () -> files.find("default"));
                assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_VALUE);
                assertThat(e.getMessage()).isEqualTo(file + " is writable by group or others (" + mode + "): whoever"
                        + " can write it can send your connection, and its credentials, anywhere. Run chmod 600 "
                        + file + " (Snowflake's own drivers refuse it too), or pass"
                        + " unsafe_skip_file_permissions_check=true to read it anyway.");
            }
        }
    }

    @Test
    void configTomlIsCheckedTooWhenItNamesTheDefault() throws IOException {
        assumeTrue(posix(), "POSIX file modes");
        Path config = write(snowflakeHome.resolve("config.toml"), "default_connection_name = \"dev\"\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-rw-rw-"));
        SQLException e = catchThrowableOfType(SQLException.class, () -> files().entryFor("snowflake"));
        assertThat(e.getMessage()).startsWith(config + " is writable by group or others");
    }

    @Test
    void malformedTomlIsReportedWithFileLineAndColumnAndNoSecret() throws IOException {
        Path file = write(snowflakeHome.resolve("connections.toml"),
                "[default]\naccount = \"a1\"\npassword = " + SECRET + "\n");
        SQLException e = catchThrowableOfType(SQLException.class, () -> files().find("default"));
        assertThat(SqlState.reasonOf(e)).contains(SqlState.MALFORMED_SECRETS);
        assertThat(e.getMessage()).startsWith("Malformed TOML: " + file + ":3:")
                .endsWith(". Fix the file: snowflake-connector-python, the Snowflake CLI and snowflake-jdbc read it too.")
                .doesNotContain(SECRET);
    }

    @Test
    void anEntryMustBeATable() throws IOException {
        Path file = write(snowflakeHome.resolve("connections.toml"), "default = \"a1\"\n");
        SQLException e = catchThrowableOfType(SQLException.class, () -> files().find("default"));
        assertThat(e.getMessage()).isEqualTo("default at " + file + ":1:1 is not a table: write it as a section,"
                + " [default]");
    }

    @Test
    void defaultConnectionNameMustBeAName() throws IOException {
        Path config = write(snowflakeHome.resolve("config.toml"), "default_connection_name = 3\n");
        SQLException e = catchThrowableOfType(SQLException.class, () -> files().entryFor("snowflake"));
        assertThat(e.getMessage()).isEqualTo("default_connection_name in " + config + ":1:1 must be the name of a"
                + " connection, as in default_connection_name = \"prod\"");
    }

    @Test
    void theSearchIsDescribedForMessages() throws IOException, SQLException {
        SnowflakeConfigFiles files = files();
        SnowflakeEntryChoice choice = files.entryFor("snowflake");
        Path connections = snowflakeHome.resolve("connections.toml");
        Path config = snowflakeHome.resolve("config.toml");
        assertThat(files.describeSearch(choice)).isEqualTo("entry 'default' (the default name: env"
                + " SNOWFLAKE_DEFAULT_CONNECTION_NAME is unset and " + config + " sets no default_connection_name) in "
                + connections + " (no such file) and in the [connections] of " + config + " (no such file)");
        write(connections, "[dev]\naccount = \"a1\"\n[prod]\naccount = \"a2\"\n");
        assertThat(files().describeSearch(new SnowflakeEntryChoice("qa", "the connection name")))
                .isEqualTo("entry 'qa' (the connection name) in " + connections + " and in the [connections] of "
                        + config + " (no such file); the entries there are " + List.of("dev", "prod"));
    }
}
