package example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PetsTest {
    @TempDir
    Path project;

    @Test
    void readsThePetsThroughTheSecretsFile() throws Exception {
        Path streamlit = Files.createDirectories(project.resolve(".streamlit"));
        Files.writeString(streamlit.resolve("secrets.toml"), String.join("\n",
                "[connections.shop]",
                "dialect = \"h2\"",
                "database = \"mem:shop\"",
                "[connections.shop.query]",
                "DB_CLOSE_DELAY = \"-1\"",
                "INIT = \"CREATE TABLE IF NOT EXISTS pets (name VARCHAR(20)) AS SELECT * FROM (VALUES ('Miso'), ('Biscuit'))\"",
                ""));

        List<String> names = Pets.names(URLEncoder.encode(project.toString(), StandardCharsets.UTF_8));

        assertEquals(List.of("Biscuit", "Miso"), names);
    }

    @Test
    void theDriverComesFromTheInstalledArtifactAndBringsNoUnrelocatedLibraries() throws Exception {
        String jar = Class.forName("io.stconn.StconnDriver").getProtectionDomain().getCodeSource().getLocation().getPath();
        System.out.println("stconn driver loaded from " + jar);
        assertTrue(jar.endsWith("/io/stconn/stconn-jdbc/0.1.0/stconn-jdbc-0.1.0.jar"), jar);
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.zaxxer.hikari.HikariDataSource"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.tomlj.Toml"));
    }
}
