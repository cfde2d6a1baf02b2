package io.stconn.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * A throw-away Streamlit project: a folder with {@code .streamlit/secrets.toml} and
 * {@code .streamlit/config.toml}, and the {@code jdbc:stconn:} URLs that point at it through
 * {@code project_dir}, so that no test depends on the working directory.
 */
final class Project {
    /** The one password every test section uses: it must show up in no message, log or toString. */
    static final String PASSWORD = "S3cr3t-Pw-9931";

    private final Path dir;

    private Project(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** A project in {@code parent/<sub>}, with its {@code .streamlit} folder made (but no file in it). */
    static Project in(Path parent, String sub) {
        Path dir = parent.resolve(sub);
        try {
            Files.createDirectories(dir.resolve(".streamlit"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Project(dir);
    }

    static Project in(Path parent) {
        return in(parent, "project");
    }

    Path dir() {
        return dir;
    }

    Path secretsFile() {
        return dir.resolve(".streamlit").resolve("secrets.toml");
    }

    Path configFile() {
        return dir.resolve(".streamlit").resolve("config.toml");
    }

    Project secrets(String toml) {
        write(secretsFile(), toml);
        return this;
    }

    Project config(String toml) {
        write(configFile(), toml);
        return this;
    }

    /** Writes a file relative to the project (folders made as needed) and returns its absolute path. */
    Path file(String relative, String content) {
        Path file = dir.resolve(relative);
        write(file, content);
        return file;
    }

    Path resolve(String relative) {
        return dir.resolve(relative);
    }

    /**
     * {@code jdbc:stconn:<name>?project_dir=<this project>} followed by the given parameters, each
     * written {@code key=value} with the value not yet encoded.
     */
    String url(String name, String... params) {
        StringBuilder url = new StringBuilder("jdbc:stconn:").append(name)
                .append("?project_dir=").append(encode(dir.toString()));
        for (String param : params) {
            int eq = param.indexOf('=');
            url.append('&').append(param, 0, eq + 1).append(encode(param.substring(eq + 1)));
        }
        return url.toString();
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Percent-encoding with spaces as %20 (a '+' would be ambiguous outside forms). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A TOML basic string holding the text (quotes and backslashes escaped). */
    static String toml(Object text) {
        return "\"" + String.valueOf(text).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * A connection name no other test uses: pools are shared by the whole test JVM and named after
     * the connection, so unique names keep the JMX view of one test free of the others' pools.
     */
    static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }
}
