package io.stconn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainValueTest {
    @Test
    void jdbcValuesBecomeNullBooleansNumbersOrText() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT X'CAFE', CAST('long text' AS CLOB), ARRAY[1, 2], DATE '2020-01-02', NULL,"
                     + " TRUE, 7")) {
            rs.next();
            assertThat(PlainValue.of(rs.getObject(1))).isEqualTo("0xcafe");
            assertThat(PlainValue.of(rs.getObject(2))).isEqualTo("long text");
            assertThat(PlainValue.of(rs.getObject(3))).isEqualTo("[1, 2]");
            assertThat(PlainValue.of(rs.getObject(4))).isEqualTo("2020-01-02");
            assertThat(PlainValue.of(rs.getObject(5))).isNull();
            assertThat(PlainValue.of(rs.getObject(6))).isEqualTo(true);
            assertThat(PlainValue.of(rs.getObject(7))).isEqualTo(7);
        }
    }

    @Test
    void decimalsAreWrittenWithoutExponent() {
        assertThat(PlainValue.text(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(PlainValue.text(new BigDecimal("12.50"))).isEqualTo("12.50");
    }

    @Test
    void aValueThatCanNoLongerBeReadShowsAsItsText() throws SQLException {
        Object clob;
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CAST(REPEAT('x', 10) AS CLOB)")) {
            rs.next();
            clob = rs.getObject(1);
        }
        assertThat(PlainValue.shown(clob)).isInstanceOf(String.class);
    }

    @Test
    void theTypeOrElseTheValuesSayWhichColumnsAreNumbers() {
        assertThat(PlainValue.isNumericType(Types.DECIMAL)).isTrue();
        assertThat(PlainValue.isNumericType(Types.VARCHAR)).isFalse();
        List<List<Object>> rows = List.of(Arrays.asList(1L, "12", null, 5), Arrays.asList(2.5, "x", null, 6));
        assertThat(PlainValue.numericColumns(List.of(false, false, false, true), rows)).containsExactly(true, false, false, true);
    }
}
