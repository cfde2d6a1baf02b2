package io.stconn.spark.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Streamlit project folder with a {@code .streamlit/secrets.toml}, and stconn URLs into it. */
final class Secrets {
    private final Path dir;

    private Secrets(Path dir) {
        this.dir = dir;
    }

    static Secrets write(Path dir, String toml) {
        try {
            Files.createDirectories(dir.resolve(".streamlit"));
            Files.writeString(dir.resolve(".streamlit/secrets.toml"), toml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Secrets(dir);
    }

    /**
     * PostgreSQL's test database as connection {@code name}; its server connections carry
     * {@code applicationName}, so that a test counts only its own, and idle ones close after 10 s.
     */
    static Secrets postgres(Path dir, String name, String applicationName) {
        return write(dir, "[connections." + name + "]\n"
                + "url = \"" + Pg.SECRETS_URL + "?ApplicationName=" + applicationName + "\"\n"
                + "[connections." + name + ".hikari]\n"
                + "idleTimeout = 10000\n");
    }

    /**
     * PostgreSQL's test database as connection {@code name} in a folder laid out as a Kubernetes
     * secret volume mounts it ({@code connections/<name>/url}, one file a key), and the URL that
     * names the folder with the {@code secrets_files} kwarg, as an executor pod would.
     */
    static String kubernetesFolder(Path dir, String name, String applicationName) {
        try {
            Path connection = Files.createDirectories(dir.resolve("connections").resolve(name));
            Files.writeString(connection.resolve("url"), Pg.SECRETS_URL + "?ApplicationName=" + applicationName + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "jdbc:stconn:" + name + "?secrets_files=" + URLEncoder.encode(dir.toString(), StandardCharsets.UTF_8);
    }

    String url(String name) {
        return "jdbc:stconn:" + name + "?project_dir=" + URLEncoder.encode(dir.toString(), StandardCharsets.UTF_8);
    }
}
