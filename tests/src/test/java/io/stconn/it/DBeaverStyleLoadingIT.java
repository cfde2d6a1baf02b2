package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stconn.StconnKey;
import io.stconn.it.Servers.Server;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stconn used the way DBeaver (and DataGrip, SQuirreL) use a "Generic" driver: the library list
 * (the drop-in jar and the real driver's jar) in one class loader of the tool's own, whose parent
 * is the platform loader, not the application's; the driver class instantiated by name; connect()
 * called directly, never through DriverManager; getPropertyInfo for the "Driver properties" tab;
 * then the metadata calls of the database navigator and a session's setReadOnly, rollback, close.
 */
class DBeaverStyleLoadingIT {
    private static final String SCHEMA_PREFIX = "dbeaver_";
    /** Types every PostgreSQL has; the full getTypeInfo also lists the row type of every table, which other runs change. */
    private static final Set<String> POSTGRES_BUILTIN_TYPES = Set.of(
            "bool", "bytea", "int2", "int4", "int8", "numeric", "float8", "text", "varchar", "date",
            "timestamp", "timestamptz", "uuid", "jsonb");

    @TempDir
    Path tmp;

    private URLClassLoader libraries;
    private Driver driver;
    private ClassLoader previousContext;
    private String postgresSchema;

    /** The library list of a DBeaver driver definition: stconn plus the real driver jars, nothing of the test's. */
    private void loadLibraries(Path... realDriverJars) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(Jars.stconnJar().toUri().toURL());
        for (Path jar : realDriverJars) {
            urls.add(jar.toUri().toURL());
        }
        libraries = new URLClassLoader("dbeaver-driver-libraries", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        // DBeaver runs its driver calls with the driver's loader as the context loader
        previousContext = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(libraries);
        driver = (Driver) libraries.loadClass("io.stconn.StconnDriver").getDeclaredConstructor().newInstance();
        assertThat(driver.getClass()).as("not the test class path's copy").isNotSameAs(Jars.driverClass());
    }

    @AfterEach
    void unloadLibraries() throws Exception {
        if (libraries != null) {
            try {
                // this copy of stconn has its own pools; DBeaver's "disconnect all" leaves none open either
                Object road = driver.getClass().getClassLoader().loadClass("io.stconn.road.Road").getMethod("shared").invoke(null);
                road.getClass().getMethod("closeAll").invoke(road);
            } finally {
                Thread.currentThread().setContextClassLoader(previousContext);
                libraries.close();
            }
        }
        if (postgresSchema != null) {
            try (Connection c = Servers.direct(Server.POSTGRESQL); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + postgresSchema + " CASCADE");
            }
        }
    }

    @Test
    void propertyInfoAnswersFromTheSecretsWithoutConnecting() throws Exception {
        String name = Project.uniqueName("dbeaver_props");
        try (ServerSocket database = new ServerSocket(0)) {
            // a "database" that notices every connection attempt
            Project project = Project.in(tmp).secrets(
                    "[connections." + name + "]\n"
                            + "dialect = \"postgresql\"\n"
                            + "host = \"127.0.0.1\"\n"
                            + "port = " + database.getLocalPort() + "\n"
                            + "database = \"shop\"\n"
                            + "username = \"app\"\n"
                            + "password = " + Project.toml(Project.PASSWORD) + "\n");
            loadLibraries(Jars.of(org.postgresql.Driver.class));

            Map<String, DriverPropertyInfo> info = propertyInfo(project.url(name));

            assertStconnKeysDescribed(info);
            assertThat(info.get("type").value).as("the resolved type").isEqualTo("sql");
            assertThat(info.get("type").description).contains("Resolved: sql");
            assertThat(info.get("project_dir").value).isEqualTo(project.dir().toString());
            assertThat(info.get("dialect").value).isEqualTo("postgresql");
            assertThat(info.get("host").value).isEqualTo("127.0.0.1");
            assertThat(info.get("port").value).isEqualTo(String.valueOf(database.getLocalPort()));
            assertThat(info.get("database").value).isEqualTo("shop");
            assertThat(info.get("username").value).isEqualTo("app");
            assertThat(info.get("password").value).isEqualTo("****");
            assertThat(info.get("dialect").description).as("where the value came from")
                    .contains(project.secretsFile().toString());
            assertThat(everythingShown(info)).doesNotContain(Project.PASSWORD);

            database.setSoTimeout(300);
            assertThatThrownBy(database::accept).as("no connection attempt reached the database")
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(Pools.of(name)).as("no pool was started").isEmpty();
        }
    }

    @Test
    void propertyInfoNeverThrowsForAnUnknownName() throws Exception {
        Project project = Project.in(tmp).secrets("[connections.other]\nurl = \"jdbc:h2:mem:x\"\n");
        loadLibraries(Jars.h2Jar());
        // DBeaver asks while the user is still typing the name
        Map<String, DriverPropertyInfo> info = propertyInfo(project.url("not_yet_typed"));
        assertStconnKeysDescribed(info);
        assertThat(info.get("stconn.status").description).contains("not_yet_typed", "other");
    }

    @Test
    void h2FileDatabase() throws Exception {
        String name = Project.uniqueName("dbeaver_h2");
        Path db = Dbs.h2File(tmp.resolve("dbs/dbeaver"), "dbeaver-h2", "sa", Project.PASSWORD);
        Answers expected;
        try (Connection direct = DriverManager.getConnection("jdbc:h2:" + db, "sa", Project.PASSWORD)) {
            createPets(direct, "pets");
            expected = Answers.of(direct, direct.getCatalog(), "PUBLIC", "PETS");
        }
        // the H2 engine of the tool's loader opens the file next: the test's engine has closed it
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"h2\"\n"
                        + "database = " + Project.toml(db) + "\n"
                        + "username = \"sa\"\n"
                        + "password = " + Project.toml(Project.PASSWORD) + "\n");
        loadLibraries(Jars.h2Jar(), Jars.of(org.postgresql.Driver.class));

        Map<String, DriverPropertyInfo> info = propertyInfo(project.url(name));
        assertThat(info.get("type").value).isEqualTo("sql");
        assertThat(info.get("password").value).isEqualTo("****");
        assertThat(everythingShown(info)).doesNotContain(Project.PASSWORD);

        try (Connection main = connectLikeDBeaver(project.url(name));
             Connection metadata = connectLikeDBeaver(project.url(name))) {
            assertThat(realConnection(main).getClass().getName()).startsWith("org.h2.");
            assertThat(realConnection(main).getClass().getClassLoader()).as("H2 from the library list")
                    .isSameAs(libraries);

            Answers seen = Answers.of(metadata, metadata.getCatalog(), "PUBLIC", "PETS");
            assertThat(seen).isEqualTo(expected);
            assertThat(seen.product()).isEqualTo("H2");
            assertThat(schemaNames(metadata)).isEqualTo(expected.schemas());

            // project_dir from the "Driver properties" tab instead of the URL: the same kwargs, the same pool
            Properties tab = new Properties();
            tab.setProperty("project_dir", project.dir().toString());
            try (Connection viaTab = connectLikeDBeaver("jdbc:stconn:" + name, tab)) {
                assertThat(Dbs.one(viaTab, "SELECT COUNT(*) FROM pets")).isEqualTo("3");
            }
            assertThat(Pools.of(name)).hasSize(1);

            main.setAutoCommit(false);
            main.setReadOnly(true); // a hint to H2, which keeps writing; HikariCP remembers it for the reset on close
            assertThat(main.isReadOnly()).isTrue();
            main.setReadOnly(false);
            assertRollbackDiscards(main, "pets");
        }
        assertClosedAndReturnedToThePool(project.url(name), name);
    }

    @Test
    void postgresql() throws Exception {
        Servers.require(Server.POSTGRESQL);
        String name = Project.uniqueName("dbeaver_pg");
        postgresSchema = SCHEMA_PREFIX + name.substring(name.lastIndexOf('_') + 1);
        Answers expected;
        List<String> expectedSchemas;
        try (Connection direct = Servers.direct(Server.POSTGRESQL); Statement s = direct.createStatement()) {
            s.execute("CREATE SCHEMA " + postgresSchema);
            createPets(direct, postgresSchema + ".pets");
            expected = Answers.of(direct, Servers.DATABASE, postgresSchema, "pets");
            expectedSchemas = schemaNames(direct);
        }
        Project project = Project.in(tmp).secrets(
                "[connections." + name + "]\n"
                        + "dialect = \"postgresql\"\n"
                        + "host = " + Project.toml(Servers.HOST) + "\n"
                        + "port = " + Server.POSTGRESQL.port + "\n"
                        + "database = " + Project.toml(Servers.DATABASE) + "\n"
                        + "username = " + Project.toml(Servers.APP_USER) + "\n"
                        + "password = " + Project.toml(Servers.APP_PASSWORD) + "\n");
        loadLibraries(Jars.h2Jar(), Jars.of(org.postgresql.Driver.class));

        Map<String, DriverPropertyInfo> info = propertyInfo(project.url(name));
        assertStconnKeysDescribed(info);
        assertThat(info.get("type").value).isEqualTo("sql");
        assertThat(info.get("password").value).isEqualTo("****");
        assertThat(everythingShown(info)).doesNotContain(Servers.APP_PASSWORD);
        assertThat(Pools.of(name)).as("getPropertyInfo started no pool").isEmpty();

        try (Connection main = connectLikeDBeaver(project.url(name));
             Connection metadata = connectLikeDBeaver(project.url(name))) {
            Connection real = realConnection(main);
            assertThat(real.getClass().getClassLoader()).as("pgjdbc from the library list").isSameAs(libraries);
            assertThat(main.isWrapperFor(libraries.loadClass("org.postgresql.PGConnection")))
                    .as("unwrap reaches the vendor's connection").isTrue();

            Answers seen = Answers.of(metadata, Servers.DATABASE, postgresSchema, "pets");
            assertThat(seen).isEqualTo(expected);
            assertThat(seen.product()).isEqualTo("PostgreSQL");
            assertThat(seen.types()).hasSize(POSTGRES_BUILTIN_TYPES.size());
            assertThat(schemaNames(metadata)).contains(postgresSchema, "public", "information_schema", "pg_catalog")
                    .containsAll(expectedSchemas.stream().filter(s -> s.startsWith("pg_") || s.equals("public")).toList());

            main.setAutoCommit(false);
            main.setReadOnly(true);
            assertThat(main.isReadOnly()).isTrue();
            assertThat(Dbs.one(main, "SHOW transaction_read_only")).isEqualTo("on");
            try (Statement s = main.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO " + postgresSchema + ".pets VALUES (9, 'Rex')"))
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).as("read-only transaction").isEqualTo("25006"));
            }
            main.rollback();
            main.setReadOnly(false);
            assertRollbackDiscards(main, postgresSchema + ".pets");
        }
        assertClosedAndReturnedToThePool(project.url(name), name);
    }

    /** DBeaver sends its empty user and password fields: stconn treats them as absent and uses the secrets. */
    private Connection connectLikeDBeaver(String url) throws SQLException {
        return connectLikeDBeaver(url, new Properties());
    }

    /** With the values of the "Driver properties" tab, which DBeaver passes as connect() Properties. */
    private Connection connectLikeDBeaver(String url, Properties driverProperties) throws SQLException {
        Properties fields = new Properties();
        fields.putAll(driverProperties);
        fields.setProperty("user", "");
        fields.setProperty("password", "");
        Connection c = driver.connect(url, fields);
        assertThat(c).as("connect(%s)", url).isNotNull();
        assertThat(c.getClass().getClassLoader()).isSameAs(libraries);
        return c;
    }

    private Map<String, DriverPropertyInfo> propertyInfo(String url) throws SQLException {
        long start = System.nanoTime();
        DriverPropertyInfo[] all = driver.getPropertyInfo(url, new Properties());
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to answer getPropertyInfo").isLessThan(5_000);
        Map<String, DriverPropertyInfo> byName = new LinkedHashMap<>();
        for (DriverPropertyInfo p : all) {
            assertThat(byName.put(p.name, p)).as("property %s listed once", p.name).isNull();
        }
        return byName;
    }

    /** stconn's own keys, each with its description and allowed values, first and in the enum's order. */
    private static void assertStconnKeysDescribed(Map<String, DriverPropertyInfo> info) {
        List<String> names = new ArrayList<>(info.keySet());
        List<String> keys = Arrays.stream(StconnKey.values()).map(StconnKey::key).toList();
        assertThat(names.subList(0, keys.size())).isEqualTo(keys);
        for (StconnKey key : StconnKey.values()) {
            DriverPropertyInfo p = info.get(key.key());
            assertThat(p.description).as("description of %s", key.key()).startsWith(key.description());
            assertThat(p.choices == null ? List.of() : List.of(p.choices)).as("choices of %s", key.key())
                    .isEqualTo(key.choices());
            assertThat(p.required).isFalse();
        }
        assertThat(info.get("type").choices).contains("sql", "snowflake");
    }

    private static String everythingShown(Map<String, DriverPropertyInfo> info) {
        return info.values().stream()
                .map(p -> p.name + "=" + p.value + " " + p.description + " " + Arrays.toString(p.choices))
                .collect(Collectors.joining("\n"));
    }

    private Connection realConnection(Connection pooled) throws SQLException {
        return pooled.unwrap(Connection.class);
    }

    private static void createPets(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL)");
            s.execute("INSERT INTO " + table + " VALUES (1, 'Mary'), (2, 'John'), (3, 'Robert')");
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static void assertRollbackDiscards(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " VALUES (10, 'Temporary')");
            assertThat(Dbs.one(c, "SELECT COUNT(*) FROM " + table)).isEqualTo("4");
        }
        c.rollback();
        assertThat(Dbs.one(c, "SELECT COUNT(*) FROM " + table)).as("after rollback()").isEqualTo("3");
        c.rollback(); // DBeaver rolls back once more before it closes a manual-commit session
    }

    /** close() gives the connection back: closed for the caller, idle in stconn's pool, its session state reset. */
    private void assertClosedAndReturnedToThePool(String url, String name) throws SQLException {
        ObjectName pool = Pools.only(name);
        assertThat(pool.getDomain()).isEqualTo("io.stconn.shaded.hikari");
        assertThat(Pools.active(pool)).as("connections out after close()").isZero();

        Connection c = connectLikeDBeaver(url);
        assertThat(c.getAutoCommit()).as("the pool reset auto-commit").isTrue();
        assertThat(c.isReadOnly()).as("the pool reset read-only").isFalse();
        c.close();
        assertThat(c.isClosed()).isTrue();
        assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class);
        c.close(); // a second close() is a no-op
        assertThat(Pools.active(pool)).isZero();
        assertThat(Pools.of(name)).containsExactly(pool);
    }

    private static List<String> schemaNames(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getSchemas()) {
            return column(rs, "TABLE_SCHEM");
        }
    }

    /** What the database navigator shows, read through any connection. */
    record Answers(String product, String version, String driverName, List<String> catalogs, List<String> schemas,
                   List<String> tables, List<String> columns, List<String> primaryKeys, List<String> types) {

        static Answers of(Connection c, String catalog, String schema, String table) throws SQLException {
            DatabaseMetaData meta = c.getMetaData();
            List<String> catalogs;
            try (ResultSet rs = meta.getCatalogs()) {
                catalogs = column(rs, "TABLE_CAT");
            }
            List<String> schemas = meta.getDatabaseProductName().equals("PostgreSQL") ? List.of() : schemaNames(c);
            List<String> tables;
            try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE", "VIEW"})) {
                tables = rows(rs, "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE");
            }
            List<String> columns;
            try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
                columns = rows(rs, "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "NULLABLE", "ORDINAL_POSITION");
            }
            List<String> primaryKeys;
            try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
                primaryKeys = rows(rs, "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
            }
            List<String> types;
            try (ResultSet rs = meta.getTypeInfo()) {
                types = rows(rs, "TYPE_NAME", "DATA_TYPE", "PRECISION", "NULLABLE", "CASE_SENSITIVE", "SEARCHABLE");
            }
            if (meta.getDatabaseProductName().equals("PostgreSQL")) {
                types = types.stream().filter(t -> POSTGRES_BUILTIN_TYPES.contains(t.substring(0, t.indexOf('|')))).toList();
            }
            return new Answers(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), meta.getDriverName(),
                    catalogs, schemas, tables, columns, primaryKeys, types);
        }
    }

    private static List<String> column(ResultSet rs, String label) throws SQLException {
        return rows(rs, label);
    }

    private static List<String> rows(ResultSet rs, String... labels) throws SQLException {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (String label : labels) {
                row.append(row.length() == 0 ? "" : "|").append(rs.getString(label));
            }
            rows.add(row.toString());
        }
        return rows;
    }
}
