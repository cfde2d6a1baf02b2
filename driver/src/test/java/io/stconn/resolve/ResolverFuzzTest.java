package io.stconn.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stconn.request.RequestParser;
import io.stconn.secrets.SecretsStore;
import io.stconn.spi.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Whatever a user writes (a jdbc:stconn: URL and Properties, a SQLAlchemy url, a whole secrets
 * file, a secrets folder), the road from the request to the pool target ends in a target or in an
 * SQLException with a SQLState and a message: no other exception, no error, no hang. In a plain
 * build each fuzz test replays its corpus (src/test/resources/.../ResolverFuzzTestInputs);
 * {@code JAZZER_FUZZ=1} fuzzes one of them (see tests/RELIABILITY.md).
 */
class ResolverFuzzTest {
    private static final Path ROOT = tempRoot();
    private static final Path PROJECT = ROOT.resolve("project");
    private static final Path FOLDER = ROOT.resolve("folder");
    /** Nothing of the machine's environment: a home and a working folder of the test's own. */
    private static final Environment ENV = name -> switch (name) {
        case "user.home" -> ROOT.resolve("home").toString();
        case "user.dir" -> PROJECT.toString();
        default -> null;
    };
    private static final String PROJECT_PARAM = "project_dir=" + URLEncoder.encode(PROJECT.toString(), StandardCharsets.UTF_8);
    /** Names a secrets folder is built from: the ones stconn reads, and links that lead out or back. */
    private static final List<String> NAMES = List.of("connections", "x", "url", "dialect", "host", "database",
            "username", "password", "type", "driver", "hikari", "create_engine_kwargs", "a", "..data");

    @FuzzTest(maxDuration = "10m")
    void urlAndProperties(FuzzedDataProvider data) {
        Properties props = new Properties();
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
            props.setProperty(data.consumeString(24), data.consumeString(80));
        }
        String url = "jdbc:stconn:" + data.consumeRemainingAsString();
        resolveOrSqlException(url, props);
    }

    @FuzzTest(maxDuration = "10m")
    void sqlAlchemyUrl(FuzzedDataProvider data) {
        String sqlalchemy = data.consumeRemainingAsString();
        resolveOrSqlException("jdbc:stconn:x?" + PROJECT_PARAM + "&url="
                + URLEncoder.encode(sqlalchemy, StandardCharsets.UTF_8), new Properties());
    }

    @FuzzTest(maxDuration = "10m")
    void secretsFile(byte[] toml) throws IOException {
        Files.createDirectories(PROJECT.resolve(".streamlit"));
        Files.write(PROJECT.resolve(".streamlit/secrets.toml"), toml);
        resolveOrSqlException("jdbc:stconn:x?" + PROJECT_PARAM, new Properties());
    }

    @FuzzTest(maxDuration = "10m")
    void secretsFolder(FuzzedDataProvider data) throws IOException {
        delete(FOLDER);
        Files.createDirectories(FOLDER);
        int entries = data.consumeInt(0, 12);
        for (int i = 0; i < entries; i++) {
            Path at = FOLDER;
            int depth = data.consumeInt(1, 4);
            for (int d = 0; d < depth; d++) {
                at = at.resolve(data.pickValue(NAMES));
            }
            try {
                Files.createDirectories(at.getParent());
                switch (data.consumeInt(0, 3)) {
                    case 0 -> Files.createDirectories(at);
                    case 1 -> Files.createSymbolicLink(at, Path.of(data.pickValue(List.of("..", ".", "../..", "/dev/zero"))));
                    default -> Files.writeString(at, data.consumeString(60));
                }
            } catch (IOException e) {
                // a name already taken by another kind of entry: the folder is what it is
            }
        }
        resolveOrSqlException("jdbc:stconn:" + data.pickValue(List.of("x", "a", "connections")) + "?" + PROJECT_PARAM
                + "&secrets_files=" + URLEncoder.encode(FOLDER.toString(), StandardCharsets.UTF_8), new Properties());
    }

    /** The one property: a pool target, or an SQLException that has a SQLState and a message. */
    private static void resolveOrSqlException(String url, Properties props) {
        try {
            // a resolver of its own: the secrets are read afresh, not from the last input's watch
            new Resolver(new SecretsStore(), ENV).resolve(RequestParser.parse(url, props, ENV));
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as("SQLState of: %s", e.getMessage()).isNotBlank();
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static Path tempRoot() {
        try {
            Path root = Files.createTempDirectory("stconn-fuzz");
            Files.createDirectories(root.resolve("project/.streamlit"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
