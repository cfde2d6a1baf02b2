package io.stconn.dialect;

import static io.stconn.dialect.ParameterRule.bool;
import static io.stconn.dialect.ParameterRule.choice;
import static io.stconn.dialect.ParameterRule.drop;
import static io.stconn.dialect.ParameterRule.forDriver;
import static io.stconn.dialect.ParameterRule.mapped;
import static io.stconn.dialect.ParameterRule.passThrough;
import static io.stconn.dialect.ParameterRule.refuse;
import static io.stconn.dialect.ParameterRule.rename;
import static io.stconn.dialect.ParameterRule.seconds;
import static io.stconn.dialect.ParameterRule.secondsAsMillis;
import static io.stconn.dialect.ParameterRule.urlSetting;

import io.stconn.SqlState;
import io.stconn.internal.Masking;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Each dialect family's table from Python connect arguments to JDBC driver configuration: the one
 * place that knows that MySQL's {@code charset} is Connector/J's {@code characterEncoding}.
 * Names are matched ignoring case (ODBC keys are case-insensitive and users mix the spellings).
 */
final class Translations {

    /** The families of dialects that share a table; each table is built when its family is first used. */
    enum Family {
        POSTGRESQL, MYSQL, MSSQL, SQLITE, DUCKDB, ORACLE, H2, SNOWFLAKE;

        Translations table() {
            return switch (this) {
                case POSTGRESQL -> PostgresqlTable.TABLE;
                case MYSQL -> MysqlTable.TABLE;
                case MSSQL -> MssqlTable.TABLE;
                case SQLITE -> SqliteTable.TABLE;
                case DUCKDB -> DuckdbTable.TABLE;
                case ORACLE -> OracleTable.TABLE;
                case H2 -> H2Table.TABLE;
                case SNOWFLAKE -> SnowflakeTable.TABLE;
            };
        }
    }

    private static final class PostgresqlTable {
        static final Translations TABLE = new Translations(passThrough())
                .with("application_name", rename("ApplicationName"))
                .with("connect_timeout", seconds("connectTimeout"))
                .with("keepalives", bool("tcpKeepAlive"))
                .with("target_session_attrs", choice("targetServerType", ordered(
                        "any", "any", "read-write", "primary", "read-only", "secondary", "primary", "primary",
                        "standby", "secondary", "prefer-standby", "preferSecondary")))
                .with("client_encoding", drop("pgjdbc always talks UTF-8 to the server"));
    }

    // mysqlclient, PyMySQL and the mariadb package share these names; both Java drivers read the result
    private static final class MysqlTable {
        static final Translations TABLE = new Translations(passThrough())
                .with("charset", forDriver(KnownDriver.MARIADB,
                        drop("MariaDB's driver always talks utf8mb4 and has no character set setting"),
                        mapped("characterEncoding", ordered(
                                "utf8", "UTF-8", "utf8mb4", "UTF-8", "utf8mb3", "UTF-8", "latin1", "ISO-8859-1"))))
                .with("connect_timeout", secondsAsMillis("connectTimeout"))
                .with("read_timeout", secondsAsMillis("socketTimeout"))
                .with("local_infile", bool("allowLoadLocalInfile"))
                .with("ssl_ca", forDriver(KnownDriver.MARIADB, rename("serverSslCert"),
                        drop("Connector/J reads CA certificates from a trust store: import the certificate and set"
                                + " trustCertificateKeyStoreUrl")))
                .with("ssl_mode", forDriver(KnownDriver.MARIADB, Translations::mariadbSslMode, choice("sslMode", ordered(
                        "disabled", "DISABLED", "preferred", "PREFERRED", "required", "REQUIRED",
                        "verify_ca", "VERIFY_CA", "verify_identity", "VERIFY_IDENTITY"))));
    }

    private static final class MssqlTable {
        static final Translations TABLE = new Translations(passThrough())
                .with("driver", drop("ODBC parameter", "mssql-jdbc speaks TDS itself and needs no ODBC driver"))
                .with("odbc_connect", refuse("a raw ODBC connection string cannot be translated;"
                        + " give host, port, database, username and password instead"))
                .with("Encrypt", Translations::mssqlEncrypt)
                .with("TrustServerCertificate", bool("trustServerCertificate"))
                .with("Trusted_Connection", bool("integratedSecurity"))
                .with("timeout", seconds("loginTimeout"))
                .with("login_timeout", seconds("loginTimeout"))
                .with("ApplicationIntent", rename("applicationIntent"));
    }

    private static final class SqliteTable {
        static final Translations TABLE = new Translations(passThrough())
                .with("timeout", secondsAsMillis("busy_timeout"))
                // sqlite-jdbc takes SQLite's open flags as a number: READONLY 1, READWRITE 2, CREATE 4
                .with("mode", choice("open_mode", ordered("ro", "1", "rw", "2", "rwc", "6")))
                .with("cache", choice("shared_cache", ordered("shared", "true", "private", "false")))
                .with("uri", drop("sqlite-jdbc always accepts file: URIs"))
                .with("check_same_thread", drop("Python-only"))
                .with("detect_types", drop("Python-only"))
                .with("cached_statements", drop("Python-only"))
                .with("isolation_level", drop("Python-only; use the isolation_level of create_engine_kwargs"));
    }

    private static final class DuckdbTable {
        static final Translations TABLE = new Translations(passThrough())
                .with("read_only", bool("duckdb.read_only"))
                .with("access_mode", (key, value, target) -> {
                    // the JDBC driver opens read-only through its own property; other modes are DuckDB settings
                    if (value.trim().equalsIgnoreCase("read_only")) {
                        target.property("duckdb.read_only", "true");
                    } else {
                        target.property(key, value);
                    }
                });
    }

    private static final class OracleTable {
        static final Translations TABLE = new Translations(passThrough())
                .with("service_name", urlSetting())
                .with("sid", urlSetting())
                .with("mode", Translations::oracleMode)
                .with("encoding", drop("the thin driver always uses the database character set"))
                .with("nencoding", drop("the thin driver always uses the database character set"));
    }

    // H2 settings belong in the URL as ";KEY=VALUE"; secrets never do
    private static final class H2Table {
        static final Translations TABLE = new Translations((key, value, target) -> {
            if (Masking.isSecretKey(key)) {
                target.property(key, value);
            } else if (value.replace("\\;", "").indexOf(';') >= 0) {
                // H2 reads "\;" inside a setting as a literal ';' (INIT runs several statements that way)
                throw SqlState.INVALID_VALUE.exception("the h2 setting " + key + " cannot contain a bare ';' because "
                        + "H2 separates its URL settings with it; write \\; to keep it inside the setting");
            } else {
                target.urlSetting(key, value);
            }
        });
    }

    // every parameter is collected for the URL form, which maps them all through the snowflake
    // connection type's own table (through TypeUrlForm): one mapping for both roads to Snowflake.
    // The two named here are the renames the dialect table shows; the Snowflake key table of docs/snowflake.md lists them all.
    private static final class SnowflakeTable {
        static final Translations TABLE = new Translations(urlSetting())
                .with("database", urlSetting())
                .with("private_key_file_pwd", urlSetting());
    }

    private static final Set<String> ORACLE_PRIVILEGES =
            Set.of("sysdba", "sysoper", "sysasm", "sysbackup", "sysdg", "syskm", "sysrac");

    private final Map<String, ParameterRule> rules = new HashMap<>();
    // as written above, in that order: the generated dialect table lists them so
    private final Set<String> names = new LinkedHashSet<>();
    private final ParameterRule otherwise;

    private Translations(ParameterRule otherwise) {
        this.otherwise = otherwise;
    }

    private Translations with(String pythonName, ParameterRule rule) {
        rules.put(pythonName.toLowerCase(Locale.ROOT), rule);
        names.add(pythonName);
        return this;
    }

    /** The Python names this table translates, as usually spelled; every other name gets the default rule. */
    Set<String> names() {
        return Collections.unmodifiableSet(names);
    }

    void apply(String key, String value, TargetBuilder target) throws SQLException {
        rules.getOrDefault(key.toLowerCase(Locale.ROOT), otherwise).apply(key, value, target);
    }

    // ODBC says yes/no; mssql-jdbc 12 also knows strict, mandatory and optional, passed as they are
    private static void mssqlEncrypt(String key, String value, TargetBuilder target) throws SQLException {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        boolean yesOrNo = Set.of("yes", "no", "true", "false", "on", "off", "1", "0").contains(lower);
        target.property("encrypt", yesOrNo ? Boolean.toString(ParameterRule.bool(key, value)) : lower);
    }

    // MariaDB's driver names the TLS modes differently and has no "preferred" (try TLS, else plain text)
    private static void mariadbSslMode(String key, String value, TargetBuilder target) throws SQLException {
        if (value.trim().equalsIgnoreCase("preferred")) {
            drop("MariaDB's driver has no 'preferred' TLS mode; use REQUIRED to insist on TLS")
                    .apply(key, value, target);
            return;
        }
        choice("sslMode", ordered("disabled", "disable", "required", "trust",
                "verify_ca", "verify-ca", "verify_identity", "verify-full")).apply(key, value, target);
    }

    // python-oracledb takes SYSDBA and friends as "mode"; the thin driver calls it internal_logon
    private static void oracleMode(String key, String value, TargetBuilder target) throws SQLException {
        String privilege = value.trim().toLowerCase(Locale.ROOT).replaceFirst("^(oracledb\\.)?auth_mode_", "");
        if (ORACLE_PRIVILEGES.contains(privilege)) {
            target.property("internal_logon", privilege);
        } else {
            drop("only the SYS* privileges have a JDBC equivalent (internal_logon)").apply(key, value, target);
        }
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
