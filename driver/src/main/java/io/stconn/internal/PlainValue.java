package io.stconn.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A JDBC value reduced to null, Boolean, Number or String, so that the table, CSV and JSON writers
 * need no JDBC; and which columns are numbers, to align them right.
 */
public final class PlainValue {
    private static final Set<Integer> NUMERIC_TYPES = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER,
            Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL);

    private PlainValue() {
    }

    /** True for the java.sql.Types of numbers. */
    public static boolean isNumericType(int jdbcType) {
        return NUMERIC_TYPES.contains(jdbcType);
    }

    /** Bytes as 0x hex, LOBs and XML as their text, arrays as [a, b], anything else by toString. */
    public static Object of(Object value) throws SQLException {
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
            return of(blob.getBytes(1, (int) Math.min(blob.length(), Integer.MAX_VALUE)));
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

    /**
     * As {@link #of}, for values read earlier: a LOB whose connection has closed since can no
     * longer be read, and then shows as its toString rather than failing a toString().
     */
    public static Object shown(Object value) {
        try {
            return of(value);
        } catch (SQLException | RuntimeException e) {
            return String.valueOf(value);
        }
    }

    /** The text of a non-null plain value; BigDecimal without exponent. */
    public static String text(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }

    /**
     * Numeric columns: those whose type says so, and, since drivers with loose typing (SQLite)
     * report no numeric type, those whose values are all numbers (with at least one value).
     */
    public static List<Boolean> numericColumns(List<Boolean> byType, List<? extends List<?>> rows) {
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
}
