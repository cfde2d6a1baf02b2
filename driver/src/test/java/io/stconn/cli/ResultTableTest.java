package io.stconn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads real result sets from an in-memory H2 database (the driver module's test dependency). */
class ResultTableTest {
    private Connection connection;
    private Statement statement;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:");
        statement = connection.createStatement();
        statement.execute("CREATE TABLE t (id INT, name VARCHAR(20), price DECIMAL(10, 2), ok BOOLEAN, data VARBINARY(4),"
                + " note CLOB)");
        statement.execute("INSERT INTO t VALUES (1, 'a', 1.50, TRUE, X'CAFE', 'long text'), (2, NULL, NULL, NULL, NULL, NULL),"
                + " (3, 'c', 3, FALSE, X'00', 'x')");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private ResultTable read(String sql, int maxRows) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            return ResultTable.read(rs, maxRows);
        }
    }

    @Test
    void readsLabelsKindsAndPlainValues() throws SQLException {
        ResultTable table = read("SELECT id AS \"Id\", name, price, ok, data, note FROM t ORDER BY id", CommandLine.ALL_ROWS);
        assertThat(table.labels()).containsExactly("Id", "NAME", "PRICE", "OK", "DATA", "NOTE");
        assertThat(table.numeric()).containsExactly(true, false, true, false, false, false);
        assertThat(table.rows()).hasSize(3);
        assertThat(table.rows().get(0)).containsExactly(1, "a", new java.math.BigDecimal("1.50"), true, "0xcafe", "long text");
        assertThat(table.rows().get(1)).containsExactly(2, null, null, null, null, null);
        assertThat(table.cut()).isFalse();
    }

    @Test
    void stopsAtMaxRowsAndSaysMoreWereCut() throws SQLException {
        ResultTable table = read("SELECT id FROM t ORDER BY id", 2);
        assertThat(table.rows()).extracting(row -> row.get(0)).containsExactly(1, 2);
        assertThat(table.cut()).isTrue();
    }

    @Test
    void exactlyMaxRowsIsNotCut() throws SQLException {
        assertThat(read("SELECT id FROM t", 3).cut()).isFalse();
    }

    @Test
    void valuesDecideWhenTheTypeSaysNothing() throws SQLException {
        // an untyped NULL column and a numeric-looking text column stay left-aligned text
        ResultTable table = read("SELECT NULL AS nothing, '12' AS text FROM t", CommandLine.ALL_ROWS);
        assertThat(table.numeric()).containsExactly(false, false);
    }
}
