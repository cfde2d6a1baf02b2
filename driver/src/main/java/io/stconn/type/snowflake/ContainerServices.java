package io.stconn.type.snowflake;

import io.stconn.internal.Env;
import io.stconn.spi.Environment;
import io.stconn.type.snowflake.SnowflakeParameters.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Snowpark Container Services: a service's containers hold an OAuth token in
 * {@code /snowflake/session/token} (refreshed by Snowflake, so read for each new connection) and
 * the internal host to reach Snowflake through in {@code SNOWFLAKE_HOST}, with the account,
 * database and schema in {@code SNOWFLAKE_ACCOUNT}, {@code SNOWFLAKE_DATABASE} and
 * {@code SNOWFLAKE_SCHEMA}.
 */
public final class ContainerServices {
    public static final String TOKEN_FILE = "/snowflake/session/token";

    private final Path tokenFile;
    private final String host;
    private final Environment env;

    private ContainerServices(Path tokenFile, String host, Environment env) {
        this.tokenFile = tokenFile;
        this.host = host;
        this.env = env;
    }

    /** Present when the token file exists and SNOWFLAKE_HOST is set. */
    public static Optional<ContainerServices> detect(Environment env) {
        Path tokenFile = tokenFile(env);
        String host = env.get(Env.SNOWFLAKE_HOST.key());
        if (host == null || !Files.isRegularFile(tokenFile)) {
            return Optional.empty();
        }
        return Optional.of(new ContainerServices(tokenFile, host.strip(), env));
    }

    static Path tokenFile(Environment env) {
        String override = env.get(Env.SNOWFLAKE_SESSION_TOKEN_FILE.key());
        return Path.of(override != null ? override : TOKEN_FILE);
    }

    /** Why there is no Container Services configuration here, for the "missing configuration" message. */
    public static String whyNot(Environment env) {
        Path tokenFile = tokenFile(env);
        boolean hasToken = Files.isRegularFile(tokenFile);
        boolean hasHost = env.get(Env.SNOWFLAKE_HOST.key()) != null;
        return "Snowpark Container Services (" + (hasToken ? tokenFile + " exists" : "no " + tokenFile)
                + (hasHost ? ", SNOWFLAKE_HOST is set" : ", SNOWFLAKE_HOST is unset") + ")";
    }

    public Path tokenFile() {
        return tokenFile;
    }

    public String host() {
        return host;
    }

    /** OAuth with the token file, through SNOWFLAKE_HOST; the account, database and schema the service runs in. */
    public List<Value> values() {
        List<Value> values = new ArrayList<>();
        values.add(new Value("host", host, "env SNOWFLAKE_HOST (Snowpark Container Services)"));
        add(values, "account", Env.SNOWFLAKE_ACCOUNT);
        add(values, "database", Env.SNOWFLAKE_DATABASE);
        add(values, "schema", Env.SNOWFLAKE_SCHEMA);
        values.add(new Value("authenticator", "oauth", "Snowpark Container Services"));
        values.add(new Value("token_file_path", tokenFile.toString(), "Snowpark Container Services"));
        return values;
    }

    private void add(List<Value> values, String key, Env variable) {
        String value = env.get(variable.key());
        if (value != null) {
            values.add(new Value(key, value.strip(), "env " + variable.variable() + " (Snowpark Container Services)"));
        }
    }
}
