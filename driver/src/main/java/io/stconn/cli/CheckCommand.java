package io.stconn.cli;

import io.stconn.SqlState;
import io.stconn.internal.TextTable;
import io.stconn.secrets.Secrets;
import io.stconn.spi.PoolTarget;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@code check [<name>...]}: connects to each connection through the driver, all at once, and
 * runs the real driver's validation ({@code Connection.isValid}). Each check is bounded by
 * {@code --timeout}: the JDBC login timeout asks drivers that honour it to give up by then, and
 * the tool stops waiting shortly after in any case, so an unreachable host costs seconds, not
 * HikariCP's 30. One line per connection, in the order given; exit 0 only when all are OK.
 */
final class CheckCommand {
    // a driver that honours the login timeout gets to report its own, more precise, failure first
    private static final long GRACE_MILLIS = 500;
    private static final int VALIDATION_SECONDS = 5;

    /** The JSON contract (docs/cli.md, "The JSON contract"): name, ok, millis, error (null when OK), warnings. */
    record Outcome(String name, boolean ok, long millis, String error, List<String> warnings) {
        Outcome(String name, boolean ok, long millis, String error) {
            this(name, ok, millis, error, List.of());
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("ok", ok);
            json.put("millis", millis);
            json.put("error", error);
            json.put("warnings", warnings);
            return json;
        }

        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Outcome other
                && Objects.equals(name, other.name)
                && Objects.equals(ok, other.ok)
                && Objects.equals(millis, other.millis)
                && Objects.equals(error, other.error);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, ok, millis, error);
        }

        @Override
        public String toString() {
            return "Outcome[name=" + name + ", ok=" + ok + ", millis=" + millis + ", error=" + error + "]";
        }
    }

    private CheckCommand() {
    }

    static int run(CommandLine commandLine, DriverPath drivers, PrintStream out, PrintStream err) throws SQLException {
        Properties properties = commandLine.connectProperties();
        List<String> names = commandLine.operands().isEmpty() ? everyName(properties) : commandLine.operands();
        int timeout = commandLine.timeoutSeconds();
        int loginTimeout = DriverManager.getLoginTimeout();
        DriverManager.setLoginTimeout(timeout);
        int width = names.stream().mapToInt(String::length).max().orElse(0);
        AtomicInteger done = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "stconn-check");
            // a driver stuck on a silent host must not keep the JVM alive
            thread.setDaemon(true);
            thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            return thread;
        });
        List<Future<Outcome>> futures = new ArrayList<>();
        Map<String, List<String>> warnings = new LinkedHashMap<>();
        names.forEach(name -> warnings.put(name, warnings(name, properties)));
        long start = System.nanoTime();
        for (String name : names) {
            futures.add(threads.submit(() -> {
                try {
                    return check(name, properties, warnings.get(name), drivers, Math.min(timeout, VALIDATION_SECONDS));
                } finally {
                    done.incrementAndGet();
                }
            }));
        }
        long deadline = start + TimeUnit.SECONDS.toNanos(timeout) + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        List<Outcome> outcomes = new ArrayList<>();
        boolean spinner = !commandLine.debug() && Progress.terminal();
        try (Progress progress = Progress.start(err, "checking " + names.size()
                + (names.size() == 1 ? " connection" : " connections"), done::get, names.size(), spinner)) {
            for (int i = 0; i < names.size(); i++) {
                Outcome outcome = await(names.get(i), futures.get(i), deadline, start, timeout);
                outcomes.add(outcome);
                if (!commandLine.json()) {
                    progress.println(out, line(outcome, width));
                }
            }
        } finally {
            threads.shutdownNow();
            DriverManager.setLoginTimeout(loginTimeout);
        }
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        if (commandLine.json()) {
            JsonWriter.write(outcomes.stream().map(Outcome::json).toList(), 1, out);
        } else {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            out.println((outcomes.size() - failed) + " OK, " + failed + " failed, in " + millis + " ms");
            LintCommand.summary(properties).ifPresent(out::println);
        }
        return failed == 0 ? Main.OK : Main.FAILURE;
    }

    private static List<String> everyName(Properties properties) throws SQLException {
        Secrets secrets = Connections.secrets(properties);
        if (secrets.connectionNames().isEmpty()) {
            throw SqlState.UNKNOWN_CONNECTION.exception("Nothing to check: no [connections.<name>] section in "
                    + (secrets.files().isEmpty() ? "any secrets file (searched " + secrets.plan().entries() + ")"
                    : secrets.files()) + ". Name the connections to check, or point the tool at your project with "
                    + "--project DIR.");
        }
        return List.copyOf(secrets.connectionNames());
    }

    /**
     * What the user should know even when the connection works (a database file it is about to
     * create), read before connecting and outside the timed check; a name that does not resolve
     * has none, and its check says why.
     */
    private static List<String> warnings(String name, Properties properties) {
        try {
            return Connections.describe(name, properties).target().notes().stream()
                    .filter(n -> n.startsWith(PoolTarget.WARNING)).toList();
        } catch (SQLException | RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    private static Outcome check(String name, Properties properties, List<String> warnings, DriverPath drivers,
                                 int validationSeconds) {
        long start = System.nanoTime();
        try (Connection connection = Connections.open(name, properties)) {
            if (!connection.isValid(validationSeconds)) {
                return new Outcome(name, false, since(start), "the driver's validation (Connection.isValid) failed");
            }
            return new Outcome(name, true, since(start), null, warnings);
        } catch (Exception | LinkageError e) {
            CliLogging.debug(() -> name + ": " + CauseChain.oneLine(e));
            return new Outcome(name, false, since(start), CauseChain.oneLine(drivers.withPlacesSearched(e)));
        }
    }

    private static Outcome await(String name, Future<Outcome> future, long deadline, long start, int timeout) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome(name, false, since(start), "no answer in " + timeout + " s: the host may be unreachable"
                    + " or silent (give it longer with --timeout SECONDS)");
        } catch (ExecutionException e) {
            return new Outcome(name, false, since(start), CauseChain.oneLine(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(name, false, since(start), "interrupted");
        }
    }

    private static long since(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String line(Outcome outcome, int width) {
        String name = TextTable.visible(outcome.name()) + " ".repeat(Math.max(0, width - outcome.name().length()));
        String time = String.format("%6d ms", outcome.millis());
        if (!outcome.ok()) {
            return name + "  FAILED  " + time + "  " + outcome.error();
        }
        return name + "  OK      " + time + outcome.warnings().stream().map(w -> "  " + w).collect(Collectors.joining());
    }
}
