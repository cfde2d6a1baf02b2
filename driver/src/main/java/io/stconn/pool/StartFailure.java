package io.stconn.pool;

import io.stconn.SqlState;
import io.stconn.internal.Masking;
import io.stconn.spi.PoolTarget;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

/** What went wrong when a pool could not start or borrow, told from the database's own SQLState. */
final class StartFailure {
    private static final Pattern SSL = Pattern.compile("\\b(SSL|TLS)\\b");

    private StartFailure() {
    }

    /** The pool start failed: the driver's own state and words, and what to check. */
    static SQLException of(String connectionName, PoolTarget target, RuntimeException e) {
        SQLException cause = rootSqlException(e);
        String what = target.driver() != null ? Masking.url(target.jdbcUrl()) : target.implementationClass();
        if (cause == null) {
            return SqlState.INVALID_POOL_SETTING.exception("Cannot start the pool for connection '" + connectionName
                    + "' (" + what + "): " + PoolSettings.hikariMessage(e), e);
        }
        String state = cause.getSQLState() != null ? cause.getSQLState() : SqlState.CONNECTION_FAILED.code();
        String message = Masking.url(String.valueOf(cause.getMessage())).strip();
        // 08004: the server rejected the connection, as pgjdbc says when it wanted a password and got
        // none, and also when the client demands SSL (sslmode=require) from a server without it
        String advice = SSL.matcher(message).find()
                ? " The client and the server disagree about SSL: check sslmode (or ssl, useSSL...) in the url or"
                        + " connect_args of [connections." + connectionName + "] against the server's SSL setting."
                : state.startsWith("28") || state.equals("08004")
                ? " Check user and password in [connections." + connectionName + "] (or the kwargs that override them)."
                        + loginHints(target)
                : connectHints(target).orElse(" Check that the database is running and reachable, and the url or "
                        + "host/port/database.");
        return SqlState.CONNECTION_FAILED.exception("Cannot connect to '" + connectionName + "' (" + what + "): "
                + message + (message.endsWith(".") ? "" : ".") + advice, state, cause);
    }

    private static String loginHints(PoolTarget target) {
        return hints(target, PoolTarget.LOGIN_HINT, " Note: ").orElse("");
    }

    private static Optional<String> connectHints(PoolTarget target) {
        return hints(target, PoolTarget.CONNECT_HINT, " ");
    }

    /** The target's notes that begin with {@code prefix}, without it, each after {@code lead}. */
    private static Optional<String> hints(PoolTarget target, String prefix, String lead) {
        StringBuilder hints = new StringBuilder();
        target.notes().stream().filter(n -> n.startsWith(prefix)).forEach(n -> {
            String hint = n.substring(prefix.length());
            hints.append(lead).append(Character.toUpperCase(hint.charAt(0))).append(hint.substring(1));
        });
        return hints.length() == 0 ? Optional.empty() : Optional.of(hints.toString());
    }

    static SQLException rootSqlException(Throwable e) {
        SQLException found = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                found = sql;
            }
        }
        return found;
    }

    /** A refused login, judged by the SQLState of the root cause (class 28), not of a wrapper. */
    static boolean isLoginFailure(Throwable e) {
        SQLException root = rootSqlException(e);
        return root != null && root.getSQLState() != null && root.getSQLState().startsWith("28");
    }
}
