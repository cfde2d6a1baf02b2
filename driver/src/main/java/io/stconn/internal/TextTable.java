package io.stconn.internal;

import io.stconn.QueryResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Placeholder renderer; replaced by the shared table writer. */
public final class TextTable {
    private TextTable() {
    }

    public static String render(QueryResult result) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(" | ", result.columns().stream().map(QueryResult.Column::name).toList()));
        for (QueryResult.Row row : result) {
            lines.add(String.join(" | ", row.values().stream()
                    .map(v -> v == null ? "NULL" : v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v)).toList()));
        }
        lines.add("(" + result.size() + (result.size() == 1 ? " row)" : " rows)"));
        return String.join(System.lineSeparator(), lines);
    }
}
