package io.stconn.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of the reliability tests' own (Debian's postgresql-common tools), on port
 * {@link #PORT} with password logins over TCP, so that a test may kill it, restart it, terminate its
 * backends and change its passwords without disturbing anyone else's server. Created by
 * {@link #start}, dropped by {@link #drop}. Needs root (as CI runs) or the postgres user.
 */
final class OwnPostgres {
    static final int PORT = 5439;
    static final String CLUSTER = "stconn_reliability";
    static final String ROLE = "stconn_rel_app";
    static final String DATABASE = "stconn_rel";
    private static final String SOCKET = "/var/run/postgresql";
    private final String version;

    private OwnPostgres(String version) {
        this.version = version;
    }

    /** The cluster, created and started (or, without the tools, a skip; in CI a failure). */
    static OwnPostgres start(String password) throws IOException, InterruptedException {
        Path versions = Path.of("/etc/postgresql");
        boolean tools = new File("/usr/bin/pg_createcluster").canExecute() && Files.isDirectory(versions);
        if (!tools) {
            String why = "PostgreSQL's pg_createcluster is not installed (apt-get install postgresql)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        String version;
        try (var list = Files.list(versions)) {
            version = list.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
        OwnPostgres pg = new OwnPostgres(version);
        pg.run(false, "pg_dropcluster", "--stop", version, CLUSTER);
        pg.run(true, "pg_createcluster", version, CLUSTER, "-p", String.valueOf(PORT), "--",
                "--auth-host=scram-sha-256", "--auth-local=trust");
        pg.startServer();
        pg.sql("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + password + "'");
        pg.sql("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
        return pg;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + PORT + "/" + DATABASE;
    }

    void startServer() throws IOException, InterruptedException {
        run(true, "pg_ctlcluster", "--skip-systemctl-redirect", version, CLUSTER, "start");
    }

    /** The server killed as a crash would: no checkpoint, every backend gone at once. */
    void kill() throws IOException, InterruptedException {
        run(true, "pg_ctlcluster", "--skip-systemctl-redirect", version, CLUSTER, "stop", "-m", "immediate");
    }

    void password(String password) throws IOException, InterruptedException {
        sql("ALTER ROLE " + ROLE + " PASSWORD '" + password + "'");
    }

    /** Terminates every backend of the test role; returns how many. */
    int terminateBackends() throws IOException, InterruptedException {
        String out = sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = '" + ROLE + "'");
        // a backend that ended meanwhile is a WARNING on the same output: the count is the last line
        List<String> lines = out.strip().lines().toList();
        return Integer.parseInt(lines.get(lines.size() - 1).strip());
    }

    void drop() throws IOException, InterruptedException {
        run(false, "pg_dropcluster", "--stop", version, CLUSTER);
    }

    /** One statement as the superuser over the local socket (trusted); its unaligned output. */
    String sql(String statement) throws IOException, InterruptedException {
        return run(true, "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", SOCKET, "-p", String.valueOf(PORT),
                "-U", "postgres", "-d", "postgres", "-c", statement);
    }

    private String run(boolean check, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        Path out = Files.createTempFile("own-postgres", ".out");
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("did not finish in 60 s: " + line);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (check && p.exitValue() != 0) {
                throw new AssertionError("exit " + p.exitValue() + " from " + line.get(0) + ": " + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
