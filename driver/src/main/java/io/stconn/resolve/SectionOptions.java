package io.stconn.resolve;

import io.stconn.StconnKey;
import io.stconn.spi.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * stconn's options other than {@code type} (ttl, max_entries, project_dir, secrets_files) are
 * arguments of the connection call, as in Streamlit, where {@code st.connection(name, ttl=...)}
 * takes them and the secrets section does not. Written in the section they do nothing, which the
 * user must hear: a warning once per place written, and a note in describe.
 */
final class SectionOptions {
    private static final Logger LOG = Logger.getLogger(SectionOptions.class.getName());
    /** Places already warned about; bounded by the lines of the secrets files read. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private SectionOptions() {
    }

    /** A note for each option written in the section, each logged once as a warning. */
    static List<String> ignored(String name, Map<String, ConfigValue> section) {
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> entry : section.entrySet()) {
            String key = entry.getKey();
            StconnKey option = StconnKey.of(key).orElse(null);
            if (option == null || option == StconnKey.TYPE) {
                continue; // a key of the connection's own, or type, which the secrets may hold
            }
            String origin = entry.getValue().origin();
            String note = "ignored " + key + " in [connections." + name + "] at " + origin + ": " + key
                    + " is an argument of the connection, not read from the secrets (as in Streamlit); give it in "
                    + "the URL (jdbc:stconn:" + name + "?" + key + "=...) or as a connection property";
            notes.add(note);
            if (WARNED.add(origin + " " + key)) {
                LOG.warning("stconn: " + note);
            }
        }
        return notes;
    }
}
