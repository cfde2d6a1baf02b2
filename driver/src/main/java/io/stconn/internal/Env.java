package io.stconn.internal;

/**
 * Every environment variable and system property stconn reads, in one place. Reads go through
 * {@link Environment} so that tests can supply their own values.
 */
public enum Env {
    /** Project folder when no project_dir kwarg is given. */
    STCONN_PROJECT_DIR("STCONN_PROJECT_DIR", null),
    /** Streamlit's environment form of the secrets.files option. */
    STREAMLIT_SECRETS_FILES("STREAMLIT_SECRETS_FILES", null),
    /** Extra JDBC driver jars or folders for the command-line tool. */
    STCONN_DRIVER_PATH("STCONN_DRIVER_PATH", null),
    SNOWFLAKE_HOME("SNOWFLAKE_HOME", null),
    SNOWFLAKE_DEFAULT_CONNECTION_NAME("SNOWFLAKE_DEFAULT_CONNECTION_NAME", null),
    SNOWFLAKE_HOST("SNOWFLAKE_HOST", null),
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
}
