package io.stconn.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.function.IntSupplier;

/**
 * A spinner line on stderr while the tool waits, redrawn in place with a carriage return, only
 * for a person at a terminal: redirected output must stay free of it. Lines printed through
 * {@link #println} clear it first, so it never ends up in the middle of a result line.
 */
final class Progress implements AutoCloseable {
    private static final String FRAMES = "|/-\\";
    private static final long FRAME_MILLIS = 120;

    private final PrintStream err;
    private final String what;
    private final IntSupplier done;
    private final int total;
    private final Thread thread;
    private int frame;
    private int drawn;
    private boolean closed;

    private Progress(PrintStream err, String what, IntSupplier done, int total, boolean shown) {
        this.err = err;
        this.what = what;
        this.done = done;
        this.total = total;
        this.thread = shown ? new Thread(this::spin, "stconn-progress") : null;
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Shown only when {@code shown}; see {@link #terminal()}. */
    static Progress start(PrintStream err, String what, IntSupplier done, int total, boolean shown) {
        return new Progress(err, what, done, total, shown);
    }

    /**
     * True when a person is watching: System.console() is null when stdin or stdout is redirected
     * (Java 17 to 21); from Java 22 it is never null and isTerminal() says.
     */
    static boolean terminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }

    synchronized void println(PrintStream out, String line) {
        clear();
        out.println(line);
        out.flush();
    }

    synchronized void draw() {
        if (closed) {
            return;
        }
        String text = FRAMES.charAt(frame++ % FRAMES.length()) + " " + what + ": " + done.getAsInt() + " of " + total
                + " done";
        err.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())) + "\r");
        err.flush();
        drawn = text.length();
    }

    private void clear() {
        if (drawn > 0) {
            err.print("\r" + " ".repeat(drawn) + "\r");
            err.flush();
            drawn = 0;
        }
    }

    private void spin() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                draw();
                Thread.sleep(FRAME_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
        synchronized (this) {
            closed = true;
            clear();
        }
    }
}
