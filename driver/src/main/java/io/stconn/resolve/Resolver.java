package io.stconn.resolve;

import io.stconn.SqlState;
import io.stconn.StconnKey;
import io.stconn.internal.Env;
import io.stconn.pool.TargetSource;
import io.stconn.spi.Environment;
import io.stconn.request.ConnectionRequest;
import io.stconn.request.RequestParser;
import io.stconn.secrets.Secrets;
import io.stconn.secrets.SecretsStore;
import io.stconn.secrets.SecretsWatch;
import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConnectionConfig;
import io.stconn.spi.PoolTarget;
import io.stconn.type.sql.SqlConnectionType;
import io.stconn.resolve.TypeResolver;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one road from a request to what to pool: locate and read the secrets, find the section,
 * choose the type, merge kwargs over the section (kwargs win key by key), and let the type build
 * the target. The driver, the DataSource, the Java API and the command-line tool all come here.
 */
public final class Resolver implements TargetSource {
    private final SecretsStore store;
    private final Environment env;

    public Resolver(SecretsStore store, Environment env) {
        this.store = store;
        this.env = env;
    }

    public Environment environment() {
        return env;
    }

    /** The secrets watch this request reads from. */
    @Override
    public SecretsWatch watchFor(ConnectionRequest request) throws SQLException {
        Path project = folder(RequestParser.projectDir(request, env), "project_dir");
        String homeValue = env.get(Env.USER_HOME.key());
        Path home = folder(homeValue == null ? "." : homeValue, "the home folder (system property user.home)");
        return store.watch(project, home, request.get(StconnKey.SECRETS_FILES), env.get(Env.STREAMLIT_SECRETS_FILES.key()));
    }

    private static Path folder(String value, String what) throws SQLException {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw SqlState.NO_SECRETS.exception(what + " is not a valid folder path (" + e.getReason()
                    + "). Give the project folder as an absolute path, percent-encoded in the URL.", e);
        }
    }

    public Resolution resolve(ConnectionRequest request) throws SQLException {
        SecretsWatch watch = watchFor(request);
        return resolve(request, watch, watch.current());
    }

    @Override
    public PoolTarget target(ConnectionRequest request, SecretsWatch watch, SecretsWatch.Snapshot snapshot)
            throws SQLException {
        return resolve(request, watch, snapshot).target();
    }

    public Resolution resolve(ConnectionRequest request, SecretsWatch watch, SecretsWatch.Snapshot snapshot)
            throws SQLException {
        return resolve(request, watch, snapshot, true);
    }

    private Resolution resolve(ConnectionRequest request, SecretsWatch watch, SecretsWatch.Snapshot snapshot,
                               boolean buildTarget) throws SQLException {
        String name = request.name();
        Secrets secrets = snapshot.secrets();
        Optional<Map<String, ConfigValue>> section = secrets.section(name);
        Map<String, ConfigValue> sectionValues = section.orElse(Map.of());
        ConfigValue typeKwarg = request.kwargs().get(StconnKey.TYPE.key());
        TypeResolver.Resolved type;
        if (section.isEmpty() && !describesConnection(request)) {
            type = typeKwarg != null ? TypeResolver.resolve(name, typeKwarg, sectionValues) : typeOrNull(name);
            if (type == null || type.type() instanceof SqlConnectionType) {
                throw secrets.notFound(name);
            }
        } else {
            // inference (rule 4) looks at the kwargs too: jdbc:stconn:x?url=... needs no section
            Map<String, ConfigValue> withKwargs = new LinkedHashMap<>(sectionValues);
            for (Map.Entry<String, ConfigValue> kwarg : request.kwargs().entrySet()) {
                withKwargs.putIfAbsent(kwarg.getKey(), kwarg.getValue());
            }
            type = TypeResolver.resolve(name, typeKwarg, withKwargs);
        }
        Map<String, ConfigValue> merged = new LinkedHashMap<>();
        for (Map<String, ConfigValue> layer : List.of(sectionValues, request.kwargs())) { // kwargs win
            for (Map.Entry<String, ConfigValue> entry : layer.entrySet()) {
                if (StconnKey.of(entry.getKey()).isEmpty()) {
                    merged.put(entry.getKey(), entry.getValue());
                }
            }
        }
        ConnectionConfig config = new ConnectionConfig(name, merged, watch.project(), env, secrets.plan().entries());
        PoolTarget target = buildTarget ? type.type().target(config) : null;
        List<String> ignored = SectionOptions.ignored(name, sectionValues);
        if (target != null && !ignored.isEmpty()) {
            List<String> notes = new ArrayList<>(target.notes());
            notes.addAll(ignored);
            target = target.withNotes(notes);
        }
        return new Resolution(request, type.type().name(), type.reason(), config, target, ignored, watch,
                snapshot.generation());
    }

    /**
     * The type, why, and the merged configuration with every value's origin, without building the
     * target (its {@code target()} is null): what describe and list can still show when the target
     * cannot be built, as when the real driver's jar is missing.
     */
    public Resolution resolveConfiguration(ConnectionRequest request) throws SQLException {
        SecretsWatch watch = watchFor(request);
        return resolve(request, watch, watch.current(), false);
    }

    private static boolean describesConnection(ConnectionRequest request) {
        return TypeResolver.describesConnection(request.kwargs().keySet());
    }

    private static TypeResolver.Resolved typeOrNull(String name) {
        try {
            return TypeResolver.resolve(name, null, Map.of());
        } catch (SQLException e) {
            return null;
        }
    }
}
