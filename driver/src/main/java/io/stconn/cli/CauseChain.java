package io.stconn.cli;

import io.stconn.internal.Masking;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** An exception as one line: its message, then " (caused by: ...)" for each cause. */
final class CauseChain {
    private CauseChain() {
    }

    static String oneLine(Throwable failure) {
        String first = text(failure, true);
        StringBuilder line = new StringBuilder(first);
        String previous = first;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(failure);
        for (Throwable cause = failure.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            String text = text(cause, false);
            // wrappers often repeat their cause's message: say it once
            if (!previous.contains(text)) {
                line.append(" (caused by: ").append(text).append(')');
            }
            previous = text;
        }
        return line.toString();
    }

    /**
     * stconn masks its own messages; a real driver's message is masked here too, in case it quotes
     * its URL. An exception that is not an SQLException is named, since "Connection refused" alone
     * does not say which layer refused.
     */
    private static String text(Throwable t, boolean first) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getName();
        }
        String oneLine = Masking.url(message.replaceAll("\\s*\\R\\s*", " ").strip());
        return first || t instanceof SQLException ? oneLine : t.getClass().getSimpleName() + ": " + oneLine;
    }
}
