package io.stconn.dialect;

import io.stconn.SqlState;
import io.stconn.dialect.Translations.Family;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything stconn knows about one SQL dialect: its names, JDBC URL form, default port, driver
 * classes in preference order and the translation of its Python connect arguments. Nothing outside
 * this enum (and the package-private tables it owns) decides anything by dialect name.
 */
public enum Dialect {
    POSTGRESQL(UrlForm.SERVER, 5432, Family.POSTGRESQL, names("postgresql", "postgres", "pgsql"),
            "jdbc:postgresql:", KnownDriver.PGJDBC),
    MYSQL(UrlForm.SERVER, 3306, Family.MYSQL, names("mysql"),
            "jdbc:mysql:", KnownDriver.CONNECTOR_J, KnownDriver.MARIADB),
    MARIADB(UrlForm.SERVER, 3306, Family.MYSQL, names("mariadb"),
            "jdbc:mariadb:", KnownDriver.MARIADB, KnownDriver.CONNECTOR_J),
    SQLITE(UrlForm.SQLITE, -1, Family.SQLITE, names("sqlite"),
            "jdbc:sqlite:", KnownDriver.SQLITE),
    MSSQL(UrlForm.SQLSERVER, 1433, Family.MSSQL, names("mssql", "sqlserver"),
            "jdbc:sqlserver:", KnownDriver.MSSQL),
    ORACLE(UrlForm.ORACLE, 1521, Family.ORACLE, names("oracle"),
            "jdbc:oracle:", KnownDriver.ORACLE),
    H2(UrlForm.H2, -1, Family.H2, names("h2"),
            "jdbc:h2:", KnownDriver.H2),
    DUCKDB(UrlForm.DUCKDB, -1, Family.DUCKDB, names("duckdb"),
            "jdbc:duckdb:", KnownDriver.DUCKDB),
    SNOWFLAKE(UrlForm.SNOWFLAKE, 443, Family.SNOWFLAKE, names("snowflake"),
            "jdbc:snowflake:", KnownDriver.SNOWFLAKE),
    /** sqlalchemy-redshift; Amazon's driver first, pgjdbc (which speaks the same protocol) as fallback. */
    REDSHIFT(UrlForm.SERVER, 5439, Family.POSTGRESQL, names("redshift"),
            "jdbc:redshift:", KnownDriver.REDSHIFT, KnownDriver.PGJDBC),
    /** sqlalchemy-cockroachdb; CockroachDB speaks the PostgreSQL protocol. Its JDBC URLs are pgjdbc's. */
    COCKROACHDB(UrlForm.SERVER, 26257, Family.POSTGRESQL, names("cockroachdb", "cockroach"),
            null, KnownDriver.PGJDBC);

    private static final Map<String, Dialect> BY_NAME = new HashMap<>();

    static {
        for (Dialect dialect : values()) {
            for (String name : dialect.names) {
                BY_NAME.put(name, dialect);
            }
        }
    }

    private final UrlForm form;
    private final int defaultPort;
    private final Family family;
    private final List<String> names;
    // the JDBC URL prefix that identifies this dialect; null when it borrows another dialect's
    private final String jdbcPrefix;
    private final List<KnownDriver> drivers;

    Dialect(UrlForm form, int defaultPort, Family family, List<String> names, String jdbcPrefix,
            KnownDriver... drivers) {
        this.form = form;
        this.defaultPort = defaultPort;
        this.family = family;
        this.names = names;
        this.jdbcPrefix = jdbcPrefix;
        this.drivers = List.of(drivers);
    }

    /** By SQLAlchemy dialect name or alias, ignoring case and a {@code +driver} suffix ("postgresql+psycopg2"). */
    public static Optional<Dialect> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String bare = name.strip().toLowerCase(Locale.ROOT);
        int plus = bare.indexOf('+');
        return Optional.ofNullable(BY_NAME.get(plus < 0 ? bare : bare.substring(0, plus)));
    }

    /** The dialect a ready-made JDBC URL belongs to ({@code jdbc:mariadb:} is MARIADB, not MYSQL). */
    public static Optional<Dialect> byJdbcUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            return Optional.empty();
        }
        String lower = jdbcUrl.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(dialect -> dialect.jdbcPrefix != null && lower.startsWith(dialect.jdbcPrefix))
                .findFirst();
    }

    /** For error messages: "postgresql (postgres, pgsql), mysql, ...". */
    public static String knownNames() {
        return Arrays.stream(values()).map(dialect -> dialect.aliases().isEmpty()
                        ? dialect.canonicalName()
                        : dialect.canonicalName() + " (" + String.join(", ", dialect.aliases()) + ")")
                .collect(Collectors.joining(", "));
    }

    public String canonicalName() {
        return names.get(0);
    }

    /** The other names the dialect answers to ("postgres", "pgsql"); empty when it has none. */
    public List<String> aliases() {
        return names.subList(1, names.size());
    }

    /** In preference order: the first one on the class path is used. */
    public List<JdbcDriver> drivers() {
        return drivers.stream().map(known -> known.jdbcDriver).toList();
    }

    /** -1 for file and embedded databases. */
    public int defaultPort() {
        return defaultPort;
    }

    public boolean isFileBased() {
        return form.fileBased;
    }

    /** What a configuration without url must give; the user name is the database's business, not ours. */
    public List<String> requiredParts() {
        return form.fileBased ? List.of("database") : List.of("host");
    }

    /**
     * The real URL and properties for {@code driver} (one of {@link #drivers()}; null means the first).
     * A driver class stconn does not know gets the URL form of the dialect's first driver, with a note.
     * Relative file paths resolve against {@code projectDir} (null: the working directory).
     */
    public JdbcTarget target(ConnectionParts parts, JdbcDriver driver, Path projectDir) throws SQLException {
        Objects.requireNonNull(parts, "parts");
        KnownDriver known = KnownDriver.of(driver);
        if (known != null && !drivers.contains(known)) {
            known = null; // another dialect's driver: its URL form would be wrong here
        }
        TargetBuilder target = new TargetBuilder(this, known == null ? drivers.get(0) : known);
        if (known == null && driver != null) {
            target.note("driver " + driver.className() + " is not one stconn knows for " + canonicalName()
                    + "; using the " + drivers.get(0).scheme + " URL form");
        }
        if (parts.port() != null && (parts.port() < 1 || parts.port() > 65535)) {
            throw SqlState.INVALID_VALUE.exception("the port of the " + canonicalName()
                    + " connection must be between 1 and 65535, not " + parts.port());
        }
        if (form != UrlForm.SNOWFLAKE) { // its host is the account, which may contain no ':'
            parts = HostWithPort.split(parts);
        }
        Map<String, String> query = parts.query();
        if (family == Family.POSTGRESQL && form == UrlForm.SERVER) {
            List<String> servers = PostgresHosts.of(parts, defaultPort);
            if (servers != null) {
                target.servers(servers);
                query = PostgresHosts.rest(query);
            }
        }
        for (Map.Entry<String, List<String>> given : parts.repeated().entrySet()) {
            if (query.containsKey(given.getKey())) {
                throw SqlState.INVALID_VALUE.exception("the " + canonicalName() + " parameter " + given.getKey()
                        + " is given " + given.getValue().size() + " times (repeated in the url's query, or an array in"
                        + " the query table); a JDBC driver property takes one value: keep one");
            }
        }
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            if (parameter.getKey() != null && parameter.getValue() != null) {
                translations().apply(parameter.getKey(), parameter.getValue(), target);
            }
        }
        // after the query, so that username and password win over user= and password= parameters
        if (form.hasLogin) {
            if (parts.username() != null) {
                target.property("user", parts.username());
            }
            if (parts.password() != null) {
                target.property("password", parts.password());
            }
        } else if (parts.username() != null || parts.password() != null) {
            target.note("ignored username and password (" + canonicalName() + " databases have no login)");
        }
        Path base = (projectDir == null ? Path.of("") : projectDir).toAbsolutePath();
        return target.build(form.url(parts, target, base));
    }

    /**
     * The driver properties one parameter becomes for this driver (none when it is dropped or goes
     * into the URL): describe names the kwarg each property came from.
     */
    public Set<String> propertiesOf(String key, String value, JdbcDriver driver) {
        KnownDriver known = KnownDriver.of(driver);
        TargetBuilder target = new TargetBuilder(this, known == null || !drivers.contains(known) ? drivers.get(0) : known);
        try {
            translations().apply(key, value, target);
        } catch (SQLException e) {
            return Set.of(); // refused: target() reports it
        }
        return target.propertyNames();
    }

    /** For the generated dialect table (DialectTableTest). */
    Translations translations() {
        return family.table();
    }

    private static List<String> names(String... names) {
        return List.of(names);
    }
}
