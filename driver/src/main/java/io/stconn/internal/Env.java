package io.stconn.internal;


/**
 * Every environment variable and system property stconn reads, in one place. Reads go through
 * an {@link io.stconn.spi.Environment} so that tests can supply their own values.
 */
public enum Env {
    /** Project folder when no project_dir kwarg is given. */
    STCONN_PROJECT_DIR("STCONN_PROJECT_DIR", null),
    /** Streamlit's environment form of the secrets.files option. */
    STREAMLIT_SECRETS_FILES("STREAMLIT_SECRETS_FILES", null),
    /** Extra JDBC driver jars or folders for the command-line tool. */
    STCONN_DRIVER_PATH("STCONN_DRIVER_PATH", null),
    /** Snowflake's configuration folder (connections.toml, config.toml); default ~/.snowflake. */
    SNOWFLAKE_HOME("SNOWFLAKE_HOME", null),
    /** The connections.toml entry the name {@code snowflake} means, before config.toml's default_connection_name. */
    SNOWFLAKE_DEFAULT_CONNECTION_NAME("SNOWFLAKE_DEFAULT_CONNECTION_NAME", null),
    /** Set by Snowpark Container Services: the internal host to reach Snowflake through. */
    SNOWFLAKE_HOST("SNOWFLAKE_HOST", null),
    /** Set by Snowpark Container Services: the account, database and schema of the service. */
    SNOWFLAKE_ACCOUNT("SNOWFLAKE_ACCOUNT", null),
    SNOWFLAKE_DATABASE("SNOWFLAKE_DATABASE", null),
    SNOWFLAKE_SCHEMA("SNOWFLAKE_SCHEMA", null),
    /** "true": no warning for a Snowflake config file readable by group or others (as Snowflake's drivers). */
    SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE("SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE", null),
    /** Where Snowpark Container Services' OAuth token file is; default /snowflake/session/token (tests set it). */
    SNOWFLAKE_SESSION_TOKEN_FILE(null, "stconn.snowflake.session_token_file"),
    /** snowflake-jdbc's own switch: "true" opens encrypted private keys with BouncyCastle instead of the JDK. */
    SNOWFLAKE_JDBC_ENABLE_BOUNCY_CASTLE(null, "net.snowflake.jdbc.enableBouncyCastle"),
    /** "false": pools register no JMX MBeans (the command-line tool, whose JVM lives a second, sets it). */
    STCONN_JMX(null, "stconn.jmx"),
    /** Set by the bin/stconn launchers to their own name, so that --help shows the command the user typed. */
    STCONN_LAUNCHER(null, "stconn.launcher"),
    /** Maven's local repository, where the command-line tool looks for JDBC drivers last. */
    MAVEN_REPO_LOCAL(null, "maven.repo.local"),
    /** Home folder: where ~/.streamlit lives. */
    USER_HOME(null, "user.home"),
    /** Working directory: the project when nothing else says. */
    USER_DIR(null, "user.dir");

    private final String variable;
    private final String property;

    Env(String variable, String property) {
        this.variable = variable;
        this.property = property;
    }

    /** The environment variable's name, or null when this is a system property. */
    public String variable() {
        return variable;
    }

    /** The system property's name, or null when this is an environment variable. */
    public String property() {
        return property;
    }

    /** The name to look this key up by in an {@link io.stconn.spi.Environment}. */
    public String key() {
        return variable != null ? variable : property;
    }
}
