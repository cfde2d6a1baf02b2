package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/** Proof that a secret shows up nowhere a user, a log or a tool could read it (SEMANTICS 9). */
final class Leaks {
    private Leaks() {
    }

    /** Everything an exception can show: messages, toString and stack traces of causes, suppressed and next exceptions. */
    static String everythingShownBy(Throwable error) {
        StringBuilder all = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        collect(error, all, seen);
        return all.toString();
    }

    private static void collect(Throwable t, StringBuilder all, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return;
        }
        all.append(t).append('\n').append(t.getMessage()).append('\n').append(t.getLocalizedMessage()).append('\n');
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        all.append(trace).append('\n');
        collect(t.getCause(), all, seen);
        for (Throwable s : t.getSuppressed()) {
            collect(s, all, seen);
        }
        if (t instanceof SQLException sql) {
            collect(sql.getNextException(), all, seen);
        }
    }

    static void assertNoPassword(Throwable error) {
        assertThat(everythingShownBy(error))
                .as("the password must appear in no message, cause or toString")
                .doesNotContain(Project.PASSWORD);
    }
}
