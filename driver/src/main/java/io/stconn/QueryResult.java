package io.stconn;

import io.stconn.internal.PlainValue;
import io.stconn.internal.TextTable;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of a query, read into memory (as Streamlit's {@code conn.query} returns a DataFrame):
 * columns with their names and types, rows by index or by column name, printable as a table.
 * Immutable, so a cached result can be shared between threads.
 */
public final class QueryResult implements Iterable<QueryResult.Row> {

    /** A column: its label, JDBC type (java.sql.Types), the database's type name and the Java class of its values. */
    public record Column(String name, int jdbcType, String typeName, String javaClass) {
        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Column other
                && Objects.equals(name, other.name)
                && Objects.equals(jdbcType, other.jdbcType)
                && Objects.equals(typeName, other.typeName)
                && Objects.equals(javaClass, other.javaClass);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, jdbcType, typeName, javaClass);
        }

        @Override
        public String toString() {
            return "Column[name=" + name + ", jdbcType=" + jdbcType + ", typeName=" + typeName
                    + ", javaClass=" + javaClass + "]";
        }
    }

    private final List<Column> columns;
    private final List<Row> rows;
    private final Map<String, Integer> index = new LinkedHashMap<>();

    private QueryResult(List<Column> columns, List<List<Object>> values) {
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            index.putIfAbsent(columns.get(i).name().toLowerCase(java.util.Locale.ROOT), i);
        }
        List<Row> built = new ArrayList<>(values.size());
        values.forEach(v -> built.add(new Row(Collections.unmodifiableList(v))));
        this.rows = Collections.unmodifiableList(built);
    }

    /** Reads every row of the result set. */
    public static QueryResult read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<Column> columns = new ArrayList<>(n);
        for (int c = 1; c <= n; c++) {
            String label = meta.getColumnLabel(c);
            columns.add(new Column(label == null || label.isEmpty() ? "column" + c : label, meta.getColumnType(c),
                    meta.getColumnTypeName(c), meta.getColumnClassName(c)));
        }
        List<List<Object>> values = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(n);
            for (int c = 1; c <= n; c++) {
                row.add(rs.getObject(c));
            }
            values.add(row);
        }
        return new QueryResult(columns, values);
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    @Override
    public Iterator<Row> iterator() {
        return rows.iterator();
    }

    /** One row: values by 0-based index or by column name (ignoring case). */
    public final class Row {
        private final List<Object> values;

        private Row(List<Object> values) {
            this.values = values;
        }

        public Object get(int column) {
            return values.get(column);
        }

        public Object get(String column) {
            Integer i = index.get(column.toLowerCase(java.util.Locale.ROOT));
            if (i == null) {
                throw new IllegalArgumentException("No column '" + column + "'; the columns are "
                        + columns.stream().map(Column::name).toList());
            }
            return values.get(i);
        }

        /** Column name to value, in column order. */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                map.putIfAbsent(columns.get(i).name(), values.get(i));
            }
            return map;
        }

        public List<Object> values() {
            return values;
        }

        @Override
        public String toString() {
            return asMap().toString();
        }
    }

    /** The rows as an aligned text table, the same as the command-line tool prints. */
    @Override
    public String toString() {
        List<List<Object>> plain = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<Object> values = new ArrayList<>(row.values.size());
            row.values.forEach(v -> values.add(PlainValue.shown(v)));
            plain.add(values);
        }
        List<Boolean> byType = columns.stream().map(c -> PlainValue.isNumericType(c.jdbcType())).toList();
        return TextTable.render(columns.stream().map(Column::name).toList(), PlainValue.numericColumns(byType, plain), plain);
    }
}
