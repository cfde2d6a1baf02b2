package io.stconn.cli;

import io.stconn.internal.Masking;
import java.io.PrintStream;
import java.util.function.Supplier;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * stconn logs through java.util.logging, whose console format takes two lines per message. The
 * tool prints each record as one {@code stconn: } line on stderr instead: warnings always,
 * stconn's and HikariCP's debug lines with {@code --debug}. Real drivers that log through
 * java.util.logging too (snowflake-jdbc says "Opening session..." at INFO) keep their own format,
 * and show only warnings unless {@code --debug}: their chatter would bury check's result lines.
 */
final class CliLogging {
    // java.util.logging holds loggers weakly: a level set on an unreferenced logger can vanish
    private static final Logger STCONN = Logger.getLogger("io.stconn");
    private static final Logger HIKARI = Logger.getLogger("io.stconn.shaded.hikari");
    private static final Logger EVERY_OTHER = Logger.getLogger("");

    private CliLogging() {
    }

    static void configure(boolean debug, PrintStream err) {
        Level level = debug ? Level.FINE : Level.WARNING;
        Formatter formatter = new Formatter() {
            @Override
            public String format(LogRecord record) {
                String message = formatMessage(record);
                message = message.startsWith("stconn: ") ? message.substring("stconn: ".length()) : message;
                String kind = record.getLevel().intValue() >= Level.WARNING.intValue() ? "warning: " : "debug: ";
                String cause = record.getThrown() == null ? "" : " (" + CauseChain.oneLine(record.getThrown()) + ")";
                return "stconn: " + kind + Masking.url(message) + cause;
            }
        };
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    err.println(formatter.format(record));
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        handler.setLevel(level);
        for (Handler old : STCONN.getHandlers()) {
            STCONN.removeHandler(old);
        }
        STCONN.addHandler(handler);
        STCONN.setUseParentHandlers(false);
        STCONN.setLevel(level);
        HIKARI.setLevel(level);
        EVERY_OTHER.setLevel(debug ? Level.INFO : Level.WARNING);
    }

    /** A debug line, shown only with --debug. */
    static void debug(Supplier<String> message) {
        STCONN.fine(message);
    }
}
