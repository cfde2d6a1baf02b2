package io.stconn;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** QueryResult prints as the command-line tool's table: one renderer for both. */
class QueryResultTest {
    private static QueryResult read(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return QueryResult.read(rs);
        }
    }

    @Test
    void toStringIsTheAlignedTable() throws SQLException {
        QueryResult result = read("SELECT * FROM (VALUES (1, 'Biscuit', 12.50, X'CAFE'), (1000, NULL, NULL, NULL))"
                + " AS t(id, name, weight, data) ORDER BY id");
        assertThat(result.toString().replace(System.lineSeparator(), "\n")).isEqualTo("""
                  ID | NAME    | WEIGHT | DATA
                -----+---------+--------+-------
                   1 | Biscuit |  12.50 | 0xcafe
                1000 | NULL    |   NULL | NULL
                (2 rows)""");
    }

    @Test
    void anEmptyResultShowsItsColumns() throws SQLException {
        assertThat(read("SELECT 1 AS a WHERE FALSE").toString().replace(System.lineSeparator(), "\n"))
                .isEqualTo("A\n-\n(0 rows)");
    }

    @Test
    void rowsByIndexAndByNameIgnoringCase() throws SQLException {
        QueryResult result = read("SELECT 1 AS id, 'x' AS name");
        assertThat(result.size()).isEqualTo(1);
        assertThat(result.rows().get(0).get("Name")).isEqualTo("x");
        assertThat(result.rows().get(0).get(0)).isEqualTo(1);
    }
}
