package io.stconn.type.snowflake;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every Snowflake connection parameter stconn knows by name: snowflake-connector-python's spelling
 * (what st.connection users write), its aliases, what snowflake-jdbc calls it and how it is mapped.
 * The one table the snowflake connection type, the SQLAlchemy {@code snowflake://} dialect and the
 * key table of docs/snowflake.md come from. Keys not in it reach snowflake-jdbc unchanged (its own property
 * names, and session parameters such as QUERY_TAG).
 */
public enum SnowflakeKey {
    ACCOUNT("account", null, Kind.ACCOUNT, "Account identifier (<orgname>-<account_name>, or a locator such as"
            + " xy12345.eu-central-1); the host is <account>.snowflakecomputing.com. Letters, digits, _ - . only"),
    USER("user", "user", Kind.PROPERTY, "Login name", "username"),
    PASSWORD("password", "password", Kind.PROPERTY, "Password (authenticator snowflake, username_password_mfa)"),
    AUTHENTICATOR("authenticator", "authenticator", Kind.AUTHENTICATOR, "snowflake (default), externalbrowser,"
            + " snowflake_jwt, oauth, username_password_mfa, programmatic_access_token, oauth_authorization_code,"
            + " oauth_client_credentials, workload_identity, or https://<okta_account>.okta.com"),
    TOKEN("token", "token", Kind.PROPERTY, "OAuth or programmatic access token"),
    TOKEN_FILE_PATH("token_file_path", "token", Kind.TOKEN_FILE,
            "File holding the token; read again for every new physical connection"),
    PRIVATE_KEY_FILE("private_key_file", "private_key_file", Kind.FILE,
            "PKCS#8 PEM private key for snowflake_jwt; relative to the project folder", "private_key_path"),
    PRIVATE_KEY_FILE_PWD("private_key_file_pwd", "private_key_pwd", Kind.PROPERTY,
            "Passphrase of an encrypted private key", "private_key_pwd", "private_key_passphrase"),
    PRIVATE_KEY("private_key", "private_key_base64", Kind.PRIVATE_KEY,
            "The private key itself: PEM text, or base64 of the DER bytes"),
    ROLE("role", "role", Kind.PROPERTY, "Role"),
    WAREHOUSE("warehouse", "warehouse", Kind.PROPERTY, "Warehouse"),
    DATABASE("database", "db", Kind.PROPERTY, "Database", "db"),
    SCHEMA("schema", "schema", Kind.PROPERTY, "Schema"),
    HOST("host", null, Kind.HOST, "Host name instead of <account>.snowflakecomputing.com (private link, proxies)"),
    PORT("port", null, Kind.PORT, "Port (default 443)"),
    PROTOCOL("protocol", null, Kind.PROTOCOL, "https (default) or http"),
    REGION("region", null, Kind.REGION, "Deprecated: the region part of the host, for account locators"),
    CLIENT_SESSION_KEEP_ALIVE("client_session_keep_alive", "CLIENT_SESSION_KEEP_ALIVE", Kind.BOOLEAN,
            "Keep the session alive with heartbeats (true/false)"),
    CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY("client_session_keep_alive_heartbeat_frequency",
            "CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY", Kind.PROPERTY, "Seconds between heartbeats"),
    SESSION_PARAMETERS("session_parameters", null, Kind.SESSION_PARAMETERS,
            "A table of session parameters (QUERY_TAG, TIMEZONE, ...), each sent as itself"),
    TIMEZONE("timezone", "TIMEZONE", Kind.PROPERTY, "Session time zone"),
    LOGIN_TIMEOUT("login_timeout", "loginTimeout", Kind.PROPERTY, "Seconds to wait for the login"),
    PASSCODE("passcode", "passcode", Kind.PROPERTY, "MFA passcode"),
    PASSCODE_IN_PASSWORD("passcode_in_password", "passcodeInPassword", Kind.BOOLEAN,
            "The MFA passcode is appended to the password"),
    APPLICATION("application", "application", Kind.PROPERTY, "Application name reported to Snowflake"),
    OCSP_FAIL_OPEN("ocsp_fail_open", "ocspFailOpen", Kind.BOOLEAN, "Connect when the OCSP responder is down"),
    VALIDATE_DEFAULT_PARAMETERS("validate_default_parameters", "validateDefaultParameters", Kind.BOOLEAN,
            "Fail when the database, schema or warehouse does not exist"),
    CLIENT_STORE_TEMPORARY_CREDENTIAL("client_store_temporary_credential", "clientStoreTemporaryCredential",
            Kind.BOOLEAN, "Cache the externalbrowser SSO token"),
    CLIENT_REQUEST_MFA_TOKEN("client_request_mfa_token", "clientRequestMfaToken", Kind.BOOLEAN,
            "Cache the MFA token"),
    CONNECTION_NAME("connection_name", null, Kind.STCONN,
            "The connections.toml entry to start from (its values below the secrets and kwargs)"),
    CONNECTIONS_FILE_PATH("connections_file_path", null, Kind.STCONN,
            "A connections.toml to read instead of $SNOWFLAKE_HOME/connections.toml"),
    UNSAFE_SKIP_FILE_PERMISSIONS_CHECK("unsafe_skip_file_permissions_check", null, Kind.STCONN,
            "true: read connections.toml and config.toml even when group or others may write them"),
    AUTOCOMMIT("autocommit", null, Kind.POOL, "The pool's autoCommit"),
    HIKARI("hikari", null, Kind.POOL, "HikariCP settings (a table)"),
    CREATE_ENGINE_KWARGS("create_engine_kwargs", null, Kind.POOL, "Pool settings as SQLAlchemy names them"),
    PARAMSTYLE("paramstyle", null, Kind.DROPPED, "Python only: JDBC always uses ? placeholders"),
    NETWORK_TIMEOUT("network_timeout", null, Kind.DROPPED,
            "Python only: set snowflake-jdbc's networkTimeout instead"),
    SOCKET_TIMEOUT("socket_timeout", null, Kind.DROPPED, "Python only: set snowflake-jdbc's networkTimeout instead"),
    CONVERTER_CLASS("converter_class", null, Kind.DROPPED, "Python only"),
    URL("url", null, Kind.DROPPED, "a sql connection key: use type = \"sql\" for a snowflake:// url"),
    DIALECT("dialect", null, Kind.DROPPED, "a sql connection key"),
    DRIVER("driver", null, Kind.DROPPED, "a sql connection key");

    /** How a key becomes snowflake-jdbc configuration. */
    public enum Kind {
        /** Part of the host name (checked first: it must not be able to point anywhere else). */
        ACCOUNT,
        /** The URL's host, port, scheme and the region part of the host. */
        HOST, PORT, PROTOCOL, REGION,
        /** A driver property under the JDBC name. */
        PROPERTY,
        /** A driver property, true or false whatever spelling was given. */
        BOOLEAN,
        /** A driver property naming a known authenticator. */
        AUTHENTICATOR,
        /** A file path, resolved against the project folder. */
        FILE,
        /** A file read for the token of each new connection. */
        TOKEN_FILE,
        /** Key material, turned into what private_key_base64 expects. */
        PRIVATE_KEY,
        /** A table whose entries are sent as they are. */
        SESSION_PARAMETERS,
        /** Read by stconn itself (connections.toml selection, permission checks). */
        STCONN,
        /** Pool settings (HikariCP), never sent to Snowflake. */
        POOL,
        /** Meaningless to snowflake-jdbc; dropped with a note. */
        DROPPED
    }

    private static final Map<String, SnowflakeKey> BY_NAME = new HashMap<>();

    static {
        for (SnowflakeKey key : values()) {
            for (String name : key.names()) {
                BY_NAME.put(name, key);
            }
        }
        // snowflake-jdbc's own spelling is the same key: loginTimeout and login_timeout are one property
        for (SnowflakeKey key : values()) {
            if (key.jdbcName != null && (key.kind == Kind.PROPERTY || key.kind == Kind.BOOLEAN)) {
                BY_NAME.putIfAbsent(key.jdbcName.toLowerCase(Locale.ROOT), key);
            }
        }
    }

    private final String pythonName;
    private final String jdbcName;
    private final Kind kind;
    private final String description;
    private final List<String> aliases;

    SnowflakeKey(String pythonName, String jdbcName, Kind kind, String description, String... aliases) {
        this.pythonName = pythonName;
        this.jdbcName = jdbcName;
        this.kind = kind;
        this.description = description;
        this.aliases = List.of(aliases);
    }

    /** By its name or an alias, ignoring case (snowflake-jdbc ignores the case of property names too). */
    public static Optional<SnowflakeKey> of(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The name snowflake-connector-python and st.connection use. */
    public String pythonName() {
        return pythonName;
    }

    /** The snowflake-jdbc property it becomes, or null when it is not a property of its own. */
    public String jdbcName() {
        return jdbcName;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** The Python name first, then the aliases. */
    public List<String> names() {
        return Stream.concat(Stream.of(pythonName), aliases.stream()).toList();
    }
}
