package io.stconn.type.snowflake;

import io.stconn.internal.Env;
import io.stconn.spi.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;

/**
 * Whether snowflake-jdbc will open an encrypted private key. Unless started with
 * {@code -Dnet.snowflake.jdbc.enableBouncyCastle=true}, it asks the JDK for a key factory named
 * after the key's encryption; Java 17 has none for PBES2, openssl's default, and the login then
 * fails with "PBES2 SecretKeyFactory not available". Asking the same question here, before any
 * connection, turns that into an error that says what to do. Nothing is decrypted.
 */
public final class EncryptedKeys {
    private static final Pattern ENCRYPTED_PEM = Pattern.compile(
            "-----BEGIN ENCRYPTED PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END ENCRYPTED PRIVATE KEY-----");

    private EncryptedKeys() {
    }

    /** What is wrong with this PEM for snowflake-jdbc here, or empty when nothing is (or it cannot be told). */
    public static Optional<String> problem(byte[] pem, Environment env) {
        if ("true".equalsIgnoreCase(env.get(Env.SNOWFLAKE_JDBC_ENABLE_BOUNCY_CASTLE.key()))) {
            return Optional.empty();
        }
        Matcher m = ENCRYPTED_PEM.matcher(new String(pem, StandardCharsets.US_ASCII));
        if (!m.find()) {
            return Optional.empty();
        }
        String algorithm;
        try {
            algorithm = new EncryptedPrivateKeyInfo(Base64.getMimeDecoder().decode(m.group(1))).getAlgName();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // not readable as a key at all: snowflake-jdbc says so itself
        }
        try {
            SecretKeyFactory.getInstance(algorithm);
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            return Optional.of("is encrypted with " + algorithm + ", which snowflake-jdbc cannot open with this"
                    + " Java's own security providers. Start the JVM with -Dnet.snowflake.jdbc.enableBouncyCastle=true"
                    + " (snowflake-jdbc's switch; in DBeaver, a line after -vmargs in dbeaver.ini), or encrypt the key"
                    + " the JDK can open: openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES -in rsa_key.pem -out rsa_key.p8");
        }
    }
}
