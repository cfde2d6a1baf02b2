package io.stconn.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;

/**
 * Real databases made with the real drivers directly (never through stconn), each holding a
 * table {@code marker(v)} with one row, so that a query through stconn proves which database it
 * reached.
 */
final class Dbs {
    private Dbs() {
    }

    /** An H2 file database at {@code path} (H2 adds .mv.db), made without a user. Returns the path. */
    static Path h2File(Path path, String marker) throws SQLException {
        return h2File(path, marker, "", "");
    }

    /** An H2 file database whose administrator is {@code user}. Returns the path. */
    static Path h2File(Path path, String marker, String user, String password) throws SQLException {
        Path absolute = path.toAbsolutePath();
        mkdirs(absolute.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + absolute, user, password)) {
            mark(c, marker);
        }
        return absolute;
    }

    static Path sqliteFile(Path path, String marker) throws SQLException {
        Path absolute = path.toAbsolutePath();
        mkdirs(absolute.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + absolute)) {
            mark(c, marker);
        }
        return absolute;
    }

    static Path duckdbFile(Path path, String marker) throws SQLException {
        Path absolute = path.toAbsolutePath();
        mkdirs(absolute.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + absolute)) {
            mark(c, marker);
        }
        return absolute;
    }

    static void mark(Connection c, String marker) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE marker(v VARCHAR(100))");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO marker(v) VALUES (?)")) {
            p.setString(1, marker);
            p.executeUpdate();
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /** The marker of the database this connection reached. */
    static String marker(Connection c) throws SQLException {
        return one(c, "SELECT v FROM marker");
    }

    /** The first column of the first row. */
    static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row for " + sql);
            }
            return rs.getString(1);
        }
    }

    /** The H2 clock now, as SESSION_START values are written. */
    static OffsetDateTime h2Now(Connection monitor) throws SQLException {
        try (Statement s = monitor.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_TIMESTAMP")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    /**
     * Open sessions of the H2 database {@code monitor} is connected to, other than the monitor's
     * own: the physical connections the pools hold to it.
     */
    static int h2OtherSessions(Connection monitor) {
        return h2OtherSessionsStartedBefore(monitor, null);
    }

    /** Like {@link #h2OtherSessions} but only those opened before {@code before} (null: all). */
    static int h2OtherSessionsStartedBefore(Connection monitor, OffsetDateTime before) {
        String sql = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()"
                + (before == null ? "" : " AND SESSION_START < ?");
        try (PreparedStatement p = monitor.prepareStatement(sql)) {
            if (before != null) {
                p.setObject(1, before);
            }
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot count H2 sessions", e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
