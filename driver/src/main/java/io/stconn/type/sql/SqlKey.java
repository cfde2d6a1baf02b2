package io.stconn.type.sql;

import java.util.Arrays;
import java.util.List;

/**
 * Every key of a {@code type = "sql"} section, in one place: Streamlit's SQLConnection keys plus
 * stconn's few extensions. Anything else in the section reaches the type as a kwarg it does not take.
 */
public enum SqlKey {
    /** A SQLAlchemy URL ({@code postgresql://...}) or a JDBC URL ({@code jdbc:...}). */
    URL("url"),
    /** The parts form: the SQLAlchemy dialect name, with an optional {@code +driver}. */
    DIALECT("dialect"),
    /** A DBAPI driver name (Python's), or a JDBC driver class (stconn's extension). */
    DRIVER("driver"),
    HOST("host"),
    PORT("port"),
    DATABASE("database"),
    USERNAME("username"),
    /** The same as username, as JDBC tools name it. */
    USER("user"),
    PASSWORD("password"),
    /** The parts form's query parameters (a table). */
    QUERY("query"),
    /** SQLAlchemy's create_engine keyword arguments (a table). */
    CREATE_ENGINE_KWARGS("create_engine_kwargs"),
    /** HikariCP's own settings (a table; stconn's extension). */
    HIKARI("hikari"),
    AUTOCOMMIT("autocommit");

    /** The keys that give a connection by themselves: a section or kwargs with one of them is of type sql. */
    public static final List<SqlKey> DESCRIBING = List.of(URL, DIALECT);
    /** The parts of the parts form that kwargs may override in a url. */
    static final List<SqlKey> PARTS = List.of(HOST, PORT, DATABASE, USERNAME, USER, PASSWORD);

    private final String key;

    SqlKey(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    static List<String> keys(List<SqlKey> keys) {
        return keys.stream().map(SqlKey::key).toList();
    }

    /** For tests and docs: every key name. */
    public static List<String> all() {
        return Arrays.stream(values()).map(SqlKey::key).toList();
    }
}
