package io.stconn.dialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** Collects what the parameter rules and the URL form decide, then becomes a {@link JdbcTarget}. */
final class TargetBuilder {
    private final Dialect dialect;
    private final KnownDriver driver;
    private final Properties properties = new Properties();
    // settings that belong in the URL itself (H2 ";KEY=VALUE", Oracle service_name and sid)
    private final Map<String, String> urlSettings = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    // "host:port" of each server, when the query names them (libpq's multi-host form)
    private List<String> servers;

    TargetBuilder(Dialect dialect, KnownDriver driver) {
        this.dialect = dialect;
        this.driver = driver;
    }

    Dialect dialect() {
        return dialect;
    }

    KnownDriver driver() {
        return driver;
    }

    void property(String key, String value) {
        properties.setProperty(key, value);
    }

    Set<String> propertyNames() {
        return properties.stringPropertyNames();
    }

    void urlSetting(String key, String value) {
        urlSettings.put(key, value);
    }

    /** Oracle's service_name and sid are matched whatever their case, as the other parameters are. */
    String urlSetting(String key) {
        for (Map.Entry<String, String> setting : urlSettings.entrySet()) {
            if (setting.getKey().equalsIgnoreCase(key)) {
                return setting.getValue();
            }
        }
        return null;
    }

    Map<String, String> urlSettings() {
        return urlSettings;
    }

    void servers(List<String> hostPorts) {
        servers = List.copyOf(hostPorts);
    }

    List<String> servers() {
        return servers;
    }

    void note(String note) {
        notes.add(note);
    }

    JdbcTarget build(String url) {
        return new JdbcTarget(url, properties, notes);
    }
}
