package io.stconn.secrets;

import io.stconn.SqlState;
import io.stconn.internal.DaemonThreads;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The secrets of one file list, kept fresh: on the connection path it costs a clock read, and at
 * most once per {@link #CHECK_INTERVAL_NANOS} per file list it compares the files' stamps and
 * re-parses only when they changed. Each parse gets a new generation number; pools remember the
 * generation they were built from.
 */
public final class SecretsWatch {
    public static final long CHECK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final Path project;
    private final Path home;
    private final String secretsFilesKwarg;
    private final String envSecretsFiles;
    private volatile Snapshot snapshot;
    private volatile boolean due = true;
    private volatile boolean checking;
    private static final VarHandle CHECKING;
    /**
     * Marks watches due again {@link #CHECK_INTERVAL_NANOS} after each check. One daemon thread for
     * every watch, alive only while a mark is pending (it ends a second after the last one), so an
     * idle JVM or a deregistered driver keeps no stconn thread.
     */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    static {
        try {
            CHECKING = MethodHandles.lookup().findVarHandle(SecretsWatch.class, "checking", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One parse: the merged secrets, or the error that parsing gave. */
    public static final class Snapshot {
        private final long generation;
        private final Secrets secrets;
        private final SQLException error;
        private final List<Path> watched;
        private final List<FileStamps.Stamp> stamps;

        /** The stamps are taken before the files are read, so an edit made while reading is not missed. */
        Snapshot(long generation, Secrets secrets, SQLException error, List<Path> watched, List<FileStamps.Stamp> stamps) {
            this.generation = generation;
            this.secrets = secrets;
            this.error = error;
            this.watched = watched;
            this.stamps = stamps;
        }

        public long generation() {
            return generation;
        }

        /** The merged secrets; throws a fresh copy of the parse error when the files are broken. */
        public Secrets secrets() throws SQLException {
            if (error != null) {
                throw SqlState.restated(error.getMessage(), error);
            }
            return secrets;
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("stconn-secrets-timer"));
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }

    SecretsWatch(Path project, Path home, String secretsFilesKwarg, String envSecretsFiles) {
        this.project = project;
        this.home = home;
        this.secretsFilesKwarg = secretsFilesKwarg;
        this.envSecretsFiles = envSecretsFiles;
    }

    public Path project() {
        return project;
    }

    /**
     * The current secrets, re-read if the files changed and the last check is old enough. On the
     * connection path this is two volatile reads: the interval is kept by a timer that marks the
     * watch due again, not by reading the clock on every borrow.
     */
    public Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && !due) {
            return s;
        }
        if (s != null && !CHECKING.compareAndSet(this, false, true)) {
            return s; // another thread is comparing the files: borrowers do not queue behind it
        }
        try {
            return check(false);
        } finally {
            checking = false;
        }
    }

    /** Compare the files now, ignoring the interval (used after a login failure). */
    public Snapshot refresh() {
        return check(true);
    }

    private synchronized Snapshot check(boolean force) {
        Snapshot s = snapshot;
        if (s != null && !force && !due) {
            return s;
        }
        if (s == null || !FileStamps.of(s.watched).equals(s.stamps)) {
            s = load(s == null ? 1 : s.generation + 1);
        }
        snapshot = s;
        due = false;
        TIMER.schedule(() -> {
            due = true;
        }, CHECK_INTERVAL_NANOS, TimeUnit.NANOSECONDS);
        return s;
    }

    private Snapshot load(long generation) {
        List<Path> watched = defaultWatch();
        List<FileStamps.Stamp> stamps = FileStamps.of(watched);
        try {
            SecretsPlan plan = SecretsLocator.locate(project, home, secretsFilesKwarg, envSecretsFiles);
            watched = paths(plan);
            stamps = FileStamps.of(watched);
            List<SecretsSource> sources = new ArrayList<>();
            for (Path entry : plan.entries()) {
                if (Files.exists(entry)) {
                    sources.add(SecretsParser.parse(entry));
                }
            }
            return new Snapshot(generation, new Secrets(plan, sources), null, watched, stamps);
        } catch (SQLException e) {
            return new Snapshot(generation, null, e, watched, stamps);
        } catch (RuntimeException e) {
            SQLException wrapped = SqlState.MALFORMED_SECRETS.exception("Cannot read the secrets: "
                    + e.getClass().getSimpleName(), e);
            return new Snapshot(generation, null, wrapped, watched, stamps);
        } catch (StackOverflowError e) {
            // the input bounds keep the parser far from this; should a form slip past them, the
            // pools already running must get an SQLException, not an Error, on every borrow
            SQLException wrapped = SqlState.MALFORMED_SECRETS.exception("Cannot read the secrets: they nest too deeply "
                    + "for this thread's stack. Check the secrets files " + watched + " for deeply nested arrays or tables.");
            return new Snapshot(generation, null, wrapped, watched, stamps);
        }
    }

    private static List<Path> paths(SecretsPlan plan) {
        List<Path> paths = new ArrayList<>(plan.configFiles());
        paths.addAll(plan.entries());
        return paths;
    }

    private List<Path> defaultWatch() {
        return List.of(project.resolve(".streamlit").resolve("config.toml"), home.resolve(".streamlit").resolve("config.toml"),
                project.resolve(".streamlit").resolve("secrets.toml"), home.resolve(".streamlit").resolve("secrets.toml"));
    }
}
