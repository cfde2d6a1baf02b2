package io.stconn.it;

import io.stconn.SqlState;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SEMANTICS section 6 with the real snowflake-jdbc: {@code jdbc:stconn:<name>} logs in to a fake
 * Snowflake on 127.0.0.1 ({@link FakeSnowflake}, reached through host, port and protocol = "http"),
 * and the login request shows what the driver really sent: account, user, authenticator, role,
 * warehouse, database and schema, and the password or token only where it belongs.
 */
class SnowflakeIT {
    private static final String KEY_PASSPHRASE = "K3y-Pass-7713";
    private static final String TOKEN = "oauth-T0ken-5521";

    @TempDir
    Path tmp;

    // the fake stops after the pools that used it are retired: registered first, it runs its afterEach last
    @RegisterExtension
    @Order(1)
    final FakeSnowflake fake = new FakeSnowflake();

    @RegisterExtension
    @Order(2)
    final OpenedPools pools = new OpenedPools();

    /** host, port and protocol that send snowflake-jdbc to the fake. */
    private String endpoint() {
        return "host = \"127.0.0.1\"\nport = " + fake.port() + "\nprotocol = \"http\"\n";
    }

    private String select(String url) throws SQLException {
        return select(url, new Properties());
    }

    private String select(String url, Properties info) throws SQLException {
        try (Connection c = pools.connect(url, info);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM marker")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** The secret went into this field of the login and nowhere else in anything the driver sent. */
    private void assertOnlyIn(String field, String secret) {
        for (FakeSnowflake.Request r : fake.requests()) {
            String elsewhere = r.everything();
            if (r.path().equals("/session/v1/login-request")) {
                assertThat(r.data().get(field)).as("%s of the login", field).isEqualTo(secret);
                elsewhere = elsewhere.replace("\"" + field + "\":\"" + secret + "\"", "");
            }
            assertThat(elsewhere).as("what snowflake-jdbc sent to %s", r.path()).doesNotContain(secret);
        }
    }

    // ---- 1. password authentication from the secrets

    @Test
    void passwordFromTheSecretsReachesTheLogin() throws SQLException {
        String name = Project.uniqueName("sfpassword");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n"
                + "account = \"testacct\"\n"
                + "user = \"jsmith\"\n"
                + "password = " + Project.toml(Project.PASSWORD) + "\n"
                + "role = \"ANALYST\"\n"
                + "warehouse = \"COMPUTE_WH\"\n"
                + "database = \"SALES\"\n"
                + "schema = \"PUBLIC\"\n"
                + "client_session_keep_alive = true\n"
                + endpoint());

        assertThat(select(project.url(name))).isEqualTo(FakeSnowflake.MARKER);

        FakeSnowflake.Request login = fake.login();
        Map<String, Object> data = login.data();
        assertThat(data).containsEntry("ACCOUNT_NAME", "testacct").containsEntry("LOGIN_NAME", "jsmith")
                .doesNotContainKey("AUTHENTICATOR").doesNotContainKey("TOKEN");
        assertThat(login.query()).containsEntry("roleName", "ANALYST").containsEntry("warehouse", "COMPUTE_WH")
                .containsEntry("databaseName", "SALES").containsEntry("schemaName", "PUBLIC");
        assertThat(String.valueOf(((Map<?, ?>) data.get("SESSION_PARAMETERS")).get("CLIENT_SESSION_KEEP_ALIVE")))
                .isEqualTo("true");
        assertOnlyIn("PASSWORD", Project.PASSWORD);
        assertThat(fake.queries()).isNotEmpty()
                .allSatisfy(q -> assertThat(q.body()).contains("\"sqlText\":\"SELECT v FROM marker\""));
    }

    // ---- 2. key pair: snowflake_jwt with an encrypted PKCS#8 key file

    /**
     * snowflake-jdbc opens an encrypted key with the JDK unless {@code -Dnet.snowflake.jdbc.enableBouncyCastle=true};
     * the JDK 17 opens PKCS#12 3DES keys (openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES) but not PBES2 ones
     * (openssl's default, -v2 aes-256-cbc), which need snowflake-jdbc's BouncyCastle switch.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PBEWithSHA1AndDESede", "PBEWithHmacSHA256AndAES_256"})
    void keyPairWithAnEncryptedPrivateKeyFile(String encryption) throws Exception {
        boolean pbes2 = encryption.startsWith("PBEWithHmac");
        String bouncyCastle = "net.snowflake.jdbc.enableBouncyCastle";
        if (pbes2) {
            System.setProperty(bouncyCastle, "true");
        }
        try {
            keyPair(encryption);
        } finally {
            System.clearProperty(bouncyCastle);
        }
    }

    private void keyPair(String encryption) throws Exception {
        KeyPair keys = rsaKeys();
        String name = Project.uniqueName("sfkeypair");
        Project project = Project.in(tmp);
        project.file("keys/rsa_key.p8", encryptedPem(keys, KEY_PASSPHRASE, encryption));
        project.secrets("[connections." + name + "]\n"
                + "account = \"testacct\"\n"
                + "user = \"svc_loader\"\n"
                + "authenticator = \"snowflake_jwt\"\n"
                + "private_key_file = \"keys/rsa_key.p8\"\n"
                + "private_key_file_pwd = " + Project.toml(KEY_PASSPHRASE) + "\n"
                + "warehouse = \"LOAD_WH\"\n"
                + endpoint());

        assertThat(select(project.url(name))).isEqualTo(FakeSnowflake.MARKER);

        FakeSnowflake.Request login = fake.login();
        Map<String, Object> data = login.data();
        assertThat(data).containsEntry("ACCOUNT_NAME", "testacct").containsEntry("LOGIN_NAME", "svc_loader")
                .containsEntry("AUTHENTICATOR", "SNOWFLAKE_JWT").doesNotContainKey("PASSWORD");
        assertThat(login.query()).containsEntry("warehouse", "LOAD_WH");
        // the JWT is signed with the key the passphrase opened, for account.user as Snowflake checks it
        String jwt = (String) data.get("TOKEN");
        String[] parts = jwt.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(keys.getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).as("JWT signature").isTrue();
        Map<?, ?> claims = (Map<?, ?>) Json.parse(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        String fingerprint = "SHA256:" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(keys.getPublic().getEncoded()));
        assertThat(claims.get("iss")).isEqualTo("TESTACCT.SVC_LOADER." + fingerprint);
        assertThat(claims.get("sub")).isEqualTo("TESTACCT.SVC_LOADER");
        for (FakeSnowflake.Request r : fake.requests()) {
            assertThat(r.everything()).as("what snowflake-jdbc sent to %s", r.path()).doesNotContain(KEY_PASSPHRASE);
        }
    }

    @Test
    void aKeySnowflakeJdbcCannotOpenIsRefusedBeforeAnyRequest() throws Exception {
        System.clearProperty("net.snowflake.jdbc.enableBouncyCastle");
        String name = Project.uniqueName("sfpbes2");
        Project project = Project.in(tmp);
        project.file("keys/rsa_key.p8", encryptedPem(rsaKeys(), KEY_PASSPHRASE, "PBEWithHmacSHA256AndAES_256"));
        project.secrets("[connections." + name + "]\n"
                + "account = \"testacct\"\n"
                + "user = \"svc_loader\"\n"
                + "authenticator = \"snowflake_jwt\"\n"
                + "private_key_file = \"keys/rsa_key.p8\"\n"
                + "private_key_file_pwd = " + Project.toml(KEY_PASSPHRASE) + "\n"
                + endpoint());
        SQLException e = Errors.connectError(project.url(name));
        System.out.println(e.getMessage());
        if (e.getMessage().contains("is encrypted with PBES2")) {
            Errors.assertError(e, SqlState.INVALID_VALUE, "-Dnet.snowflake.jdbc.enableBouncyCastle=true");
            assertThat(e.getMessage()).doesNotContain(KEY_PASSPHRASE);
            assertThat(fake.requests()).isEmpty();
        } else {
            throw new AssertionError("this JDK may open PBES2 keys itself; the test expects Java 17's refusal", e);
        }
    }

    // ---- 3. Snowflake's connections.toml, at ~/.snowflake (user.home is the test home)

    private Path connectionsToml(String toml) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("user.home"), ".snowflake"));
        Path file = dir.resolve("connections.toml");
        Files.writeString(file, toml, StandardCharsets.UTF_8);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    private String entry(String entryName, String warehouse) {
        return "[" + entryName + "]\n"
                + "account = \"fileacct\"\n"
                + "user = \"fileuser\"\n"
                + "password = " + Project.toml(Project.PASSWORD) + "\n"
                + "role = \"FILE_ROLE\"\n"
                + "warehouse = \"" + warehouse + "\"\n"
                + endpoint();
    }

    @Test
    void theNameSnowflakeWithAnEmptySectionUsesTheDefaultEntry() throws Exception {
        Path file = connectionsToml(entry("default", "DEFAULT_WH") + "\n" + entry("other", "OTHER_WH"));
        try {
            Project project = Project.in(tmp).secrets("[connections.snowflake]\n");
            assertThat(select(project.url("snowflake"))).isEqualTo(FakeSnowflake.MARKER);
            FakeSnowflake.Request login = fake.login();
            assertThat(login.data()).containsEntry("ACCOUNT_NAME", "fileacct").containsEntry("LOGIN_NAME", "fileuser");
            assertThat(login.query()).containsEntry("warehouse", "DEFAULT_WH").containsEntry("roleName", "FILE_ROLE");
            assertOnlyIn("PASSWORD", Project.PASSWORD);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void anotherNameUsesTheEntryOfThatName() throws Exception {
        String name = Project.uniqueName("sfentry");
        Path file = connectionsToml(entry("default", "DEFAULT_WH") + "\n" + entry(name, "NAMED_WH"));
        try {
            Project project = Project.in(tmp);
            assertThat(select(project.url(name, "type=snowflake"))).isEqualTo(FakeSnowflake.MARKER);
            assertThat(fake.login().query()).containsEntry("warehouse", "NAMED_WH");
            assertThat(fake.login().data()).containsEntry("LOGIN_NAME", "fileuser");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void kwargsStillApplyOverTheEntry() throws Exception {
        String name = Project.uniqueName("sfkwargs");
        Path file = connectionsToml(entry(name, "FILE_WH"));
        try {
            Project project = Project.in(tmp);
            Properties info = new Properties();
            info.setProperty("user", "gui_user");
            info.setProperty("password", "");
            assertThat(select(project.url(name, "type=snowflake", "warehouse=URL_WH", "database=URL_DB"), info))
                    .isEqualTo(FakeSnowflake.MARKER);
            FakeSnowflake.Request login = fake.login();
            // 1. connect() property, 2. URL parameter, 4. the file; an empty password field is no value
            assertThat(login.data()).containsEntry("LOGIN_NAME", "gui_user");
            assertThat(login.query()).containsEntry("warehouse", "URL_WH").containsEntry("databaseName", "URL_DB")
                    .containsEntry("roleName", "FILE_ROLE");
            assertOnlyIn("PASSWORD", Project.PASSWORD);
        } finally {
            Files.delete(file);
        }
    }

    // ---- 4. Snowpark Container Services: a child JVM, since the environment is what says so

    @Test
    void containerServicesLogInWithTheSessionTokenThroughSnowflakeHost() throws Exception {
        Path tokenFile = Files.createDirectories(tmp.resolve("snowflake/session")).resolve("token");
        Files.writeString(tokenFile, TOKEN + "\n");
        Path home = Files.createDirectories(tmp.resolve("child-home"));
        Project project = Project.in(tmp, "spcs-app");
        String line = probeInChildJvm(home,
                Map.of("SNOWFLAKE_HOST", "127.0.0.1", "SNOWFLAKE_ACCOUNT", "spcsacct",
                        "SNOWFLAKE_DATABASE", "APP_DB", "SNOWFLAKE_SCHEMA", "APP_SCHEMA"),
                List.of("-Dstconn.snowflake.session_token_file=" + tokenFile),
                project.url("snowflake", "port=" + fake.port(), "protocol=http", "warehouse=APP_WH"));
        assertThat(line).isEqualTo("OK " + FakeSnowflake.MARKER);

        FakeSnowflake.Request login = fake.login();
        assertThat(login.data()).containsEntry("ACCOUNT_NAME", "spcsacct").containsEntry("AUTHENTICATOR", "OAUTH")
                .doesNotContainKey("PASSWORD");
        assertThat(login.query()).containsEntry("databaseName", "APP_DB").containsEntry("schemaName", "APP_SCHEMA")
                .containsEntry("warehouse", "APP_WH");
        assertOnlyIn("TOKEN", TOKEN);
    }

    @Test
    void aTokenFileIsReadAgainForEachNewConnection() throws Exception {
        String name = Project.uniqueName("sftokenfile");
        Project project = Project.in(tmp);
        Path tokenFile = project.file("secrets/token", "first-" + TOKEN);
        project.secrets("[connections." + name + "]\n"
                + "account = \"testacct\"\n"
                + "authenticator = \"oauth\"\n"
                + "token_file_path = \"secrets/token\"\n"
                + endpoint());
        String url = project.url(name, "hikari.minimumIdle=0");
        try (Connection first = pools.connect(url)) {
            int before = fake.logins().size();
            Files.writeString(tokenFile, "second-" + TOKEN);
            try (Connection second = pools.connect(url)) {
                assertThat(second.isValid(5)).isTrue();
            }
            assertThat(first.isValid(5)).isTrue();
            List<Object> tokens = new ArrayList<>();
            fake.logins().forEach(l -> tokens.add(l.data().get("TOKEN")));
            assertThat(tokens.subList(0, before)).containsOnly("first-" + TOKEN);
            assertThat(tokens.subList(before, tokens.size())).containsOnly("second-" + TOKEN).isNotEmpty();
        }
    }

    // ---- the SQLAlchemy snowflake:// url takes the same road

    @Test
    void theSqlAlchemyUrlGoesThroughTheSameMapping() throws SQLException {
        String name = Project.uniqueName("sfurl");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n"
                + "url = \"snowflake://jsmith:" + Project.encode(Project.PASSWORD) + "@testacct/SALES/PUBLIC"
                + "?warehouse=COMPUTE_WH&role=ANALYST&host=127.0.0.1&port=" + fake.port() + "&protocol=http\"\n");
        assertThat(select(project.url(name))).isEqualTo(FakeSnowflake.MARKER);
        FakeSnowflake.Request login = fake.login();
        assertThat(login.data()).containsEntry("ACCOUNT_NAME", "testacct").containsEntry("LOGIN_NAME", "jsmith");
        assertThat(login.query()).containsEntry("roleName", "ANALYST").containsEntry("warehouse", "COMPUTE_WH")
                .containsEntry("databaseName", "SALES").containsEntry("schemaName", "PUBLIC");
        assertOnlyIn("PASSWORD", Project.PASSWORD);
    }

    // ---- errors: nothing leaves the JVM

    @ParameterizedTest(name = "account {0}")
    @ValueSource(strings = {"evil.example.com/x", "a b", "acct@evil.example.com", "acct:443"})
    void aBadAccountIsRefusedBeforeAnyRequest(String account) {
        String name = Project.uniqueName("sfbadaccount");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n"
                + "account = " + Project.toml(account) + "\n"
                + "user = \"jsmith\"\n"
                + "password = " + Project.toml(Project.PASSWORD) + "\n"
                + "port = " + fake.port() + "\n"
                + "protocol = \"http\"\n");
        SQLException e = Errors.connectError(project.url(name));
        System.out.println("account " + account + ": " + e.getMessage());
        Errors.assertError(e, SqlState.INVALID_VALUE, "Snowflake connection '" + name + "'",
                "the snowflake account may contain only letters, digits, '_', '-' and '.'", "'" + account + "'");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void nothingConfiguredListsEveryPlaceSearched() {
        String name = Project.uniqueName("sfnothing");
        Project project = Project.in(tmp);
        SQLException e = Errors.connectError(project.url(name, "type=snowflake"));
        System.out.println(e.getMessage());
        Path connections = Path.of(System.getProperty("user.home"), ".snowflake", "connections.toml");
        Errors.assertError(e, SqlState.MISSING_VALUE, "Missing Snowflake connection configuration for '" + name + "'",
                project.secretsFile().toString(), "entry '" + name + "' (the connection name) in " + connections,
                "Snowpark Container Services (no /snowflake/session/token");
        assertThat(fake.requests()).isEmpty();
    }

    // ---- helpers

    private static KeyPair rsaKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /**
     * The private key as {@code openssl pkcs8 -topk8} writes it: encrypted PKCS#8 PEM, here with
     * PKCS#12 3DES ({@code -v1 PBE-SHA1-3DES}) or PBES2 with HMAC-SHA256 and AES-256 ({@code -v2 aes-256-cbc}).
     */
    private static String encryptedPem(KeyPair keys, String passphrase, String algorithm)
            throws GeneralSecurityException, IOException {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        SecretKey key = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(passphrase.toCharArray()));
        Cipher cipher = Cipher.getInstance(algorithm);
        byte[] info;
        if (algorithm.startsWith("PBEWithHmac")) {
            byte[] iv = new byte[16];
            random.nextBytes(iv);
            cipher.init(Cipher.ENCRYPT_MODE, key, new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
            byte[] encrypted = cipher.doFinal(keys.getPrivate().getEncoded());
            // EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier { id-PBES2, PBES2-params }, OCTET STRING };
            // the JDK reads this form but cannot name PBES2 parameters when asked to write it
            byte[] pbes2 = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x05, 0x0d};
            byte[] algorithmId = der(0x30, concat(pbes2, cipher.getParameters().getEncoded()));
            info = der(0x30, concat(algorithmId, der(0x04, encrypted)));
        } else {
            cipher.init(Cipher.ENCRYPT_MODE, key, new PBEParameterSpec(salt, 10_000));
            byte[] encrypted = cipher.doFinal(keys.getPrivate().getEncoded());
            info = new EncryptedPrivateKeyInfo(cipher.getParameters(), encrypted).getEncoded();
            // read back as snowflake-jdbc's JDK path does
            EncryptedPrivateKeyInfo check = new EncryptedPrivateKeyInfo(info);
            SecretKey again = SecretKeyFactory.getInstance(check.getAlgName())
                    .generateSecret(new PBEKeySpec(passphrase.toCharArray()));
            assertThat(check.getKeySpec(again).getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        }
        return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(info)
                + "\n-----END ENCRYPTED PRIVATE KEY-----\n";
    }

    /** A DER tag-length-value. */
    private static byte[] der(int tag, byte[] content) {
        int length = content.length;
        byte[] header;
        if (length < 0x80) {
            header = new byte[] {(byte) tag, (byte) length};
        } else if (length < 0x100) {
            header = new byte[] {(byte) tag, (byte) 0x81, (byte) length};
        } else {
            header = new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return concat(header, content);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** {@link ProbeMain} in a child JVM with this environment: the drop-in jar, snowflake-jdbc and the test classes. */
    private static String probeInChildJvm(Path home, Map<String, String> env, List<String> jvmArgs, String url)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Duser.home=" + home.toAbsolutePath());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, Jars.stconnJar().toString(),
                Jars.of(net.snowflake.client.jdbc.SnowflakeDriver.class).toString(), Jars.testClasses().toString()));
        command.add(ProbeMain.class.getName());
        command.add(url);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        List.of("STCONN_PROJECT_DIR", "STREAMLIT_SECRETS_FILES", "SNOWFLAKE_HOME", "SNOWFLAKE_DEFAULT_CONNECTION_NAME",
                "SNOWFLAKE_HOST", "SNOWFLAKE_ACCOUNT", "SNOWFLAKE_DATABASE", "SNOWFLAKE_SCHEMA")
                .forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        Path out = Files.createTempFile("stconn-snowflake-probe", ".out");
        try {
            Process process = builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child JVM did not finish in 120 s:\n" + Files.readString(out));
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            return output.lines().filter(l -> l.startsWith("OK ") || l.startsWith("ERR ") || l.startsWith("CRASH "))
                    .findFirst().orElseThrow(() -> new AssertionError("no probe line from the child JVM:\n" + output));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
