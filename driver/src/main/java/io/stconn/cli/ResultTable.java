package io.stconn.cli;

import io.stconn.internal.PlainValue;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A query result read into memory, each value reduced to null, Boolean, Number or String
 * ({@link PlainValue}) so that the writers need no JDBC. {@code cut} says that more rows existed
 * beyond {@code maxRows}.
 */
record ResultTable(List<String> labels, List<Boolean> numeric, List<List<Object>> rows, boolean cut, int maxRows) {

    ResultTable {
        labels = List.copyOf(labels);
        numeric = List.copyOf(numeric);
        // values may be null, which List.copyOf refuses
        rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
    }

    /** Reads at most maxRows rows ({@link CommandLine#ALL_ROWS}: all), and one more to know whether there were more. */
    static ResultTable read(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<String> labels = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
            String label = meta.getColumnLabel(c);
            labels.add(label == null || label.isEmpty() ? "column" + c : label);
            numeric.add(PlainValue.isNumericType(meta.getColumnType(c)));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean cut = false;
        while (rs.next()) {
            if (maxRows != CommandLine.ALL_ROWS && rows.size() == maxRows) {
                cut = true;
                break;
            }
            // each column read once, left to right: some drivers allow no more
            List<Object> row = new ArrayList<>(columns);
            for (int c = 1; c <= columns; c++) {
                row.add(PlainValue.of(rs.getObject(c)));
            }
            rows.add(row);
        }
        return new ResultTable(labels, PlainValue.numericColumns(numeric, rows), rows, cut, maxRows);
    }

    // written out, not generated: generated record methods leave this class in a JDK-wide cache
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ResultTable other
            && Objects.equals(labels, other.labels)
            && Objects.equals(numeric, other.numeric)
            && Objects.equals(rows, other.rows)
            && Objects.equals(cut, other.cut)
            && Objects.equals(maxRows, other.maxRows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, numeric, rows, cut, maxRows);
    }

    @Override
    public String toString() {
        return "ResultTable[labels=" + labels + ", numeric=" + numeric + ", rows=" + rows + ", cut=" + cut
                + ", maxRows=" + maxRows + "]";
    }
}
