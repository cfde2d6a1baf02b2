package io.stconn.secrets;

import io.stconn.SqlState;
import io.stconn.internal.TomlFiles;
import io.stconn.internal.TomlInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/** Reads a TOML file or a Kubernetes-style secrets folder into a {@link SecretsSource}. */
final class SecretsParser {
    private SecretsParser() {
    }

    static SecretsSource parse(Path path) throws SQLException {
        if (Files.isDirectory(path)) {
            if (path.getFileName() != null && path.getFileName().toString().endsWith(".toml")) {
                throw SqlState.NO_SECRETS.exception(path + " is a folder, not a TOML file. Remove the folder and "
                        + "create the file (with a [connections.<name>] section), or name the secrets folder without "
                        + "\".toml\" if it is meant as a secrets folder (one file per key).");
            }
            return SecretsFolder.read(path);
        }
        WritePermission.warnIfOthersMayWrite(path);
        return parseFile(path);
    }

    static TomlParseResult parseToml(Path path) throws SQLException {
        try {
            // read as Streamlit's Python parser reads it where TOML 1.0 is stricter (PythonTomlText)
            String text = TomlInput.read(path, PythonTomlText::compatible);
            return TomlFiles.parse(path, text, "Fix the file: Streamlit reads the same file.");
        } catch (IOException e) {
            throw SqlState.NO_SECRETS.exception("Cannot read " + path + ": " + e.getMessage()
                    + ". Check that the file is readable by this process.", e);
        }
    }

    private static SecretsSource parseFile(Path path) throws SQLException {
        TomlParseResult toml = parseToml(path);
        return new SecretsSource(path, toMap(toml), toml);
    }

    static Map<String, Object> toMap(TomlTable table) {
        return TomlFiles.toMap(table);
    }
}
