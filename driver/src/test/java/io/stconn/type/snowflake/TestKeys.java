package io.stconn.type.snowflake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/** Encrypted PKCS#8 PEM keys as openssl pkcs8 -topk8 writes them, for the tests. */
public final class TestKeys {
    /** openssl's default (-v2 aes-256-cbc): PBES2 with HMAC-SHA256 and AES-256. */
    public static final String PBES2 = "PBEWithHmacSHA256AndAES_256";
    /** openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES: PKCS#12 3DES, which the JDK opens. */
    public static final String PKCS12_3DES = "PBEWithSHA1AndDESede";

    private TestKeys() {
    }

    public static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    public static String encryptedPem(KeyPair keys, String passphrase, String algorithm) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        SecretKey key = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(passphrase.toCharArray()));
        Cipher cipher = Cipher.getInstance(algorithm);
        byte[] info;
        if (algorithm.equals(PBES2)) {
            byte[] iv = new byte[16];
            random.nextBytes(iv);
            cipher.init(Cipher.ENCRYPT_MODE, key, new PBEParameterSpec(salt, 2048, new IvParameterSpec(iv)));
            byte[] encrypted = cipher.doFinal(keys.getPrivate().getEncoded());
            // SEQUENCE { SEQUENCE { id-PBES2, PBES2-params }, OCTET STRING }: the JDK cannot write this itself
            byte[] oid = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x05, 0x0d};
            info = der(0x30, concat(der(0x30, concat(oid, cipher.getParameters().getEncoded())), der(0x04, encrypted)));
        } else {
            cipher.init(Cipher.ENCRYPT_MODE, key, new PBEParameterSpec(salt, 2048));
            info = new EncryptedPrivateKeyInfo(cipher.getParameters(), cipher.doFinal(keys.getPrivate().getEncoded()))
                    .getEncoded();
        }
        return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(info)
                + "\n-----END ENCRYPTED PRIVATE KEY-----\n";
    }

    /** Whether this JDK itself can open a PBES2 key (Java 17 cannot). */
    public static boolean jdkOpensPbes2() throws Exception {
        String pem = encryptedPem(rsa(), "x", PBES2);
        String body = pem.replaceAll("-----[A-Z ]+-----", "");
        String algorithm = new EncryptedPrivateKeyInfo(Base64.getMimeDecoder().decode(body)).getAlgName();
        try {
            SecretKeyFactory.getInstance(algorithm);
            return true;
        } catch (java.security.NoSuchAlgorithmException e) {
            return false;
        }
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] header = n < 0x80 ? new byte[] {(byte) tag, (byte) n}
                : n < 0x100 ? new byte[] {(byte) tag, (byte) 0x81, (byte) n}
                : new byte[] {(byte) tag, (byte) 0x82, (byte) (n >> 8), (byte) n};
        return concat(header, content);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
