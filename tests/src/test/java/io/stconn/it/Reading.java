package io.stconn.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where one side connects, in fields both sides can be read into: the hosts with their ports, the
 * database (for Oracle "sid:X", "service:X" or "alias"; for files the absolute path or ":memory:"),
 * the login, and the remaining driver parameters. Or the error the user would see instead.
 */
record Reading(String error, List<String> hosts, String database, String user, String password,
               Map<String, String> params) {

    static Reading error(String error) {
        return new Reading(error, null, null, null, null, Map.of());
    }

    Reading {
        params = params == null ? Map.of() : new TreeMap<>(params);
    }

    /** The names of the fields that differ; "error" when only one side fails. Empty when they agree. */
    List<String> differences(Reading other) {
        List<String> fields = new ArrayList<>();
        if ((error == null) != (other.error == null)) {
            fields.add("error");
            return fields;
        }
        if (error != null) {
            return fields;
        }
        compare(fields, "host", hosts, other.hosts);
        compare(fields, "database", database, other.database);
        compare(fields, "user", user, other.user);
        compare(fields, "password", password, other.password);
        compare(fields, "params", params, other.params);
        return fields;
    }

    private static void compare(List<String> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(name);
        }
    }

    /** For the failure report: no password, since the generated ones are not secrets but the habit stays. */
    String shown() {
        return error != null ? "error: " + error
                : "hosts=" + hosts + " database=" + database + " user=" + user
                + " password=" + (password == null ? "none" : "given") + " params=" + params;
    }
}
