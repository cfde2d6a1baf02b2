package io.stconn.it;

import static io.stconn.it.Servers.APP_PASSWORD;
import static io.stconn.it.Servers.APP_USER;
import static io.stconn.it.Servers.DATABASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.StconnDataSource;
import io.stconn.StconnDriver;
import io.stconn.StconnKey;
import io.stconn.it.CliProcess.Run;
import io.stconn.it.Servers.Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Driver properties as every JDBC tool passes them (Spark's options, DBeaver's driver-properties
 * tab, Tomcat's connectionProperties): a key that is neither stconn's nor the sql type's reaches
 * pgjdbc, proved by the setting PostgreSQL itself reports.
 */
class PostgresDriverPropertiesIT {
    @TempDir
    Path tmp;

    @RegisterExtension
    final OpenedPools pools = new OpenedPools();

    private String name;
    private Project project;

    @BeforeEach
    void server() {
        Servers.require(Server.POSTGRESQL);
        name = Project.uniqueName("pgprops");
        project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "url = \"postgresql://" + APP_USER + ":" + Project.encode(APP_PASSWORD)
                        + "@127.0.0.1:5432/" + DATABASE + "\"\n");
    }

    @Test
    void connectPropertyReachesTheServer() throws Exception {
        Properties info = new Properties();
        info.setProperty("ApplicationName", "from connect properties");
        try (Connection c = pools.connect(project.url(name), info)) {
            String shown = Dbs.one(c, "SHOW application_name");
            System.out.println("connect() property ApplicationName -> SHOW application_name = " + shown);
            assertThat(shown).isEqualTo("from connect properties");
        }
    }

    @Test
    void urlParameterReachesTheServer() throws Exception {
        try (Connection c = pools.connect(project.url(name, "ApplicationName=from the URL"))) {
            String shown = Dbs.one(c, "SHOW application_name");
            System.out.println("URL parameter ApplicationName -> SHOW application_name = " + shown);
            assertThat(shown).isEqualTo("from the URL");
        }
    }

    @Test
    void dataSourceSetterAndPropertiesReachTheServer() throws Exception {
        StconnDataSource dataSource = new StconnDataSource(name);
        dataSource.setProjectDir(project.dir().toString());
        // one connection per pool: these pools are not retired by OpenedPools, which knows URLs only
        dataSource.setProperty("hikari.maximumPoolSize", "1");
        dataSource.setProperty("ApplicationName", "from the data source");
        Properties more = new Properties();
        more.setProperty("hikari.maximumPoolSize", "1");
        more.setProperty("ApplicationName", "from setProperties");
        more.setProperty("options", "-c statement_timeout=4321");
        try (Connection c = dataSource.getConnection()) {
            String shown = Dbs.one(c, "SHOW application_name");
            System.out.println("StconnDataSource.setProperty ApplicationName -> SHOW application_name = " + shown);
            assertThat(shown).isEqualTo("from the data source");
        }
        dataSource.setProperties(more);
        try (Connection c = dataSource.getConnection()) {
            assertThat(Dbs.one(c, "SHOW application_name")).isEqualTo("from setProperties");
            assertThat(Dbs.one(c, "SHOW statement_timeout")).isEqualTo("4321ms");
        }
    }

    /** A Python spelling is translated as the url's query would be: application_name is pgjdbc's ApplicationName. */
    @Test
    void pythonSpellingIsTranslatedLikeAQueryParameter() throws Exception {
        try (Connection c = pools.connect(project.url(name, "application_name=translated"))) {
            assertThat(Dbs.one(c, "SHOW application_name")).isEqualTo("translated");
        }
    }

    /** Properties over URL parameters over the secrets, whichever spelling each used. */
    @Test
    void precedenceIsPropertiesThenUrlThenSecrets() throws Exception {
        project.secrets("[connections." + name + "]\n"
                + "dialect = \"postgresql\"\n"
                + "host = \"127.0.0.1\"\n"
                + "database = \"" + DATABASE + "\"\n"
                + "username = \"" + APP_USER + "\"\n"
                + "password = " + Project.toml(APP_PASSWORD) + "\n"
                + "query = { application_name = \"from the secrets\" }\n");
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(Dbs.one(c, "SHOW application_name")).isEqualTo("from the secrets");
        }
        try (Connection c = pools.connect(project.url(name, "ApplicationName=from the URL"))) {
            assertThat(Dbs.one(c, "SHOW application_name")).isEqualTo("from the URL");
        }
        Properties info = new Properties();
        info.setProperty("ApplicationName", "from connect properties");
        try (Connection c = pools.connect(project.url(name, "ApplicationName=from the URL"), info)) {
            assertThat(Dbs.one(c, "SHOW application_name")).isEqualTo("from connect properties");
        }
    }

    /** pgjdbc's prepareThreshold=0 (what PgBouncer's transaction mode needs) reaches the driver's own connection. */
    @Test
    void prepareThresholdReachesPgjdbc() throws Exception {
        try (Connection c = pools.connect(project.url(name, "prepareThreshold=0"))) {
            org.postgresql.PGConnection pg = c.unwrap(org.postgresql.PGConnection.class);
            assertThat(pg.getPrepareThreshold()).isZero();
        }
    }

    @Test
    void describeShowsThePropertyWithItsOrigin() throws Exception {
        CliProcess cli = new CliProcess(tmp);
        Run run = cli.run("describe", name, "--project", project.dir().toString(),
                "--driver-path", Jars.of(org.postgresql.Driver.class).toString(),
                "-p", "ApplicationName=from describe", "-p", "prepareThreshold=0");
        System.out.println(run.out());
        assertThat(run.exit()).as(run.err()).isZero();
        String out = run.out();
        String driverProperties = out.substring(out.indexOf("driver properties"), out.indexOf("configuration, and where"));
        assertThat(driverProperties).containsPattern("ApplicationName +\\| +from describe +\\| +-p")
                .containsPattern("prepareThreshold +\\| +0 +\\| +-p");
        assertThat(out).doesNotContain(APP_PASSWORD);
        Run json = cli.run("describe", name, "--project", project.dir().toString(), "--json",
                "--driver-path", Jars.of(org.postgresql.Driver.class).toString(), "-p", "ApplicationName=x");
        assertThat(json.out()).contains("\"ApplicationName\": \"x\"");
    }

    /** Streamlit builds the engine from the url alone: a query table beside it is named, with its line, not passed. */
    @Test
    void queryTableBesideAUrlIsNamedInDescribesNotes() throws Exception {
        project.secrets("[connections." + name + "]\n"
                + "url = \"postgresql://" + APP_USER + ":" + Project.encode(APP_PASSWORD) + "@127.0.0.1:5432/"
                + DATABASE + "\"\n"
                + "query = { ApplicationName = \"from the query table\" }\n"
                + "sslmod = \"require\"\n");
        Run run = new CliProcess(tmp).run("describe", name, "--project", project.dir().toString(),
                "--driver-path", Jars.of(org.postgresql.Driver.class).toString());
        System.out.println(run.out());
        String notes = run.out().substring(run.out().indexOf("\nnotes"));
        assertThat(notes).contains("the query table (" + project.secretsFile() + ":3:1) is ignored beside url",
                "sslmod (" + project.secretsFile() + ":4:1) is not a key of a sql connection and is ignored");
        try (Connection c = pools.connect(project.url(name))) {
            assertThat(Dbs.one(c, "SHOW application_name")).as("as in the Streamlit app").isEqualTo("PostgreSQL JDBC Driver");
        }
    }

    /** What a GUI's driver-properties tab lists: stconn's keys, then pgjdbc's own, filled from the section, secrets masked. */
    @Test
    void getPropertyInfoListsStconnsKeysThenPgjdbcsOwn() throws Exception {
        Properties info = new Properties();
        info.setProperty("ApplicationName", "gui");
        DriverPropertyInfo[] all = new StconnDriver().getPropertyInfo(project.url(name), info);
        List<String> names = Arrays.stream(all).map(p -> p.name).toList();
        System.out.println("getPropertyInfo: " + Arrays.stream(all).map(p -> p.name + "=" + p.value).toList());
        assertThat(names.subList(0, StconnKey.values().length))
                .containsExactly(Arrays.stream(StconnKey.values()).map(StconnKey::key).toArray(String[]::new));
        assertThat(names).contains("user", "password", "PGHOST", "PGPORT", "PGDBNAME", "sslmode", "prepareThreshold");
        assertThat(names).doesNotHaveDuplicates();
        assertThat(value(all, "PGDBNAME")).isEqualTo(DATABASE);
        assertThat(value(all, "PGHOST")).isEqualTo("127.0.0.1");
        assertThat(value(all, "ApplicationName")).isEqualTo("gui");
        assertThat(value(all, "password")).isEqualTo("****");
        assertThat(Arrays.stream(all).filter(p -> p.name.equals("sslmode")).findFirst().orElseThrow().description)
                .startsWith("org.postgresql.Driver: ");
        assertThat(Arrays.stream(all).map(p -> p.name + "=" + p.value + " " + p.description).toList())
                .noneMatch(text -> text.contains(APP_PASSWORD));
    }

    private static String value(DriverPropertyInfo[] all, String name) {
        return Arrays.stream(all).filter(p -> p.name.equals(name)).findFirst().orElseThrow().value;
    }
}
