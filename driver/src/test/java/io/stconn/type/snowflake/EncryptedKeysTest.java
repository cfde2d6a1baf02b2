package io.stconn.type.snowflake;

import io.stconn.internal.Envs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.stconn.internal.Env;
import io.stconn.spi.Environment;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What snowflake-jdbc's JDK path can open, asked before any connection (nothing is decrypted). */
class EncryptedKeysTest {
    private final Map<Env, String> env = new HashMap<>(Map.of());

    private Environment env(String bouncyCastle) {
        env.put(Env.SNOWFLAKE_JDBC_ENABLE_BOUNCY_CASTLE, bouncyCastle);
        return Envs.overriding(env);
    }

    private static byte[] pem(String algorithm) throws Exception {
        return TestKeys.encryptedPem(TestKeys.rsa(), "K3y-Pass", algorithm).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aPbes2KeyNeedsSnowflakeJdbcsBouncyCastleSwitchWhereTheJdkCannotOpenIt() throws Exception {
        assumeFalse(TestKeys.jdkOpensPbes2(), "this JDK opens PBES2 keys itself");
        assertThat(EncryptedKeys.problem(pem(TestKeys.PBES2), env(null))).contains("is encrypted with PBES2, which"
                + " snowflake-jdbc cannot open with this Java's own security providers. Start the JVM with"
                + " -Dnet.snowflake.jdbc.enableBouncyCastle=true (snowflake-jdbc's switch; in DBeaver, a line after"
                + " -vmargs in dbeaver.ini), or encrypt the key the JDK can open: openssl pkcs8 -topk8 -v1"
                + " PBE-SHA1-3DES -in rsa_key.pem -out rsa_key.p8");
        assertThat(EncryptedKeys.problem(pem(TestKeys.PBES2), env("true"))).isEmpty();
        assertThat(EncryptedKeys.problem(pem(TestKeys.PBES2), env("TRUE"))).isEmpty();
    }

    @Test
    void keysTheJdkOpensAndUnencryptedOnesAreFine() throws Exception {
        assertThat(EncryptedKeys.problem(pem(TestKeys.PKCS12_3DES), env(null))).isEmpty();
        assertThat(EncryptedKeys.problem("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n"
                .getBytes(StandardCharsets.US_ASCII), env(null))).isEmpty();
        assertThat(EncryptedKeys.problem("not a key".getBytes(StandardCharsets.US_ASCII), env(null))).isEmpty();
        assertThat(EncryptedKeys.problem("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----"
                .getBytes(StandardCharsets.US_ASCII), env(null))).isEmpty();
    }
}
