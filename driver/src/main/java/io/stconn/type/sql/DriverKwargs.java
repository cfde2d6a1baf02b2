package io.stconn.type.sql;

import io.stconn.StconnKey;
import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConfigValue.Source;
import io.stconn.spi.ConnectionConfig;
import io.stconn.type.EngineKwargs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The kwargs that are neither stconn's nor the sql type's own keys. JDBC tools pass driver settings
 * as connect() Properties and URL parameters (Spark's options, DBeaver's driver-properties tab,
 * Tomcat's connectionProperties), so these reach the real driver as driver properties, translated
 * like the url's query parameters. Keys of the secrets section the type does not read are dropped,
 * as Streamlit drops them, with a warning and a note that describe shows.
 */
final class DriverKwargs {
    private static final Logger LOG = Logger.getLogger(DriverKwargs.class.getName());
    private static final Set<String> TYPE_KEYS = Set.copyOf(SqlKey.all());
    private static final String QUERY = SqlKey.QUERY.key() + ".";
    // kwargs that join a table of the section: query.sslmode, create_engine_kwargs.pool_size, hikari.maximumPoolSize
    private static final List<String> TABLES = List.of(QUERY, SqlKey.CREATE_ENGINE_KWARGS.key() + ".",
            SqlKey.HIKARI.key() + ".");

    private DriverKwargs() {
    }

    static boolean isTypeKey(String key) {
        if (TYPE_KEYS.contains(key) || StconnKey.of(key).isPresent() || EngineKwargs.isEngineArgument(key)) {
            return true;
        }
        for (String table : TABLES) {
            if (key.startsWith(table)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The kwargs to pass to the driver, URL parameters before connect() Properties: where two
     * spellings meet in one driver property ({@code application_name} and {@code ApplicationName}),
     * the later one, with the higher precedence, wins. Keyed by the parameter name; each value keeps
     * the key it was given under.
     */
    static Map<String, ConfigValue> of(ConnectionConfig config, boolean withUrl) {
        Map<String, ConfigValue> kwargs = new LinkedHashMap<>();
        for (Source source : Source.values()) { // URL parameters, then Properties
            if (!source.isKwarg()) {
                continue;
            }
            for (ConfigValue v : config.values().values()) {
                if (v.source() != source || v.value() == null) {
                    continue;
                }
                if (!isTypeKey(v.key())) {
                    kwargs.put(v.key(), v);
                } else if (withUrl && v.key().startsWith(QUERY) && v.key().length() > QUERY.length()) {
                    // beside a url the query table is not read, but a query.<name> kwarg is still a driver parameter
                    kwargs.put(v.key().substring(QUERY.length()), v);
                }
            }
        }
        return kwargs;
    }

    /**
     * What the type drops from the files: keys it does not read, and a query table beside a url
     * (Streamlit builds the engine from the url alone). Each is logged as a warning and returned
     * as a note for describe.
     */
    static List<String> dropped(ConnectionConfig config, boolean withUrl) {
        List<String> notes = new ArrayList<>();
        for (ConfigValue v : config.values().values()) {
            if (v.source() == Source.SECRETS && !isTypeKey(v.key())) {
                notes.add(v.key() + " (" + v.origin() + ") is not a key of a sql connection and is ignored, as Streamlit "
                        + "ignores it: put a driver parameter in the query table, or pass it as a kwarg");
            }
        }
        ConfigValue query = config.get(SqlKey.QUERY.key()).orElse(null);
        if (withUrl && query != null && query.source() == Source.SECRETS) {
            notes.add("the query table (" + query.origin() + ") is ignored beside url, as Streamlit "
                    + "ignores it: write its parameters into the url (?key=value), or pass them as kwargs");
        }
        for (String note : notes) {
            LOG.warning("stconn: " + config.name() + ": " + note);
        }
        return notes;
    }
}
