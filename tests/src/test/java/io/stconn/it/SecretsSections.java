package io.stconn.it;

import java.util.List;
import java.util.Map;

/** One secrets.toml holding every generated case as its own [connections.<id>] section. */
final class SecretsSections {
    private SecretsSections() {
    }

    @SuppressWarnings("unchecked")
    static String of(List<Map<String, Object>> cases) {
        StringBuilder toml = new StringBuilder();
        for (Map<String, Object> line : cases) {
            String id = (String) line.get("id");
            toml.append("[connections.").append(id).append("]\n");
            if (line.containsKey("url")) {
                toml.append("url = ").append(Project.toml(line.get("url"))).append('\n');
                continue;
            }
            Map<String, Object> parts = (Map<String, Object>) line.get("parts");
            Map<String, Object> query = null;
            for (Map.Entry<String, Object> part : parts.entrySet()) {
                if (part.getKey().equals("query")) {
                    query = (Map<String, Object>) part.getValue();
                } else {
                    toml.append(part.getKey()).append(" = ").append(value(part.getValue())).append('\n');
                }
            }
            if (query != null) {
                toml.append("[connections.").append(id).append(".query]\n");
                query.forEach((k, v) -> toml.append(Project.toml(k)).append(" = ").append(value(v)).append('\n'));
            }
        }
        return toml.toString();
    }

    private static String value(Object value) {
        if (value instanceof Long) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder array = new StringBuilder("[");
            list.forEach(v -> array.append(array.length() > 1 ? ", " : "").append(value(v)));
            return array.append(']').toString();
        }
        return Project.toml(value);
    }
}
