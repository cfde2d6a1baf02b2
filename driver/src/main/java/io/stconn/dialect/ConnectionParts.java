package io.stconn.dialect;

import io.stconn.internal.Masking;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What the sql connection type collected from a SQLAlchemy url or from the separate keys
 * ({@code host}, {@code port}, {@code database}, {@code query}, {@code username}, {@code password}).
 * Values are already decoded. {@code query} keeps its order and is never null; it holds the last
 * value of a parameter given several times ({@code ?x=1&x=2}, or an array in a {@code query} table),
 * whose values are all in {@code repeated}, as SQLAlchemy keeps them.
 */
public record ConnectionParts(String host, Integer port, String database, Map<String, String> query,
                              String username, String password, Map<String, List<String>> repeated) {

    public ConnectionParts {
        // an unmodifiable copy in insertion order: the order of query parameters shows in notes and tests
        query = query == null || query.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(query));
        repeated = repeated == null || repeated.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(repeated));
    }

    /** Parts whose parameters are each given once. */
    public ConnectionParts(String host, Integer port, String database, Map<String, String> query,
                           String username, String password) {
        this(host, port, database, query, username, password, Map.of());
    }

    /** The same parts with another query; a parameter given several times stays so while its value is unchanged. */
    public ConnectionParts withQuery(Map<String, String> newQuery) {
        Map<String, List<String>> kept = new LinkedHashMap<>(repeated);
        kept.entrySet().removeIf(e -> !e.getValue().get(e.getValue().size() - 1).equals(newQuery.get(e.getKey())));
        return new ConnectionParts(host, port, database, newQuery, username, password, kept);
    }

    /** Never shows the password or a secret-looking query value. */
    @Override
    public String toString() {
        StringJoiner shown = new StringJoiner(", ", "{", "}");
        query.forEach((key, value) -> shown.add(key + "=" + Masking.value(key, value)));
        return "ConnectionParts[host=" + host + ", port=" + port + ", database=" + database
                + ", query=" + shown + ", username=" + username
                + ", password=" + (password == null ? null : Masking.MASK) + "]";
    }

    // written out, not generated: generated record methods leave this class in a JDK-wide cache
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ConnectionParts other
            && Objects.equals(host, other.host)
            && Objects.equals(port, other.port)
            && Objects.equals(database, other.database)
            && Objects.equals(query, other.query)
            && Objects.equals(username, other.username)
            && Objects.equals(password, other.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, query, username, password);
    }
}
