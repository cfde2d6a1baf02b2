package io.stconn.cli;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A query result read into memory, each value reduced to null, Boolean, Number or String so that
 * the writers need no JDBC. {@code cut} says that more rows existed beyond {@code maxRows}.
 */
record ResultTable(List<String> labels, List<Boolean> numeric, List<List<Object>> rows, boolean cut, int maxRows) {
    private static final Set<Integer> NUMERIC_TYPES = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER,
            Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL);

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
            numeric.add(NUMERIC_TYPES.contains(meta.getColumnType(c)));
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
                row.add(plain(rs.getObject(c)));
            }
            rows.add(row);
        }
        return new ResultTable(labels, numericColumns(numeric, rows), rows, cut, maxRows);
    }

    /** Drivers with loose typing (SQLite) report no numeric type: then the values decide. */
    private static List<Boolean> numericColumns(List<Boolean> byType, List<List<Object>> rows) {
        List<Boolean> numeric = new ArrayList<>(byType);
        for (int c = 0; c < numeric.size(); c++) {
            if (!numeric.get(c)) {
                int column = c;
                numeric.set(c, rows.stream().anyMatch(r -> r.get(column) != null)
                        && rows.stream().allMatch(r -> r.get(column) == null || r.get(column) instanceof Number));
            }
        }
        return numeric;
    }

    static Object plain(Object value) throws SQLException {
        if (value == null || value instanceof Boolean || value instanceof Number || value instanceof String) {
            return value;
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) Math.min(clob.length(), Integer.MAX_VALUE));
        }
        if (value instanceof Blob blob) {
            return plain(blob.getBytes(1, (int) Math.min(blob.length(), Integer.MAX_VALUE)));
        }
        if (value instanceof SQLXML xml) {
            return xml.getString();
        }
        if (value instanceof Array array) {
            Object elements = array.getArray();
            return elements instanceof Object[] objects ? Arrays.deepToString(objects) : String.valueOf(elements);
        }
        return value.toString();
    }

    /** The text of a non-null value; BigDecimal without exponent. */
    static String text(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }
}
