package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.it.CliProcess.Run;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SEMANTICS.md section 9 for the command-line tool: a project whose secrets hold distinctive
 * passwords, a Snowflake OAuth token, a private-key passphrase and a password inside a URL. No
 * command prints any of them, in any output form, with --debug, or when the connection fails.
 */
class CliSecretHygieneIT {
    private static final String H2_PASSWORD = "Hyg-H2-Pw-4471";
    private static final String PG_PASSWORD = "Hyg-Pg-Pw-8812";
    private static final String SSL_PASSWORD = "Hyg-Ssl-Pw-1209";
    private static final String TOKEN = "Hyg-Token-ab12cd34ef56";
    private static final String KEY_PASSPHRASE = "Hyg-KeyPass-7762";
    private static final String KWARG_PASSWORD = "Hyg-Kwarg-Pw-3390";
    private static final List<String> SECRETS = List.of(H2_PASSWORD, PG_PASSWORD, SSL_PASSWORD, TOKEN, KEY_PASSPHRASE,
            KWARG_PASSWORD);

    @TempDir
    Path temp;
    private CliProcess cli;
    private Project project;

    @BeforeEach
    void secrets() throws Exception {
        cli = new CliProcess(temp);
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        project = Project.in(temp).secrets("""
                [connections.pets]
                dialect = "h2"
                database = "db/pets"
                username = "sa"
                password = "%s"

                [connections.pg_down]
                url = "postgresql://app:%s@127.0.0.1:%d/shop?sslpassword=%s"

                [connections.snow]
                account = "stconn-hygiene-test.invalid"
                user = "bot"
                authenticator = "oauth"
                token = "%s"
                warehouse = "wh"

                [connections.snow_key]
                type = "snowflake"
                account = "stconn-hygiene-test.invalid"
                user = "bot"
                authenticator = "SNOWFLAKE_JWT"
                private_key_file = "keys/rsa_key.p8"
                private_key_file_pwd = "%s"
                """.formatted(H2_PASSWORD, PG_PASSWORD, closedPort, SSL_PASSWORD, TOKEN, KEY_PASSPHRASE));
        Project.write(project.resolve("keys/rsa_key.p8"), "-----BEGIN ENCRYPTED PRIVATE KEY-----\nnot a key\n"
                + "-----END ENCRYPTED PRIVATE KEY-----\n");
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + project.resolve("db/pets"), "sa", H2_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pets (id INT, name VARCHAR(20))");
            s.execute("INSERT INTO pets VALUES (1, 'Biscuit')");
        }
    }

    private Run stconn(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project", project.dir().toString()));
        for (Class<?> driver : List.of(org.h2.Driver.class, org.postgresql.Driver.class,
                net.snowflake.client.jdbc.SnowflakeDriver.class)) {
            all.addAll(List.of("--driver-path", Jars.of(driver).toString()));
        }
        return cli.run(all);
    }

    @Test
    void noCommandPrintsASecret() throws Exception {
        Map<String, Run> runs = new LinkedHashMap<>();
        for (String flags : List.of("", "--json", "--debug", "--json --debug")) {
            String[] extra = flags.isEmpty() ? new String[0] : flags.split(" ");
            runs.put("list " + flags, stconn(concat(new String[] {"list"}, extra)));
            for (String name : List.of("pets", "pg_down", "snow", "snow_key")) {
                runs.put("describe " + name + " " + flags, stconn(concat(new String[] {"describe", name}, extra)));
            }
            runs.put("check " + flags, stconn(concat(new String[] {"check", "--timeout", "3"}, extra)));
            runs.put("query " + flags, stconn(concat(new String[] {"query", "pets", "SELECT * FROM pets"}, extra)));
            runs.put("query pg_down " + flags, stconn(concat(new String[] {"query", "pg_down", "SELECT 1"}, extra)));
            runs.put("query wrong password " + flags, stconn(concat(new String[] {"query", "pets", "SELECT 1", "-p",
                    "password=" + KWARG_PASSWORD}, extra)));
            runs.put("describe kwarg password " + flags, stconn(concat(new String[] {"describe", "pets", "-p",
                    "password=" + KWARG_PASSWORD}, extra)));
        }
        runs.forEach((what, run) -> {
            for (String secret : SECRETS) {
                assertThat(run.all()).as("%s printed a secret:%n%s", what, run.all()).doesNotContain(secret);
            }
        });
        // the runs did what they say: the good ones worked, the failing ones failed, and said why
        assertThat(runs.get("query ").exit()).isZero();
        assertThat(runs.get("query ").out()).contains("Biscuit");
        assertThat(runs.get("describe snow ").out()).contains("net.snowflake.client.jdbc.SnowflakeDriver", "token", "****");
        assertThat(runs.get("describe snow_key --json").out()).contains("\"private_key_file_pwd\": \"****\"");
        assertThat(runs.get("query pg_down ").exit()).isEqualTo(1);
        assertThat(runs.get("query wrong password --debug").exit()).isEqualTo(1);
        assertThat(runs.get("query wrong password --debug").err()).contains("\tat ");
        assertThat(runs.get("check --json").exit()).isEqualTo(1);
        assertThat(runs.get("check --json").out()).contains("{\"name\": \"pets\", \"ok\": true");
        // snowflake-jdbc's INFO chatter ("Opening session...") only with --debug
        assertThat(runs.get("check ").err()).doesNotContain("Opening session");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
