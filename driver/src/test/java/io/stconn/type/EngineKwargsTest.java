package io.stconn.type;

import io.stconn.SqlState;

import io.stconn.type.sql.SqlConnectionType;

import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConnectionConfig;
import io.stconn.spi.PoolTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stconn.spi.ConfigValue.Source;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** SEMANTICS.md section 5, create_engine_kwargs onto HikariCP, and the hikari table (extension). */
class EngineKwargsTest {
    private static final String ORIGIN = "/app/.streamlit/secrets.toml:3:1";

    /** A configuration whose secrets section holds these create_engine_kwargs. */
    private static ConnectionConfig engine(Map<String, Object> createEngineKwargs) {
        return config(Map.of("create_engine_kwargs", createEngineKwargs), Map.of());
    }

    private static ConnectionConfig config(Map<String, Object> secrets, Map<String, String> kwargs) {
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        secrets.forEach((k, v) -> values.put(k, new ConfigValue(k, v, Source.SECRETS, ORIGIN)));
        kwargs.forEach((k, v) -> values.put(k, new ConfigValue(k, v, Source.URL_PARAMETER, "URL parameter")));
        return new ConnectionConfig("mydb", values, null, key -> null);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void defaultsAreSqlAlchemysFivePlusTen() throws SQLException {
        Properties settings = EngineKwargs.poolSettings(config(Map.of(), Map.of()));

        assertThat(settings).containsOnly(Map.entry("maximumPoolSize", "15"), Map.entry("minimumIdle", "0"));
    }

    @ParameterizedTest(name = "pool_size={0}, max_overflow={1} -> max {2}, idle {3} (opened on demand)")
    @CsvSource(nullValues = "-", value = {
            "3,  2,  5,  0",
            "3,  -,  13, 0",
            "-,  0,  5,  0",
            "20, 0,  20, 0",
            "1,  0,  1,  0",
            // SQLAlchemy's -1 is "no limit", which a HikariCP pool cannot be: the default overflow
            "5,  -1, 15, 0",
            // a pool of nothing still holds one connection
            "0,  0,  1,  0",
    })
    void poolSizeAndMaxOverflow(Long poolSize, Long maxOverflow, String maximum, String idle) throws SQLException {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (poolSize != null) {
            kwargs.put("pool_size", poolSize);
        }
        if (maxOverflow != null) {
            kwargs.put("max_overflow", maxOverflow);
        }

        Properties settings = EngineKwargs.poolSettings(engine(kwargs));

        assertThat(settings.getProperty("maximumPoolSize")).isEqualTo(maximum);
        assertThat(settings.getProperty("minimumIdle")).isEqualTo(idle);
    }

    @Test
    void numbersWrittenAsTextAreRead() throws SQLException {
        Properties settings = EngineKwargs.poolSettings(engine(map("pool_size", " 4 ", "max_overflow", "1",
                "pool_timeout", "2.5", "pool_recycle", "60")));

        assertThat(settings.getProperty("maximumPoolSize")).isEqualTo("5");
        assertThat(settings.getProperty("minimumIdle")).isEqualTo("0");
        assertThat(settings.getProperty("connectionTimeout")).isEqualTo("2500");
        assertThat(settings.getProperty("maxLifetime")).isEqualTo("60000");
    }

    @ParameterizedTest(name = "pool_timeout={0} -> connectionTimeout={1}")
    @MethodSource("timeouts")
    void poolTimeoutSecondsBecomeConnectionTimeoutMillis(Object seconds, String millis) throws SQLException {
        assertThat(EngineKwargs.poolSettings(engine(map("pool_timeout", seconds))).getProperty("connectionTimeout"))
                .isEqualTo(millis);
    }

    static Stream<Arguments> timeouts() {
        return Stream.of(Arguments.of(30L, "30000"), Arguments.of(2.5, "2500"), Arguments.of(0.25, "250"),
                Arguments.of("10", "10000"));
    }

    @ParameterizedTest(name = "pool_recycle={0} -> maxLifetime={1}")
    @MethodSource("recycles")
    void poolRecycleSecondsBecomeMaxLifetimeMillis(Object seconds, String millis) throws SQLException {
        assertThat(EngineKwargs.poolSettings(engine(map("pool_recycle", seconds))).getProperty("maxLifetime"))
                .isEqualTo(millis);
    }

    static Stream<Arguments> recycles() {
        // SQLAlchemy's -1 means never recycle: HikariCP's 0 is an infinite lifetime
        return Stream.of(Arguments.of(3600L, "3600000"), Arguments.of(1800.5, "1800500"), Arguments.of(-1L, "0"));
    }

    @ParameterizedTest(name = "isolation_level={0}")
    @CsvSource({
            "READ COMMITTED,   TRANSACTION_READ_COMMITTED",
            "read committed,   TRANSACTION_READ_COMMITTED",
            "READ UNCOMMITTED, TRANSACTION_READ_UNCOMMITTED",
            "REPEATABLE READ,  TRANSACTION_REPEATABLE_READ",
            "SERIALIZABLE,     TRANSACTION_SERIALIZABLE",
            "' SERIALIZABLE ', TRANSACTION_SERIALIZABLE",
            "READ_COMMITTED,   TRANSACTION_READ_COMMITTED",
            "TRANSACTION_SERIALIZABLE, TRANSACTION_SERIALIZABLE",
    })
    void isolationLevelBecomesTransactionIsolation(String level, String expected) throws SQLException {
        Properties settings = EngineKwargs.poolSettings(engine(map("isolation_level", level)));

        assertThat(settings.getProperty("transactionIsolation")).isEqualTo(expected);
        assertThat(settings).doesNotContainKey("autoCommit");
    }

    @ParameterizedTest
    @CsvSource({"AUTOCOMMIT", "autocommit"})
    void isolationLevelAutocommitBecomesAutoCommit(String level) throws SQLException {
        Properties settings = EngineKwargs.poolSettings(engine(map("isolation_level", level)));

        assertThat(settings.getProperty("autoCommit")).isEqualTo("true");
        assertThat(settings).doesNotContainKey("transactionIsolation");
    }

    @ParameterizedTest
    @CsvSource({"true, true", "false, false", "TRUE, true", "' false ', false"})
    void theAutocommitKwargBecomesAutoCommit(String value, String expected) throws SQLException {
        Properties settings = EngineKwargs.poolSettings(config(Map.of(), Map.of("autocommit", value)));

        assertThat(settings.getProperty("autoCommit")).isEqualTo(expected);
    }

    @Test
    void aBooleanAutocommitInTheSecrets() throws SQLException {
        assertThat(EngineKwargs.poolSettings(config(Map.of("autocommit", false), Map.of())).getProperty("autoCommit"))
                .isEqualTo("false");
    }

    @Test
    void poolPrePingAndOtherSqlAlchemyKeysAddNothing() throws SQLException {
        Properties settings = EngineKwargs.poolSettings(engine(map("pool_pre_ping", true, "echo", true,
                "pool_use_lifo", true)));

        assertThat(settings).containsOnly(Map.entry("maximumPoolSize", "15"), Map.entry("minimumIdle", "0"));
    }

    @Test
    void sqlAlchemyOnlyKeysAreNamedInOneWarning() throws SQLException {
        try (LogCapture log = new LogCapture(EngineKwargs.class)) {
            EngineKwargs.poolSettings(engine(map("pool_size", 2L, "echo", true, "pool_use_lifo", true, "pool_pre_ping",
                    true)));

            assertThat(log.warnings()).singleElement().asString().contains("[echo, pool_use_lifo]")
                    .doesNotContain("pool_pre_ping").doesNotContain("pool_size");
        }
    }

    @Test
    void theHikariTableWins() throws SQLException {
        ConnectionConfig config = config(Map.of(
                "create_engine_kwargs", map("pool_size", 3L, "max_overflow", 2L, "pool_timeout", 30L),
                "hikari", map("maximumPoolSize", 7L, "minimumIdle", 1L, "leakDetectionThreshold", 60000L)), Map.of());

        Properties settings = EngineKwargs.poolSettings(config);

        assertThat(settings.getProperty("maximumPoolSize")).isEqualTo("7");
        assertThat(settings.getProperty("minimumIdle")).isEqualTo("1");
        assertThat(settings.getProperty("connectionTimeout")).isEqualTo("30000");
        assertThat(settings.getProperty("leakDetectionThreshold")).isEqualTo("60000");
    }

    @Test
    void hikariKwargsWinOverTheHikariTable() throws SQLException {
        ConnectionConfig config = config(Map.of("hikari", map("maximumPoolSize", 7L, "idleTimeout", 10000L)),
                Map.of("hikari.maximumPoolSize", "4", "hikari.autoCommit", "false", "autocommit", "true"));

        Properties settings = EngineKwargs.poolSettings(config);

        assertThat(settings.getProperty("maximumPoolSize")).isEqualTo("4");
        assertThat(settings.getProperty("idleTimeout")).isEqualTo("10000");
        assertThat(settings.getProperty("autoCommit")).isEqualTo("false");
    }

    @Test
    void connectArgsBecomeDriverProperties() {
        ConnectionConfig config = engine(map("connect_args", map("sslmode", "require", "connect_timeout", 10L)));

        assertThat(EngineKwargs.connectArgs(config)).containsOnly(Map.entry("sslmode", "require"),
                Map.entry("connect_timeout", "10"));
    }

    @Test
    void throughTheSqlTypeThePoolSettingsReachTheTarget() throws SQLException {
        ConnectionConfig config = config(Map.of("url", "jdbc:h2:mem:engine_kwargs",
                "create_engine_kwargs", map("pool_size", 2L, "max_overflow", 1L, "isolation_level", "READ COMMITTED",
                        "connect_args", map("MODE", "PostgreSQL"))), Map.of());

        PoolTarget target = new SqlConnectionType().target(config);

        assertThat(target.poolSettings()).containsOnly(Map.entry("maximumPoolSize", "3"), Map.entry("minimumIdle", "0"),
                Map.entry("transactionIsolation", "TRANSACTION_READ_COMMITTED"));
        assertThat(target.properties()).containsEntry("MODE", "PostgreSQL");
    }

    // ---- bad numbers ----

    static Stream<Arguments> badNumbers() {
        return Stream.of(
                Arguments.of("pool_size", "abc", "is not a whole number"),
                Arguments.of("pool_size", "2.5", "is not a whole number"),
                Arguments.of("pool_size", "", "is not a whole number"),
                Arguments.of("max_overflow", "ten", "is not a whole number"),
                Arguments.of("pool_timeout", "soon", "is not a number of seconds"),
                Arguments.of("pool_timeout", "30s", "is not a number of seconds"),
                Arguments.of("pool_recycle", "1h", "is not a number of seconds"));
    }

    /** A TOML float or boolean is no more a whole number than the text "2.5" is. */
    @Test
    void aFloatOrBooleanPoolSizeIsAnInvalidValue() {
        for (Object value : new Object[] {2.5, true}) {
            SQLException e = catchThrowableOfType(SQLException.class,
                    () -> EngineKwargs.poolSettings(engine(map("pool_size", value))));

            assertThat((Throwable) e).as("pool_size = %s", value).isNotNull();
            assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_VALUE);
            assertThat(e.getMessage()).isEqualTo("create_engine_kwargs pool_size = '" + value + "' (" + ORIGIN
                    + ") is not a whole number");
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badNumbers")
    void badNumbersAreInvalidValues(String key, String value, String what) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> EngineKwargs.poolSettings(engine(map(key, value))));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.INVALID_VALUE);
        assertThat(e.getMessage()).isEqualTo("create_engine_kwargs " + key + " = '" + value + "' (" + ORIGIN + ") " + what);
    }

    @Test
    void createEngineArgumentsGivenAsKwargsActLikeCreateEngineKwargsAndWin() throws SQLException {
        ConnectionConfig config = config(map("create_engine_kwargs", map("pool_size", 2L, "max_overflow", 0L)),
                Map.of("pool_size", "3", "echo", "true"));

        Properties settings = EngineKwargs.poolSettings(config);

        assertThat(settings).containsEntry("maximumPoolSize", "3").containsEntry("minimumIdle", "0");
        assertThat(EngineKwargs.engineKwargs(config)).containsKeys("pool_size", "max_overflow", "echo");
    }
}
