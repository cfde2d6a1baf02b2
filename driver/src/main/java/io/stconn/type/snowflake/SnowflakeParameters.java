package io.stconn.type.snowflake;

import io.stconn.SqlState;
import io.stconn.internal.Masking;
import io.stconn.type.snowflake.SnowflakeKey.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Snowflake connection parameters, as st.connection users write them, to snowflake-jdbc's URL and
 * properties. Both the snowflake connection type and the SQLAlchemy {@code snowflake://} dialect
 * come here. Each key is sent once, under snowflake-jdbc's name, whatever alias it was given as;
 * of several spellings of one key the later value wins, so callers pass values in rising precedence.
 */
public final class SnowflakeParameters {
    private static final Set<String> AUTHENTICATORS = Set.of("snowflake", "externalbrowser", "snowflake_jwt",
            "oauth", "username_password_mfa", "programmatic_access_token", "oauth_authorization_code",
            "oauth_client_credentials", "workload_identity");
    private static final Set<String> NEEDS_TOKEN = Set.of("oauth", "programmatic_access_token");

    /** One parameter and where it came from (for messages: "secrets.toml:4:1", "URL parameter"). */
    public record Value(String key, Object value, String origin) {
        @Override
        public String toString() {
            return key + "=" + Masking.value(key, value) + " (" + origin + ")";
        }

        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Value other
                && Objects.equals(key, other.key)
                && Objects.equals(value, other.value)
                && Objects.equals(origin, other.origin);
        }

        @Override
        public int hashCode() {
            return Objects.hash(key, value, origin);
        }
    }

    private SnowflakeParameters() {
    }

    /**
     * The snowflake-jdbc target for these values (in rising precedence). Relative file paths
     * resolve against {@code projectDir}. The account and host are checked before anything else.
     */
    public static SnowflakeTarget map(List<Value> values, Path projectDir) throws SQLException {
        List<String> notes = new ArrayList<>();
        Map<SnowflakeKey, Value> known = new EnumMap<>(SnowflakeKey.class);
        Map<String, Value> others = new LinkedHashMap<>();
        for (Value v : values) {
            fold(v, known, others, notes);
        }
        Properties props = new Properties();
        String url = SnowflakeHost.url(known, props, notes);
        Path tokenFile = null;
        for (Map.Entry<SnowflakeKey, Value> entry : known.entrySet()) {
            SnowflakeKey key = entry.getKey();
            Value v = entry.getValue();
            switch (key.kind()) {
                case PROPERTY -> props.setProperty(key.jdbcName(), single(v));
                case BOOLEAN -> props.setProperty(key.jdbcName(), Boolean.toString(bool(v)));
                case AUTHENTICATOR -> props.setProperty(key.jdbcName(), authenticator(v));
                case FILE -> props.setProperty(key.jdbcName(), file(v, projectDir).toString());
                case TOKEN_FILE -> tokenFile = file(v, projectDir);
                case PRIVATE_KEY -> props.setProperty(key.jdbcName(), privateKeyBase64(v, known));
                case DROPPED -> notes.add("dropped " + v.key() + "=" + Masking.value(v.key(), v.value()) + " ("
                        + key.description() + ")");
                default -> {
                    // ACCOUNT, HOST, PORT, PROTOCOL, REGION went into the URL; STCONN and POOL are not Snowflake's
                }
            }
        }
        for (Value v : others.values()) {
            if (v.value() instanceof Map || v.value() instanceof List) {
                notes.add("dropped " + v.key() + " (" + v.origin() + "): a table or list is no snowflake-jdbc"
                        + " property");
            } else {
                props.setProperty(v.key(), single(v));
            }
        }
        if (tokenFile != null && known.containsKey(SnowflakeKey.TOKEN)) {
            notes.add("token_file_path ignored: token is given (" + known.get(SnowflakeKey.TOKEN).origin() + ")");
            tokenFile = null;
        }
        checkAuthentication(known, props, tokenFile);
        return new SnowflakeTarget(url, props, tokenFile, notes);
    }

    /** Aliases folded onto one key; session_parameters entries join at the table's place. */
    private static void fold(Value v, Map<SnowflakeKey, Value> known, Map<String, Value> others, List<String> notes)
            throws SQLException {
        if (v.value() == null) {
            return;
        }
        Optional<SnowflakeKey> key = SnowflakeKey.of(v.key());
        if (key.isPresent() && key.get().kind() == Kind.SESSION_PARAMETERS) {
            if (!(v.value() instanceof Map<?, ?> table)) {
                throw SqlState.INVALID_VALUE.exception("session_parameters (" + v.origin() + ") must be a table, as in"
                        + " [connections.<name>.session_parameters] with QUERY_TAG = \"...\" under it");
            }
            for (Map.Entry<?, ?> e : table.entrySet()) {
                String name = String.valueOf(e.getKey());
                fold(new Value(name, e.getValue(), v.origin() + " session_parameters." + name), known, others, notes);
            }
        } else if (key.isPresent()) {
            Value previous = known.put(key.get(), v);
            if (previous != null && !previous.key().equalsIgnoreCase(v.key())) {
                notes.add(v.key() + " (" + v.origin() + ") wins over " + previous.key() + " (" + previous.origin()
                        + ")");
            }
        } else if (v.key().indexOf('.') < 0) {
            // snowflake-jdbc ignores the case of property names: two spellings would be one key sent twice
            String lower = v.key().toLowerCase(Locale.ROOT);
            others.remove(lower);
            others.put(lower, v);
        }
        // dotted keys (hikari.maximumPoolSize=4 as a kwarg) are pool settings
    }

    private static String authenticator(Value v) throws SQLException {
        String value = single(v).strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (AUTHENTICATORS.contains(lower) || lower.startsWith("https://")) {
            return value;
        }
        throw SqlState.INVALID_VALUE.exception("Unknown snowflake authenticator '" + value + "' (" + v.origin()
                + "): use one of " + String.join(", ", AUTHENTICATORS.stream().sorted().toList())
                + ", or https://<okta_account>.okta.com");
    }

    private static void checkAuthentication(Map<SnowflakeKey, Value> known, Properties props, Path tokenFile)
            throws SQLException {
        Value authenticator = known.get(SnowflakeKey.AUTHENTICATOR);
        String auth = authenticator == null ? "" : single(authenticator).strip().toLowerCase(Locale.ROOT);
        boolean hasKey = known.containsKey(SnowflakeKey.PRIVATE_KEY_FILE) || known.containsKey(SnowflakeKey.PRIVATE_KEY)
                || props.stringPropertyNames().stream().anyMatch(k -> k.equalsIgnoreCase("private_key_base64"));
        if (known.containsKey(SnowflakeKey.PRIVATE_KEY_FILE) && known.containsKey(SnowflakeKey.PRIVATE_KEY)) {
            throw SqlState.INVALID_VALUE.exception("give the snowflake private key once: private_key_file ("
                    + known.get(SnowflakeKey.PRIVATE_KEY_FILE).origin() + ") or private_key ("
                    + known.get(SnowflakeKey.PRIVATE_KEY).origin() + "), not both");
        }
        if (auth.equals("snowflake_jwt") && !hasKey) {
            throw SqlState.MISSING_VALUE.exception("authenticator snowflake_jwt (" + authenticator.origin() + ") needs"
                    + " the private key: add private_key_file = \"<path to rsa_key.p8>\" (and private_key_file_pwd"
                    + " when the key is encrypted)");
        }
        if (NEEDS_TOKEN.contains(auth) && !known.containsKey(SnowflakeKey.TOKEN) && tokenFile == null) {
            throw SqlState.MISSING_VALUE.exception("authenticator " + auth + " (" + authenticator.origin() + ") needs"
                    + " the token: add token = \"...\" or token_file_path = \"<file holding it>\"");
        }
    }

    /** The path, absolute: relative ones start at the project folder, where Streamlit runs. */
    private static Path file(Value v, Path projectDir) throws SQLException {
        Path file;
        try {
            file = Path.of(single(v).strip());
        } catch (InvalidPathException e) {
            throw SqlState.INVALID_VALUE.exception(v.key() + " (" + v.origin() + ") is not a valid path: "
                    + e.getReason(), e);
        }
        if (!file.isAbsolute()) {
            file = (projectDir == null ? Path.of("") : projectDir).resolve(file);
        }
        return file.toAbsolutePath().normalize();
    }

    /**
     * snowflake-jdbc's private_key_base64 is the base64 of a PEM file; snowflake-connector-python's
     * private_key is PEM text or the base64 of the DER bytes. Either becomes the former.
     */
    private static String privateKeyBase64(Value v, Map<SnowflakeKey, Value> known) throws SQLException {
        String text = single(v).strip();
        String pem;
        if (text.startsWith("-----BEGIN")) {
            pem = text;
        } else {
            String der = text.replaceAll("\\s", "");
            try {
                Base64.getDecoder().decode(der);
            } catch (IllegalArgumentException e) {
                throw SqlState.INVALID_VALUE.exception("private_key (" + v.origin() + ") is neither PEM text"
                        + " (-----BEGIN PRIVATE KEY-----...) nor base64; for a key in a file use private_key_file");
            }
            String label = known.containsKey(SnowflakeKey.PRIVATE_KEY_FILE_PWD)
                    ? "ENCRYPTED PRIVATE KEY" : "PRIVATE KEY";
            StringBuilder lines = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
            for (int i = 0; i < der.length(); i += 64) {
                lines.append(der, i, Math.min(der.length(), i + 64)).append('\n');
            }
            pem = lines.append("-----END ").append(label).append("-----\n").toString();
        }
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }

    /** A single value as text: numbers and booleans as TOML writes them; tables and lists are refused. */
    static String single(Value v) throws SQLException {
        if (v.value() instanceof Map || v.value() instanceof List) {
            throw SqlState.INVALID_VALUE.exception(v.key() + " (" + v.origin() + ") must be a single value, not a"
                    + (v.value() instanceof Map ? " table" : " list"));
        }
        return String.valueOf(v.value());
    }

    private static boolean bool(Value v) throws SQLException {
        if (v.value() instanceof Boolean b) {
            return b;
        }
        switch (single(v).strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                throw SqlState.INVALID_VALUE.exception(v.key() + " (" + v.origin() + ") must be true or false, not '"
                        + Masking.value(v.key(), v.value()) + "'");
        }
    }
}
