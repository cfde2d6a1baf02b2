package io.stconn.it;

import static io.stconn.it.Servers.APP_PASSWORD;
import static io.stconn.it.Servers.APP_USER;
import static io.stconn.it.Servers.DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.StconnDataSource;
import io.stconn.it.CliProcess.Run;
import io.stconn.it.Servers.Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase migrating PostgreSQL through stconn: from Java with stconn's DataSource, and with the
 * Liquibase command line, which guesses the driver from the URL prefix and so needs
 * {@code --driver=io.stconn.StconnDriver}. Each run works in a schema of its own (pgjdbc's
 * {@code currentSchema}, given in the section's url), dropped afterwards.
 */
class LiquibaseIT {
    private static final Path CHANGELOGS = Jars.testClasses().resolve("liquibase");

    @TempDir
    Path tmp;

    @BeforeEach
    void server() {
        Servers.require(Server.POSTGRESQL);
    }

    private Project project(String name, PgSchema schema) {
        return Project.in(tmp).secrets("[connections." + name + "]\n"
                + "url = \"postgresql://" + APP_USER + ":" + Project.encode(APP_PASSWORD) + "@127.0.0.1:5432/"
                + DATABASE + "?currentSchema=" + schema.name() + "\"\n"
                + "create_engine_kwargs = { pool_size = 1, max_overflow = 0 }\n");
    }

    @Test
    void javaApiWithStconnsDataSourceMigratesAndKnowsTheDatabase() throws Exception {
        String name = Project.uniqueName("lbjava");
        try (PgSchema schema = PgSchema.create("lb")) {
            Project project = project(name, schema);
            StconnDataSource dataSource = new StconnDataSource(name);
            dataSource.setProjectDir(project.dir().toString());
            try (Connection c = dataSource.getConnection()) {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(c));
                assertThat(database.getShortName()).isEqualTo("postgresql");
                assertThat(database.getDefaultSchemaName()).isEqualTo(schema.name());
                try (Liquibase liquibase = new Liquibase("pets.sql", new DirectoryResourceAccessor(CHANGELOGS), database)) {
                    liquibase.update();
                }
            }
            try (Connection c = dataSource.getConnection()) {
                assertThat(Dbs.one(c, "SELECT string_agg(name, ',' ORDER BY id) FROM pets")).isEqualTo("Biscuit,Miso,Pickles");
                assertThat(Dbs.one(c, "SELECT count(*) FROM databasechangelog")).isEqualTo("2");
            }
        }
    }

    @Test
    void commandLineNeedsTheDriverFlagAndThenMigrates() throws Exception {
        String name = Project.uniqueName("lbcli");
        try (PgSchema schema = PgSchema.create("lb")) {
            Project project = project(name, schema);
            String url = project.url(name);
            CliProcess cli = new CliProcess(tmp);
            List<String> launch = List.of("-cp", System.getProperty("java.class.path"),
                    "liquibase.integration.commandline.LiquibaseCommandLine");
            // no usage report leaves the test machine
            Map<String, String> env = Map.of("LIQUIBASE_ANALYTICS_ENABLED", "false");

            Run guessed = cli.run(launch, env, "--url=" + url, "--search-path=" + CHANGELOGS,
                    "--changelog-file=pets.sql", "update");
            System.out.println("without --driver: exit " + guessed.exit() + "\n" + guessed.err());
            assertThat(guessed.exit()).isNotZero();
            assertThat(guessed.all()).contains("Driver class was not specified and could not be determined from the url");

            Run run = cli.run(launch, env, "--url=" + url, "--driver=io.stconn.StconnDriver",
                    "--search-path=" + CHANGELOGS, "--changelog-file=pets.sql", "update");
            System.out.println("with --driver=io.stconn.StconnDriver: exit " + run.exit() + "\n" + run.out());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.all()).doesNotContain(APP_PASSWORD);

            Run status = cli.run(launch, env, "--url=" + url, "--driver=io.stconn.StconnDriver",
                    "--search-path=" + CHANGELOGS, "--changelog-file=pets.sql", "status");
            assertThat(status.out()).contains("is up to date");
        }
    }
}
