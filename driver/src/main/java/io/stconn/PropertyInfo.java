package io.stconn;

import io.stconn.internal.Masking;
import io.stconn.request.ConnectionRequest;
import io.stconn.resolve.Resolution;
import io.stconn.road.Road;
import io.stconn.spi.ConfigValue;
import io.stconn.spi.PoolTarget;
import java.sql.DriverPropertyInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.Map;

/**
 * getPropertyInfo for GUI tools: from the URL alone, no network, never an exception. stconn's own
 * keys with descriptions and choices, then the resolved type, then the keys of the connection's
 * section and kwargs, then the real driver's own properties; secret values masked.
 */
final class PropertyInfo {
    private PropertyInfo() {
    }

    static DriverPropertyInfo[] of(String url, Properties info) {
        List<DriverPropertyInfo> out = new ArrayList<>();
        ConnectionRequest request = null;
        try {
            request = StconnDriver.request(url, info);
        } catch (Exception e) {
            // answer with the keys alone
        }
        for (StconnKey key : StconnKey.values()) {
            String value = request == null ? key.defaultValue() : request.get(key);
            out.add(property(key.key(), value == null ? key.defaultValue() : value, key.description(),
                    key.choices().toArray(String[]::new)));
        }
        out.add(property("user", request == null ? null : request.get("user"),
                "Database user; overrides the user or username of the secrets when not empty", null));
        out.add(property("password", request != null && request.get("password") != null ? Masking.MASK : null,
                "Database password; overrides the secrets' password when not empty", null));
        if (request == null) {
            return out.toArray(DriverPropertyInfo[]::new);
        }
        try {
            Resolution resolution = Road.shared().describe(request);
            out.get(StconnKey.TYPE.ordinal()).value = resolution.typeName();
            out.get(StconnKey.TYPE.ordinal()).description = StconnKey.TYPE.description() + " Resolved: "
                    + resolution.typeName() + " (" + resolution.typeReason() + ").";
            for (ConfigValue v : resolution.config().values().values()) {
                String shown = Masking.value(v.key(), v.value());
                DriverPropertyInfo existing = out.stream().filter(p -> p.name.equals(v.key())).findFirst().orElse(null);
                if (existing != null) {
                    existing.value = shown;
                    existing.description = existing.description + ". Now: from " + v.origin();
                } else {
                    out.add(property(v.key(), shown, "From " + v.origin(), null));
                }
            }
            realDriverProperties(resolution.target(), out);
        } catch (Exception e) {
            out.add(property("stconn.status", "not resolved", Masking.url(String.valueOf(e.getMessage())), null));
        }
        return out.toArray(DriverPropertyInfo[]::new);
    }

    /**
     * The real driver's own properties for the JDBC URL stconn resolved, as its getPropertyInfo
     * gives them (parsing the URL, no connection), with the section's values filled in: what a GUI's
     * driver-properties tab shows for any other driver. A name already listed keeps stconn's entry;
     * secret values are masked.
     */
    private static void realDriverProperties(PoolTarget target, List<DriverPropertyInfo> out) {
        if (target == null || target.driver() == null) {
            return;
        }
        DriverPropertyInfo[] real;
        try {
            real = target.driver().getPropertyInfo(target.jdbcUrl(), target.properties());
        } catch (Exception | LinkageError e) {
            return; // the driver's own trouble: stconn's keys still stand
        }
        if (real == null) {
            return;
        }
        Map<String, DriverPropertyInfo> listed = new HashMap<>();
        out.forEach(p -> listed.put(p.name, p));
        String driver = target.driver().getClass().getName();
        for (DriverPropertyInfo p : real) {
            if (p == null || p.name == null) {
                continue;
            }
            DriverPropertyInfo ours = listed.get(p.name);
            if (ours != null) {
                // user and password from the section's url: shown, the password masked
                if (ours.value == null && p.value != null) {
                    ours.value = Masking.value(p.name, p.value);
                }
            } else {
                DriverPropertyInfo shown = property(p.name, p.value == null ? null : Masking.value(p.name, p.value),
                        driver + ": " + (p.description == null ? "" : p.description), p.choices);
                shown.required = p.required;
                out.add(shown);
                listed.put(p.name, shown);
            }
        }
    }

    private static DriverPropertyInfo property(String name, String value, String description, String[] choices) {
        DriverPropertyInfo p = new DriverPropertyInfo(name, value);
        p.description = description;
        p.required = false;
        p.choices = choices == null || choices.length == 0 ? null : choices;
        return p;
    }
}
