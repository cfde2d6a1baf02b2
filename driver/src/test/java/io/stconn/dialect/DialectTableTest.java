package io.stconn.dialect;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dialect table of docs/configuration.md is generated from the enum: every
 * URL and translated parameter in it is what {@link Dialect#target} really produces. When the enum
 * changes, run {@code mvn test -pl driver -Dtest=DialectTableTest -Dstconn.writeDocs=true} to
 * rewrite the table between the markers of each file that has them.
 */
class DialectTableTest {
    static final String BEGIN = "<!-- stconn-dialects:begin -->\n";
    static final String END = "<!-- stconn-dialects:end -->";
    private static final List<Path> DOCS = List.of(Path.of("..", "docs", "configuration.md"));
    private static final Path PROJECT = Path.of("/app");

    /** What a user writes in [connections.<name>], one TOML line each, as Streamlit's and SQLAlchemy's docs show it. */
    private static final Map<Dialect, List<String>> EXAMPLES = new EnumMap<>(Map.ofEntries(
            entry(Dialect.POSTGRESQL, List.of(
                    "url = \"postgresql+psycopg2://scott:tiger@db.example.com:5432/sales?sslmode=require\"")),
            entry(Dialect.MYSQL, List.of(
                    "url = \"mysql+pymysql://scott:tiger@db.example.com/sales?charset=utf8mb4\"")),
            entry(Dialect.MARIADB, List.of(
                    "url = \"mariadb+mariadbconnector://scott:tiger@db.example.com/sales\"")),
            entry(Dialect.SQLITE, List.of("url = \"sqlite:///pets.db\"")),
            entry(Dialect.MSSQL, List.of("url = \"mssql+pyodbc://sa:tiger@db.example.com/sales"
                    + "?driver=ODBC+Driver+18+for+SQL+Server&Encrypt=yes&TrustServerCertificate=yes\"")),
            entry(Dialect.ORACLE, List.of(
                    "url = \"oracle+oracledb://scott:tiger@db.example.com:1521/?service_name=ORCLPDB1\"")),
            entry(Dialect.H2, List.of("dialect = \"h2\"", "database = \"data/app\"")),
            entry(Dialect.DUCKDB, List.of("url = \"duckdb:///analytics.duckdb\"")),
            entry(Dialect.SNOWFLAKE, List.of("url = \"snowflake://jsmith:tiger@myorg-myaccount/SALES/PUBLIC"
                    + "?warehouse=COMPUTE_WH&role=ANALYST\"")),
            entry(Dialect.REDSHIFT, List.of(
                    "url = \"redshift+psycopg2://awsuser:tiger@examplecluster.abc123.us-west-2.redshift.amazonaws.com:5439/dev\"")),
            entry(Dialect.COCKROACHDB, List.of(
                    "url = \"cockroachdb://root@db.example.com:26257/defaultdb?sslmode=disable\""))));

    /** A value to show each translated parameter with; "dialect.name" wins over "name". */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            entry("application_name", "dashboard"), entry("connect_timeout", "10"), entry("keepalives", "1"),
            entry("target_session_attrs", "read-write"), entry("client_encoding", "utf8"),
            entry("charset", "utf8mb4"), entry("read_timeout", "30"), entry("local_infile", "1"),
            entry("ssl_ca", "/etc/ssl/ca.pem"), entry("ssl_mode", "REQUIRED"),
            entry("driver", "ODBC Driver 18 for SQL Server"), entry("odbc_connect", "DSN=sales"),
            entry("Encrypt", "yes"), entry("TrustServerCertificate", "yes"), entry("Trusted_Connection", "yes"),
            entry("timeout", "15"), entry("login_timeout", "15"), entry("ApplicationIntent", "ReadOnly"),
            entry("mode", "ro"), entry("oracle.mode", "SYSDBA"), entry("cache", "shared"), entry("uri", "true"),
            entry("check_same_thread", "false"), entry("detect_types", "1"), entry("cached_statements", "100"),
            entry("isolation_level", "DEFERRED"), entry("read_only", "true"), entry("access_mode", "READ_ONLY"),
            entry("service_name", "ORCLPDB1"), entry("sid", "ORCL"), entry("encoding", "UTF-8"),
            entry("nencoding", "UTF-8"), entry("database", "SALES"), entry("private_key_file_pwd", "passphrase"));

    @Test
    void everyDialectHasAnExample() {
        assertThat(EXAMPLES.keySet()).containsExactly(Dialect.values());
    }

    @Test
    void everyTranslatedParameterHasASample() {
        for (Dialect dialect : Dialect.values()) {
            for (String name : dialect.translations().names()) {
                assertThat(sample(dialect, name)).as("a sample value for %s parameter %s", dialect, name).isNotNull();
            }
        }
    }

    @Test
    void theDocumentedTableIsTheEnum() throws IOException, SQLException {
        String table = table();
        boolean write = Boolean.getBoolean("stconn.writeDocs");
        int found = 0;
        for (Path doc : DOCS) {
            if (!Files.exists(doc)) {
                continue;
            }
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            if (begin < 0 || end < begin) {
                continue;
            }
            found++;
            String documented = text.substring(begin + BEGIN.length(), end);
            if (write && !documented.equals(table)) {
                Files.writeString(doc, text.substring(0, begin + BEGIN.length()) + table + text.substring(end),
                        StandardCharsets.UTF_8);
            } else {
                assertThat(documented).as("the dialect table in %s (regenerate: -Dstconn.writeDocs=true)", doc)
                        .isEqualTo(table);
            }
        }
        assertThat(found).as("files holding the dialect table between %s and %s", BEGIN.strip(), END).isPositive();
    }

    static String table() throws SQLException {
        StringBuilder out = new StringBuilder()
                .append("| dialect | aliases | example secrets | JDBC URL and driver properties | driver class"
                        + " (first found wins) | Maven coordinates | translated query parameters |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Dialect dialect : Dialect.values()) {
            out.append("| `").append(dialect.canonicalName()).append("` | ")
                    .append(dialect.aliases().stream().map(a -> "`" + a + "`").collect(Collectors.joining(", ")))
                    .append(" | ").append(EXAMPLES.get(dialect).stream().map(line -> "`" + line + "`")
                            .collect(Collectors.joining("<br>")))
                    .append(" | ").append(urls(dialect))
                    .append(" | ").append(dialect.drivers().stream().map(d -> "`" + d.className() + "`")
                            .collect(Collectors.joining("<br>then ")))
                    .append(" | ").append(dialect.drivers().stream().map(d -> "`" + d.mavenCoordinates() + "`")
                            .collect(Collectors.joining("<br>")))
                    .append(" | ").append(translations(dialect))
                    .append(" |\n");
        }
        return out.toString();
    }

    // the example's URL and properties for the first driver, then the URL of each fallback driver
    private static String urls(Dialect dialect) throws SQLException {
        ConnectionParts parts = exampleParts(dialect);
        JdbcTarget first = dialect.target(parts, null, PROJECT);
        StringJoiner cell = new StringJoiner("<br>");
        cell.add("`" + first.url() + "`");
        Properties properties = first.properties();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (!key.equals("user") && !key.equals("password")) {
                cell.add("`" + key + "=" + properties.getProperty(key) + "`");
            }
        }
        for (JdbcDriver fallback : dialect.drivers().subList(1, dialect.drivers().size())) {
            String url = dialect.target(parts, fallback, PROJECT).url();
            if (!url.equals(first.url())) {
                cell.add("with `" + fallback.className() + "`: `" + url + "`");
            }
        }
        return cell.toString();
    }

    private static String translations(Dialect dialect) throws SQLException {
        StringJoiner cell = new StringJoiner("<br>");
        for (String name : dialect.translations().names()) {
            String value = sample(dialect, name);
            cell.add("`" + name + "=" + value + "` → " + translation(dialect, name, value));
        }
        // what happens to every other name: the default rule of the table
        JdbcTarget plain = dialect.target(baseParts(dialect, Map.of()), null, PROJECT);
        JdbcTarget other = dialect.target(baseParts(dialect, Map.of("SOME_SETTING", "x")), null, PROJECT);
        if ("x".equals(other.properties().getProperty("SOME_SETTING"))) {
            cell.add("other names: driver properties as written");
        } else if (!other.url().equals(plain.url())) {
            cell.add("every name: `;NAME=value` in the URL");
        }
        return cell.toString();
    }

    private static String translation(Dialect dialect, String name, String value) throws SQLException {
        JdbcTarget plain = dialect.target(baseParts(dialect, Map.of()), null, PROJECT);
        JdbcTarget with;
        try {
            with = dialect.target(baseParts(dialect, Map.of(name, value)), null, PROJECT);
        } catch (SQLException e) {
            return "refused with an error (" + e.getMessage().substring(e.getMessage().indexOf(": ") + 2) + ")";
        }
        List<String> changes = new ArrayList<>();
        if (!with.url().equals(plain.url())) {
            changes.add("URL `" + with.url() + "`");
        }
        Properties before = plain.properties();
        Properties after = with.properties();
        for (String key : new TreeSet<>(after.stringPropertyNames())) {
            if (!Objects.equals(before.getProperty(key), after.getProperty(key))) {
                changes.add("`" + key + "=" + after.getProperty(key) + "`");
            }
        }
        if (!changes.isEmpty()) {
            return String.join(", ", changes);
        }
        // what the parameter added: the notes about the database file come with or without it
        List<String> notes = with.notes().stream().filter(n -> !plain.notes().contains(n)).toList();
        assertThat(notes).as("what %s=%s did for %s", name, value, dialect).hasSize(1);
        String note = notes.get(0);
        return "dropped (" + note.substring(note.lastIndexOf(" (") + 2, note.length() - 1) + ")";
    }

    private static String sample(Dialect dialect, String name) {
        String specific = SAMPLES.get(dialect.canonicalName() + "." + name);
        return specific != null ? specific : SAMPLES.get(name);
    }

    // the smallest connection of the dialect, with one query parameter
    private static ConnectionParts baseParts(Dialect dialect, Map<String, String> query) {
        if (dialect.isFileBased()) {
            return new ConnectionParts(null, null, "app.db", query, null, null);
        }
        if (dialect == Dialect.SNOWFLAKE) {
            return new ConnectionParts("myorg-myaccount", null, null, query, "jsmith", null);
        }
        return new ConnectionParts("db.example.com", null, dialect == Dialect.ORACLE ? null : "sales", query,
                "scott", null);
    }

    private static ConnectionParts exampleParts(Dialect dialect) throws SQLException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : EXAMPLES.get(dialect)) {
            int eq = line.indexOf(" = ");
            keys.put(line.substring(0, eq), line.substring(eq + 3).replaceAll("^\"|\"$", ""));
        }
        if (keys.containsKey("url")) {
            SqlAlchemyUrl url = SqlAlchemyUrl.parse(keys.get("url"));
            assertThat(Dialect.byName(url.dialect())).contains(dialect);
            return url.parts();
        }
        assertThat(Dialect.byName(keys.get("dialect"))).contains(dialect);
        return new ConnectionParts(keys.get("host"), keys.containsKey("port") ? Integer.valueOf(keys.get("port")) : null,
                keys.get("database"), Map.of(), keys.get("username"), keys.get("password"));
    }
}
