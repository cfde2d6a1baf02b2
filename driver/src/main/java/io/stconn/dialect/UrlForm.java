package io.stconn.dialect;

import io.stconn.SqlState;
import io.stconn.spi.PoolTarget;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The shapes of JDBC URL the dialects use. Passwords never go into any of them. */
enum UrlForm {
    /** {@code jdbc:<scheme>//host:port/database}: PostgreSQL, MySQL, MariaDB and their relatives. */
    SERVER(false, true) {
        @Override
        String url(ConnectionParts parts, TargetBuilder target, Path projectDir) throws SQLException {
            String database = parts.database() == null ? "" : parts.database();
            if (target.driver().decodesPath) {
                database = PercentCoding.encode(database);
            } else if (database.matches(".*[/?;&#].*")) {
                throw SqlState.INVALID_VALUE.exception("the database name cannot contain / ? ; & or # in a "
                        + target.driver().scheme + " URL");
            }
            String servers = target.servers() != null ? String.join(",", target.servers())
                    : serverHost(requireHost(parts, target, false), target) + ":" + port(parts, target);
            return target.driver().scheme + "//" + servers + "/" + database;
        }
    },
    /** {@code jdbc:sqlserver://host:port;databaseName=db}; IPv6 goes in serverName, as mssql-jdbc documents. */
    SQLSERVER(false, true) {
        @Override
        String url(ConnectionParts parts, TargetBuilder target, Path projectDir) throws SQLException {
            String host = requireHost(parts, target, true);
            StringBuilder url = new StringBuilder(target.driver().scheme).append("//");
            if (host.indexOf(':') >= 0) {
                url.append(";serverName=").append(host).append(";portNumber=").append(port(parts, target));
            } else if (host.indexOf('\\') >= 0 && parts.port() == null) {
                url.append(host); // a named instance: the SQL Browser finds its port, a default 1433 would hide it
            } else {
                url.append(host).append(':').append(port(parts, target));
            }
            if (parts.database() != null && !parts.database().isEmpty()) {
                url.append(";databaseName=").append(sqlServerValue(parts.database()));
            }
            return url.toString();
        }
    },
    /**
     * As SQLAlchemy's Oracle dialects decide: the database part is a SID ({@code @host:port:SID}),
     * {@code ?service_name=} a service ({@code @//host:port/service}), and a lone host a tnsnames
     * alias. A host and port without either is Easy Connect to the database's default service.
     */
    ORACLE(false, true) {
        @Override
        String url(ConnectionParts parts, TargetBuilder target, Path projectDir) throws SQLException {
            String host = bracketed(requireHost(parts, target, false));
            String database = parts.database() == null || parts.database().isEmpty() ? null : parts.database();
            String serviceName = target.urlSetting("service_name");
            String sid = target.urlSetting("sid");
            if ((database != null ? 1 : 0) + (serviceName != null ? 1 : 0) + (sid != null ? 1 : 0) > 1) {
                throw SqlState.INVALID_VALUE.exception("an oracle connection takes one of: the database part"
                        + " (the SID), the service_name parameter, or the sid parameter; not several");
            }
            String prefix = target.driver().scheme + "@";
            String systemId = sid != null ? sid : database;
            if (systemId != null) {
                return prefix + host + ":" + port(parts, target) + ":" + systemId;
            }
            if (serviceName == null && parts.port() == null && host.indexOf(':') < 0) {
                return prefix + host; // a tnsnames.ora alias, as cx_Oracle/oracledb read a lone host
            }
            return prefix + "//" + host + ":" + port(parts, target) + (serviceName == null ? "" : "/" + serviceName);
        }
    },
    SQLITE(true, false) {
        @Override
        String url(ConnectionParts parts, TargetBuilder target, Path projectDir) throws SQLException {
            ignoreHost(parts, target);
            String database = parts.database();
            boolean memory = database == null || database.isEmpty() || database.equals(":memory:");
            if (!memory && database.startsWith("~")) {
                // SQLite does not expand '~' and neither does SQLAlchemy: it is a folder of the project
                return target.driver().scheme + projectDir.resolve(database).normalize();
            }
            return target.driver().scheme + (memory ? ":memory:" : fileDatabase(database, projectDir, target));
        }
    },
    DUCKDB(true, false) {
        @Override
        String url(ConnectionParts parts, TargetBuilder target, Path projectDir) throws SQLException {
            ignoreHost(parts, target);
            String database = parts.database();
            boolean memory = database == null || database.isEmpty() || database.equals(":memory:");
            return target.driver().scheme + (memory ? "" : fileDatabase(database, projectDir, target));
        }
    },
    /** Embedded file or memory database, or an H2 server when a host is given; settings as ";KEY=VALUE". */
    H2(true, true) {
        @Override
        String url(ConnectionParts parts, TargetBuilder target, Path projectDir) throws SQLException {
            String database = parts.database();
            StringBuilder url = new StringBuilder(target.driver().scheme);
            if (parts.host() != null && !parts.host().isEmpty()) {
                if (database == null || database.isEmpty()) {
                    throw SqlState.MISSING_VALUE.exception("the h2 server connection needs the database"
                            + " (its path on the server, as in h2://host:9092/~/test)");
                }
                // the path is the server's business: it resolves it against its own base directory
                url.append("tcp://").append(bracketed(requireHost(parts, target, false)))
                        .append(parts.port() == null ? "" : ":" + parts.port()).append('/').append(database);
            } else if (database == null || database.isEmpty() || database.equals(":memory:")) {
                url.append("mem:");
            } else {
                url.append(fileDatabase(database, projectDir));
            }
            for (Map.Entry<String, String> setting : target.urlSettings().entrySet()) {
                url.append(';').append(setting.getKey()).append('=').append(setting.getValue());
            }
            return url.toString();
        }
    },
    /**
     * snowflake-sqlalchemy's {@code snowflake://user:pw@account/db/schema?warehouse=w&role=r}, mapped
     * by the snowflake connection type itself ({@link TypeUrlForm}).
     */
    SNOWFLAKE(false, true) {
        @Override
        String url(ConnectionParts parts, TargetBuilder target, Path projectDir) throws SQLException {
            JdbcTarget mapped = TypeUrlForm.of(target.dialect()).target(parts, target.urlSettings(), projectDir);
            mapped.properties().forEach((k, v) -> target.property(String.valueOf(k), String.valueOf(v)));
            mapped.notes().forEach(target::note);
            return mapped.url();
        }
    };

    // what may not appear in a host, because each of these means something else in some JDBC URL
    private static final Pattern BAD_HOST_CHARACTER = Pattern.compile("[\\s/?#@;,\\[\\]{}()=&\"'`<>|\\p{Cntrl}]");
    // "mem:x", "md:db", "s3://...": names a JDBC driver understands; a one-letter prefix is a Windows drive
    private static final Pattern SCHEME_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:");

    /** Only {@code database} is needed; the file is resolved against the project directory. */
    final boolean fileBased;
    /** Whether the database has users at all; SQLite and DuckDB do not. */
    final boolean hasLogin;

    UrlForm(boolean fileBased, boolean hasLogin) {
        this.fileBased = fileBased;
        this.hasLogin = hasLogin;
    }

    abstract String url(ConnectionParts parts, TargetBuilder target, Path projectDir) throws SQLException;

    private static String requireHost(ConnectionParts parts, TargetBuilder target, boolean instanceNames)
            throws SQLException {
        String host = parts.host();
        if (host != null && host.length() > 2 && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // an IPv6 address written with its URL brackets
        }
        if (host == null || host.isBlank()) {
            throw SqlState.MISSING_VALUE.exception("the " + target.dialect().canonicalName()
                    + " connection needs a host (with none, Python drivers use the local Unix socket; JDBC drivers"
                    + " connect over TCP and have no socket path): add host = \"localhost\" (or the server's name) to"
                    + " its section, or write it in the url");
        }
        if (BAD_HOST_CHARACTER.matcher(host).find() || (!instanceNames && host.indexOf('\\') >= 0)) {
            throw SqlState.INVALID_VALUE.exception("the host of the " + target.dialect().canonicalName()
                    + " connection contains a character no host name can contain (a space or one of / ? # @ ; ,"
                    + " [ ] { } \\ and quotes)");
        }
        return host;
    }

    // an IPv6 zone's '%' (fe80::1%eth0): Connector/J percent-decodes the host, the others take it as written
    private static String serverHost(String host, TargetBuilder target) {
        return bracketed(target.driver() == KnownDriver.CONNECTOR_J ? host.replace("%", "%25") : host);
    }

    private static String bracketed(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private static int port(ConnectionParts parts, TargetBuilder target) {
        return parts.port() == null ? target.dialect().defaultPort() : parts.port();
    }

    private static void ignoreHost(ConnectionParts parts, TargetBuilder target) {
        if (parts.host() != null && !parts.host().isEmpty()) {
            target.note("ignored host " + parts.host() + " (" + target.dialect().canonicalName()
                    + " databases are local files)");
        }
    }

    // mssql-jdbc reads {...} as a literal value, with '}' doubled inside
    private static String sqlServerValue(String value) {
        return value.matches(".*[;{}=].*") || !value.strip().equals(value)
                ? "{" + value.replace("}", "}}") + "}" : value;
    }

    /** The file database's path, with notes on where a relative path points and on a file that is not there yet. */
    static String fileDatabase(String database, Path projectDir, TargetBuilder target) throws SQLException {
        String resolved = fileDatabase(database, projectDir);
        Path file;
        try {
            file = Path.of(resolved);
        } catch (InvalidPathException e) {
            return resolved;
        }
        // names the driver resolves itself (mem:x, ~/x, //host/x, file:...) are its business
        if (!file.isAbsolute() || resolved.startsWith("//")) {
            return resolved;
        }
        String relative = Path.of(database).isAbsolute() ? ""
                : " (the relative path " + database + " is taken from the project folder " + projectDir + ")";
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            target.note(PoolTarget.CONNECT_HINT + "the folder of the database file " + file + relative
                    + " does not exist. Create it, or fix the path; a relative path is taken from the project folder"
                    + " (project_dir), not from the folder the tool runs in.");
        } else if (!Files.exists(file)) {
            target.note(PoolTarget.WARNING + "the database file " + file + relative + " did not exist: the first "
                    + "connection creates it empty. If you meant an existing file, fix the path.");
            target.note(PoolTarget.CONNECT_HINT + "check the database file " + file + relative
                    + ": its folder must be writable.");
        } else {
            target.note(PoolTarget.CONNECT_HINT + "check the database file " + file + relative
                    + ": it must be readable (and writable to change it) by this process, and a database of this kind.");
        }
        return resolved;
    }

    /**
     * A relative file path is resolved against the project directory, as Streamlit (run from the
     * project) sees it; H2 even refuses implicitly relative paths. Names a driver resolves itself
     * (mem:x, :resource:x, md:db, ~/x, file://host/x) are kept as written.
     */
    static String fileDatabase(String database, Path projectDir) throws SQLException {
        String prefix = "";
        String path = database;
        if (database.regionMatches(true, 0, "file:", 0, 5)) {
            prefix = database.substring(0, 5);
            path = database.substring(5);
        } else if (database.startsWith(":") || SCHEME_PREFIX.matcher(database).lookingAt()) {
            return database;
        }
        if (path.startsWith("~") || path.startsWith("//")) {
            return database;
        }
        try {
            Path file = Path.of(path);
            return prefix + (file.isAbsolute() ? file : projectDir.resolve(file)).normalize();
        } catch (InvalidPathException e) {
            throw SqlState.INVALID_VALUE.exception("the database is not a valid file path: " + e.getReason(), e);
        }
    }
}
