package io.stconn.secrets;

import io.stconn.SqlState;
import io.stconn.internal.TomlInput;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;

/**
 * Decides which secrets files to read. Precedence, highest first:
 * 1. the secrets_files kwarg (extension), 2. env STREAMLIT_SECRETS_FILES,
 * 3. {@code [secrets] files} in {@code <project>/.streamlit/config.toml}, then in
 * {@code ~/.streamlit/config.toml}, 4. the defaults {@code ~/.streamlit/secrets.toml} and
 * {@code <project>/.streamlit/secrets.toml}. Relative paths are resolved against the project.
 */
public final class SecretsLocator {
    /** The reason of a plan of the default files: ~/.streamlit/secrets.toml, then the project's. */
    static final String DEFAULT_LOCATIONS = "the default locations";
    private SecretsLocator() {
    }

    public static SecretsPlan locate(Path project, Path home, String secretsFilesKwarg, String envSecretsFiles)
            throws SQLException {
        Path projectConfig = project.resolve(".streamlit").resolve("config.toml");
        Path homeConfig = home.resolve(".streamlit").resolve("config.toml");
        List<Path> configs = List.of(projectConfig, homeConfig);
        if (secretsFilesKwarg != null && !secretsFilesKwarg.isBlank()) {
            return new SecretsPlan(resolve(project, home, split(secretsFilesKwarg)), "the secrets_files kwarg", List.of());
        }
        if (envSecretsFiles != null && !envSecretsFiles.isBlank()) {
            return new SecretsPlan(resolve(project, home, splitEnv(envSecretsFiles)),
                    "environment variable STREAMLIT_SECRETS_FILES", List.of());
        }
        for (Path config : configs) {
            List<String> files = secretsFilesOption(config);
            if (files != null) {
                return new SecretsPlan(resolve(project, home, files), "[secrets] files in " + config, configs);
            }
        }
        List<Path> defaults = List.of(home.resolve(".streamlit").resolve("secrets.toml"),
                project.resolve(".streamlit").resolve("secrets.toml"));
        return new SecretsPlan(resolve(project, home, defaults.stream().map(Path::toString).toList()),
                DEFAULT_LOCATIONS, configs);
    }

    /** The {@code [secrets] files} list of a config.toml, or null when the file or option is absent. */
    private static List<String> secretsFilesOption(Path config) throws SQLException {
        if (!Files.isRegularFile(config)) {
            return null;
        }
        TomlParseResult toml = SecretsParser.parseToml(config);
        Object files = toml.get(List.of("secrets", "files"));
        if (files == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (files instanceof String single) {
            out.add(single);
        } else if (files instanceof TomlArray array && allStrings(array)) {
            for (int i = 0; i < array.size(); i++) {
                out.add(array.getString(i));
            }
        } else {
            var pos = toml.inputPositionOf(List.of("secrets", "files"));
            throw SqlState.INVALID_VALUE.exception("[secrets] files in " + config + ":" + pos.line() + ":" + pos.column()
                    + " must be a list of paths, as in files = [\"~/.streamlit/secrets.toml\", \".streamlit/secrets.toml\"]");
        }
        return out;
    }

    private static boolean allStrings(TomlArray array) {
        return array.toList().stream().allMatch(String.class::isInstance);
    }

    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String part : list.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** Streamlit's env form: a TOML array literal, or a plain list separated by the path separator or commas. */
    private static List<String> splitEnv(String value) throws SQLException {
        String trimmed = value.trim();
        if (trimmed.startsWith("[")) {
            TomlParseResult toml = Toml.parse(TomlInput.safe("environment variable STREAMLIT_SECRETS_FILES",
                    "files = " + trimmed));
            TomlArray array = toml.hasErrors() ? null : toml.getArray("files");
            if (array == null || !allStrings(array)) {
                throw SqlState.INVALID_VALUE.exception("Environment variable STREAMLIT_SECRETS_FILES is not a list of paths: "
                        + "write [\"/a/secrets.toml\", \"/b/secrets.toml\"] or /a/secrets.toml" + File.pathSeparator
                        + "/b/secrets.toml");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                out.add(array.getString(i));
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        for (String part : trimmed.split("[,\\" + File.pathSeparator + "]")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** Absolute, normalised, "~" expanded; a path named twice is read once, in its first place. */
    private static List<Path> resolve(Path project, Path home, List<String> entries) throws SQLException {
        LinkedHashSet<Path> out = new LinkedHashSet<>();
        for (String entry : entries) {
            String expanded = entry.startsWith("~/") || entry.equals("~") ? home + entry.substring(1) : entry;
            try {
                Path p = Path.of(expanded);
                out.add((p.isAbsolute() ? p : project.resolve(p)).normalize());
            } catch (InvalidPathException e) {
                throw SqlState.NO_SECRETS.exception("The secrets file list names a path that is not valid here ("
                        + e.getReason() + "). Fix secrets_files, STREAMLIT_SECRETS_FILES or [secrets] files.", e);
            }
        }
        return List.copyOf(out);
    }
}
