package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.spi.PoolTarget;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import net.snowflake.client.core.SFSessionProperty;
import net.snowflake.client.jdbc.SnowflakeConnectString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL Server, Oracle and Snowflake have no server here, so the URLs and properties stconn builds
 * for them are checked by the vendors' own drivers: the driver accepts the URL, and its own parser
 * (mssql-jdbc's getPropertyInfo, the thin driver's connect descriptor, snowflake-jdbc's
 * SnowflakeConnectString) reads back host, port, database and each translated parameter.
 */
class VendorDriverIT {
    private static final String PASSWORD = Project.PASSWORD;

    @TempDir
    Path tmp;

    private PoolTarget describe(String section) throws SQLException {
        String name = Project.uniqueName("vendor");
        Project project = Project.in(tmp, name).secrets("[connections." + name + "]\n" + section);
        return Described.target(project.url(name));
    }

    // ---- SQL Server: mssql-jdbc

    /** mssql-jdbc's reading of the URL and properties: every property it reports a value for. */
    private static Map<String, String> sqlServerReading(PoolTarget target) throws SQLException {
        Driver driver = target.driver();
        assertThat(driver.getClass().getName()).isEqualTo("com.microsoft.sqlserver.jdbc.SQLServerDriver");
        assertThat(driver.acceptsURL(target.jdbcUrl())).as("mssql-jdbc accepts %s", target.jdbcUrl()).isTrue();
        Map<String, String> reading = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (DriverPropertyInfo p : driver.getPropertyInfo(target.jdbcUrl(), target.properties())) {
            if (p.value != null) {
                reading.put(p.name, p.value);
            }
        }
        return reading;
    }

    @Test
    void sqlServerPyodbcUrlDropsTheOdbcDriverAndTranslatesEncryptAndTrustServerCertificate() throws Exception {
        PoolTarget target = describe("url = \"mssql+pyodbc://sa:" + Project.encode(PASSWORD)
                + "@sql.example.com:1433/sales?driver=ODBC+Driver+18+for+SQL+Server&Encrypt=yes"
                + "&TrustServerCertificate=yes\"\n");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:sqlserver://sql.example.com:1433;databaseName=sales");
        Map<String, String> reading = sqlServerReading(target);
        assertThat(reading).containsEntry("serverName", "sql.example.com").containsEntry("portNumber", "1433")
                .containsEntry("databaseName", "sales").containsEntry("user", "sa")
                .containsEntry("encrypt", "true").containsEntry("trustServerCertificate", "true");
        assertThat(target.properties().stringPropertyNames()).noneMatch(k -> k.equalsIgnoreCase("driver"));
        assertThat(target.notes()).anySatisfy(note -> assertThat(note).contains("dropped ODBC parameter driver"));
    }

    @Test
    void sqlServerPartsWithQueryParameters() throws Exception {
        PoolTarget target = describe("dialect = \"mssql\"\n"
                + "host = \"sql.example.com\"\n"
                + "port = 14330\n"
                + "database = \"sales;archive\"\n"
                + "username = \"report\"\n"
                + "password = " + Project.toml(PASSWORD) + "\n"
                + "query = { encrypt = \"no\", timeout = \"15\", ApplicationIntent = \"ReadOnly\" }\n");
        Map<String, String> reading = sqlServerReading(target);
        assertThat(reading).containsEntry("serverName", "sql.example.com").containsEntry("portNumber", "14330")
                .containsEntry("databaseName", "sales;archive").containsEntry("user", "report")
                .containsEntry("encrypt", "false").containsEntry("loginTimeout", "15")
                .containsEntry("applicationIntent", "ReadOnly");
    }

    @Test
    void sqlServerNamedInstanceIsLeftToTheSqlBrowser() throws Exception {
        PoolTarget target = describe("url = \"mssql+pymssql://sa:" + Project.encode(PASSWORD)
                + "@sql.example.com%5CSQLEXPRESS/sales\"\n");
        Map<String, String> reading = sqlServerReading(target);
        assertThat(reading).containsEntry("serverName", "sql.example.com").containsEntry("databaseName", "sales");
        assertThat(reading.get("instanceName")).isEqualToIgnoringCase("SQLEXPRESS");
    }

    @Test
    void sqlServerTrustedConnectionIsIntegratedSecurity() throws Exception {
        PoolTarget target = describe("url = \"mssql+pyodbc://sql.example.com/sales?trusted_connection=yes\"\n");
        assertThat(sqlServerReading(target)).containsEntry("integratedSecurity", "true");
    }

    // ---- Oracle: the thin driver, talking to a stand-in listener

    @Test
    void oracleUrlWithServiceNameParameter() throws Exception {
        try (OracleListener listener = new OracleListener()) {
            PoolTarget target = describe("url = \"oracle+oracledb://scott:" + Project.encode(PASSWORD)
                    + "@127.0.0.1:" + listener.port() + "/?service_name=ORCLPDB1\"\n");
            String descriptor = oracleDescriptor(listener, target);
            assertThat(OracleListener.value(descriptor, "HOST")).isEqualTo("127.0.0.1");
            assertThat(OracleListener.value(descriptor, "PORT")).isEqualTo(String.valueOf(listener.port()));
            assertThat(OracleListener.value(descriptor, "SERVICE_NAME")).isEqualTo("ORCLPDB1");
            assertThat(descriptor).doesNotContain(PASSWORD);
        }
    }

    @Test
    void oracleDatabaseIsTheSidAsSqlAlchemyReadsItAndServiceNameIsTheWayToAService() throws Exception {
        try (OracleListener listener = new OracleListener()) {
            String parts = "dialect = \"oracle\"\n"
                    + "host = \"127.0.0.1\"\n"
                    + "port = " + listener.port() + "\n"
                    + "username = \"scott\"\n"
                    + "password = " + Project.toml(PASSWORD) + "\n";
            PoolTarget sid = describe(parts + "database = \"FREEPDB1\"\n");
            assertThat(sid.jdbcUrl()).isEqualTo("jdbc:oracle:thin:@127.0.0.1:" + listener.port() + ":FREEPDB1");
            String sidDescriptor = oracleDescriptor(listener, sid);
            assertThat(OracleListener.value(sidDescriptor, "SID")).isEqualTo("FREEPDB1");
            assertThat(OracleListener.value(sidDescriptor, "SERVICE_NAME")).isNull();

            PoolTarget service = describe(parts + "query = { service_name = \"FREEPDB1\" }\n");
            String descriptor = oracleDescriptor(listener, service);
            assertThat(OracleListener.value(descriptor, "SERVICE_NAME")).isEqualTo("FREEPDB1");
            assertThat(OracleListener.value(descriptor, "PORT")).isEqualTo(String.valueOf(listener.port()));
        }
    }

    @Test
    void oracleSidParameterAndSysdbaMode() throws Exception {
        try (OracleListener listener = new OracleListener()) {
            PoolTarget target = describe("url = \"oracle://sys:" + Project.encode(PASSWORD) + "@127.0.0.1:"
                    + listener.port() + "?sid=ORCL&mode=SYSDBA\"\n");
            String descriptor = oracleDescriptor(listener, target);
            assertThat(OracleListener.value(descriptor, "SID")).isEqualTo("ORCL");
            assertThat(OracleListener.value(descriptor, "SERVICE_NAME")).isNull();
            // mode is python-oracledb's; the thin driver's property for it is internal_logon
            assertThat(target.properties()).containsEntry("internal_logon", "sysdba");
            assertThat(Arrays.stream(target.driver().getPropertyInfo(target.jdbcUrl(), new Properties())))
                    .anySatisfy(p -> assertThat(p.name).isEqualTo("internal_logon"));
        }
    }

    private static String oracleDescriptor(OracleListener listener, PoolTarget target) throws Exception {
        Driver driver = target.driver();
        assertThat(driver.getClass().getName()).isEqualTo("oracle.jdbc.OracleDriver");
        assertThat(driver.acceptsURL(target.jdbcUrl())).as("the thin driver accepts %s", target.jdbcUrl()).isTrue();
        return listener.descriptorSentBy(driver, target.jdbcUrl(), target.properties());
    }

    // ---- Snowflake: snowflake-jdbc, SQLAlchemy URL form

    /** snowflake-jdbc's own parse of the URL and properties. */
    private static SnowflakeConnectString snowflakeReading(PoolTarget target) throws SQLException {
        Driver driver = target.driver();
        assertThat(driver.getClass().getName()).isEqualTo("net.snowflake.client.jdbc.SnowflakeDriver");
        assertThat(driver.acceptsURL(target.jdbcUrl())).as("snowflake-jdbc accepts %s", target.jdbcUrl()).isTrue();
        SnowflakeConnectString reading = SnowflakeConnectString.parse(target.jdbcUrl(), target.properties());
        assertThat(reading.isValid()).isTrue();
        for (String key : target.properties().stringPropertyNames()) {
            assertThat(snowflakeProperty(key)).as("the snowflake-jdbc session property named %s", key).isNotNull();
        }
        return reading;
    }

    // snowflake-jdbc's own lookup of a property by name or alias ("db" is an alias of "database");
    // package-private in the driver, so called reflectively
    private static SFSessionProperty snowflakeProperty(String key) {
        try {
            Method lookup = SFSessionProperty.class.getDeclaredMethod("lookupByKey", String.class);
            lookup.setAccessible(true);
            return (SFSessionProperty) lookup.invoke(null, key);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("snowflake-jdbc changed SFSessionProperty.lookupByKey", e);
        }
    }

    @Test
    void snowflakeSqlAlchemyUrlWithDatabaseSchemaWarehouseAndRole() throws Exception {
        PoolTarget target = describe("url = \"snowflake://jsmith:" + Project.encode(PASSWORD)
                + "@myorg-myaccount/SALES/PUBLIC?warehouse=COMPUTE_WH&role=ANALYST\"\n");
        SnowflakeConnectString reading = snowflakeReading(target);
        assertThat(reading.getHost()).isEqualTo("myorg-myaccount.snowflakecomputing.com");
        assertThat(reading.getPort()).isEqualTo(443);
        assertThat(reading.getAccount()).isEqualToIgnoringCase("myorg-myaccount");
        assertThat(reading.getParameters()).containsEntry("DB", "SALES").containsEntry("SCHEMA", "PUBLIC")
                .containsEntry("WAREHOUSE", "COMPUTE_WH").containsEntry("ROLE", "ANALYST")
                .containsEntry("USER", "jsmith");
    }

    @Test
    void snowflakeAccountLocatorWithRegionAndDatabaseParameter() throws Exception {
        PoolTarget target = describe("url = \"snowflake://jsmith:" + Project.encode(PASSWORD)
                + "@xy12345.eu-central-1?database=SALES&private_key_file_pwd=" + Project.encode(PASSWORD) + "\"\n");
        SnowflakeConnectString reading = snowflakeReading(target);
        assertThat(reading.getHost()).isEqualTo("xy12345.eu-central-1.snowflakecomputing.com");
        assertThat(reading.getAccount()).isEqualToIgnoringCase("xy12345");
        assertThat(reading.getParameters()).containsEntry("DB", "SALES").containsKey("PRIVATE_KEY_PWD");
        assertThat(target.toString()).doesNotContain(PASSWORD);
    }
}
