package io.stconn.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where stconn follows SQLAlchemy's reading of a url or parts section, one class of case each. */
class SqlAlchemyFidelityTest {
    private static final Path PROJECT = Path.of("/srv/app");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // psycopg2's multi-host forms become pgjdbc's multi-host URL
            "postgresql://u@x/db?host=h1:5432&host=h2:5433 | jdbc:postgresql://h1:5432,h2:5433/db",
            "postgresql://u@x/db?host=h1&host=[::1]:5433 | jdbc:postgresql://h1:5432,[::1]:5433/db",
            "postgresql://u@x/db?host=h1,h2&port=5432,5433 | jdbc:postgresql://h1:5432,h2:5433/db",
            "postgresql://u@x:6432/db?host=h1 | jdbc:postgresql://h1:6432/db",
            // SQLAlchemy's Oracle dialects: the database part is a SID
            "oracle://u:p@h:1521/ORCL | jdbc:oracle:thin:@h:1521:ORCL",
            "oracle://u:p@h/?service_name=sales | jdbc:oracle:thin:@//h:1521/sales",
            "oracle://u:p@mytns | jdbc:oracle:thin:@mytns",
            // percent escapes of a file database are part of its name, as in SQLAlchemy
            "sqlite:///my%20db.db | jdbc:sqlite:/srv/app/my%20db.db",
            "sqlite:///~/x.db | jdbc:sqlite:/srv/app/~/x.db",
            // an IPv6 zone: Connector/J percent-decodes its host, pgjdbc does not
            "mysql://u@[fe80::1%25eth0]/db | jdbc:mysql://[fe80::1%25eth0]:3306/db",
            "postgresql://u@[fe80::1%eth0]/db | jdbc:postgresql://[fe80::1%eth0]:5432/db",
            // target_session_attrs is pgjdbc's targetServerType
            "postgresql://u@h/db?target_session_attrs=read-write | jdbc:postgresql://h:5432/db"})
    void urlsReachWhatSqlAlchemyReaches(String url, String jdbcUrl) throws SQLException {
        SqlAlchemyUrl parsed = SqlAlchemyUrl.parse(url);

        JdbcTarget target = Dialect.byName(parsed.dialect()).orElseThrow().target(parsed.parts(), null, PROJECT);

        assertThat(target.url()).isEqualTo(jdbcUrl);
    }

    @Test
    void targetSessionAttrsChoosesTheServerTypeOfEveryHost() throws SQLException {
        SqlAlchemyUrl url = SqlAlchemyUrl.parse("postgresql://u@x/db?host=h1:5432&host=h2:5432"
                + "&target_session_attrs=read-write");

        JdbcTarget target = Dialect.POSTGRESQL.target(url.parts(), null, PROJECT);

        assertThat(target.properties()).containsEntry("targetServerType", "primary").doesNotContainKey("host");
    }

    @Test
    void aRawQuestionMarkBelongsToThePassword() throws SQLException {
        ConnectionParts parts = SqlAlchemyUrl.parse("postgresql://scott:pa?ss@db/shop").parts();

        assertThat(parts.password()).isEqualTo("pa?ss");
        assertThat(parts.host()).isEqualTo("db");
        assertThat(parts.database()).isEqualTo("shop");
    }

    @Test
    void aHostWithItsPortInThePartsFormIsSplit() throws SQLException {
        ConnectionParts parts = new ConnectionParts("db.example.com:6543", null, "shop", Map.of(), "u", null);

        assertThat(Dialect.POSTGRESQL.target(parts, null, PROJECT).url())
                .isEqualTo("jdbc:postgresql://db.example.com:6543/shop");
        SQLException e = catchThrowableOfType(SQLException.class, () -> Dialect.POSTGRESQL.target(
                new ConnectionParts("db:6543", 5432, "shop", Map.of(), "u", null), null, PROJECT));
        assertThat(e.getMessage()).contains("the host ends in port 6543 and the port is 5432");
    }

    @Test
    void aParameterGivenTwiceIsRefusedByName() throws SQLException {
        ConnectionParts url = SqlAlchemyUrl.parse("mysql://u@h/db?charset=utf8&charset=latin1").parts();
        ConnectionParts table = new ConnectionParts("h", null, "db", Map.of("options", "-c b=2"), "u", null,
                Map.of("options", List.of("-c a=1", "-c b=2")));

        assertThat((Throwable) catchThrowableOfType(SQLException.class, () -> Dialect.MYSQL.target(url, null, PROJECT)))
                .hasMessageContaining("the mysql parameter charset is given 2 times");
        assertThat((Throwable) catchThrowableOfType(SQLException.class, () -> Dialect.POSTGRESQL.target(table, null, PROJECT)))
                .hasMessageContaining("the postgresql parameter options is given 2 times");
    }

    @Test
    void aSocketFolderOrNoHostSaysJdbcHasNoSocketPath() throws SQLException {
        ConnectionParts socket = SqlAlchemyUrl.parse("postgresql://u@/db?host=/var/run/postgresql").parts();
        ConnectionParts none = SqlAlchemyUrl.parse("postgresql://u@/db").parts();

        assertThat((Throwable) catchThrowableOfType(SQLException.class, () -> Dialect.POSTGRESQL.target(socket, null, PROJECT)))
                .hasMessageContaining("no socket path").hasMessageContaining("host = \"localhost\"");
        assertThat((Throwable) catchThrowableOfType(SQLException.class, () -> Dialect.POSTGRESQL.target(none, null, PROJECT)))
                .hasMessageContaining("no socket path").hasMessageContaining("host = \"localhost\"");
    }
}
