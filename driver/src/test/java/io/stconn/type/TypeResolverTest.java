package io.stconn.type;

import io.stconn.SqlState;

import io.stconn.resolve.TypeResolver;


import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConnectionConfig;
import io.stconn.spi.ConnectionType;
import io.stconn.spi.PoolTarget;
import io.stconn.type.sql.SqlConnectionType;
import io.stconn.type.snowflake.SnowflakeConnectionType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stconn.spi.ConfigValue.Source;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SEMANTICS.md section 4: choosing the type, in Streamlit's order. */
class TypeResolverTest {

    private static ConfigValue kwarg(String value) {
        return new ConfigValue("type", value, Source.URL_PARAMETER, "URL parameter");
    }

    /** A secrets section; each value at a made-up line of secrets.toml. */
    private static Map<String, ConfigValue> section(String... keysAndValues) {
        Map<String, ConfigValue> section = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = keysAndValues[i];
            section.put(key, new ConfigValue(key, keysAndValues[i + 1], Source.SECRETS,
                    "/app/.streamlit/secrets.toml:" + (i / 2 + 2) + ":1"));
        }
        return section;
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                // 1. the type kwarg beats everything
                Arguments.of("1. kwarg beats the name", "snowflake", kwarg("sql"), section(), "sql"),
                Arguments.of("1. kwarg beats the section", "mydb", kwarg("snowflake"), section("type", "sql", "url", "x"),
                        "snowflake"),
                Arguments.of("1. kwarg names a provider", "sql", kwarg("echo"), section(), "echo"),
                // 2. the name sql or snowflake beats a type key in the section
                Arguments.of("2. name sql", "sql", null, section("type", "snowflake", "account", "a"), "sql"),
                Arguments.of("2. name snowflake", "snowflake", null, section("type", "sql", "url", "x"), "snowflake"),
                Arguments.of("2. name SQL, any case", "SQL", null, section(), "sql"),
                Arguments.of("2. name snowpark means snowflake", "snowpark", null, section("type", "sql"), "snowflake"),
                // 3. the section's type key
                Arguments.of("3. type key", "mydb", null, section("type", "snowflake", "url", "x"), "snowflake"),
                Arguments.of("3. type key, class", "mydb", null,
                        section("type", "streamlit.connections.SQLConnection", "account", "a"), "sql"),
                Arguments.of("3. type key, provider", "mydb", null, section("type", "echo"), "echo"),
                Arguments.of("3. blank kwarg falls through", "mydb", kwarg("  "), section("type", "snowflake"), "snowflake"),
                // 4. inferred from keys
                Arguments.of("4. url means sql", "mydb", null, section("url", "postgresql://h/db"), "sql"),
                Arguments.of("4. dialect means sql", "mydb", null, section("dialect", "mysql", "host", "h"), "sql"),
                Arguments.of("4. account means snowflake", "mydb", null, section("account", "acme-xy", "user", "u"),
                        "snowflake"),
                Arguments.of("4. blank type key falls through", "mydb", null, section("type", "", "url", "x"), "sql"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theTypeIsChosenInStreamlitsOrder(String rule, String name, ConfigValue typeKwarg,
                                          Map<String, ConfigValue> section, String expected) throws SQLException {
        TypeResolver.Resolved resolved = TypeResolver.resolve(name, typeKwarg, section);

        assertThat(resolved.type().name()).isEqualTo(expected);
        assertThat(resolved.reason()).isNotBlank();
    }

    @Test
    void theNameSnowparkLogsADeprecationWarning() throws SQLException {
        try (LogCapture log = new LogCapture(TypeResolver.class)) {
            TypeResolver.resolve("snowpark", null, section());

            assertThat(log.warnings()).singleElement().asString().contains("'snowpark' is deprecated")
                    .contains("snowflake");
        }
    }

    @Test
    void theReasonSaysWhereTheTypeCameFrom() throws SQLException {
        assertThat(TypeResolver.resolve("mydb", kwarg("sql"), section()).reason()).isEqualTo("type URL parameter");
        assertThat(TypeResolver.resolve("mydb", null, section("type", "sql")).reason())
                .isEqualTo("type at /app/.streamlit/secrets.toml:2:1");
        assertThat(TypeResolver.resolve("snowflake", null, section()).reason()).isEqualTo("the connection name 'snowflake'");
        assertThat(TypeResolver.resolve("mydb", null, section("url", "x")).reason())
                .isEqualTo("inferred from the url/dialect key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host", "username"})
    void nothingSaysTheTypeIsAnError(String key) {
        Map<String, ConfigValue> section = key.isEmpty() ? section() : section(key, "value");

        SQLException e = catchThrowableOfType(SQLException.class, () -> TypeResolver.resolve("mydb", null, section));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.UNKNOWN_TYPE);
        assertThat(e.getMessage()).isEqualTo("Cannot tell the type of connection 'mydb': add type = \"sql\" (or "
                + "\"snowflake\", or a class implementing io.stconn.spi.ConnectionType) to [connections.mydb] in the "
                + "secrets, give it a url or dialect key, or pass type=sql in the URL: jdbc:stconn:mydb?type=sql");
    }

    // ---- lookup ----

    static Stream<Arguments> lookups() {
        return Stream.of(
                Arguments.of("sql", SqlConnectionType.class),
                Arguments.of("SQL", SqlConnectionType.class),
                Arguments.of("streamlit.connections.SQLConnection", SqlConnectionType.class),
                Arguments.of("snowflake", SnowflakeConnectionType.class),
                Arguments.of("Snowflake", SnowflakeConnectionType.class),
                Arguments.of("snowpark", SnowflakeConnectionType.class),
                Arguments.of("streamlit.connections.SnowflakeConnection", SnowflakeConnectionType.class),
                // a ServiceLoader provider by its short name, in any case
                Arguments.of("echo", EchoConnectionType.class),
                Arguments.of("ECHO", EchoConnectionType.class),
                // by fully qualified class name: registered or not
                Arguments.of("io.stconn.type.EchoConnectionType", EchoConnectionType.class),
                Arguments.of("io.stconn.type.UnregisteredConnectionType", UnregisteredConnectionType.class),
                Arguments.of("io.stconn.type.sql.SqlConnectionType", SqlConnectionType.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    void lookup(String typeName, Class<? extends ConnectionType> expected) throws SQLException {
        assertThat(TypeResolver.lookup(typeName, "URL parameter")).isExactlyInstanceOf(expected);
    }

    @Test
    void aClassNameTypeIsReallyUsed() throws SQLException {
        ConnectionConfig config = new ConnectionConfig("mydb", Map.of(), null, key -> null);

        PoolTarget target = TypeResolver.resolve("mydb", kwarg("io.stconn.type.UnregisteredConnectionType"), section())
                .type().target(config);

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:h2:mem:unregistered_mydb");
    }

    @Test
    void aTypeOnlyTheContextClassLoaderSeesIsFoundByClassNameAndShortName(@TempDir Path dir) throws Exception {
        String source = """
                package com.example.ctx;

                import io.stconn.spi.ConnectionConfig;
                import io.stconn.spi.ConnectionType;
                import io.stconn.spi.PoolTarget;

                public final class ContextOnlyType implements ConnectionType {
                    public String name() { return "context-only"; }
                    public PoolTarget target(ConnectionConfig config) { throw new UnsupportedOperationException(); }
                }
                """;
        try (URLClassLoader loader = CompiledClasses.loader(dir, Map.of("com.example.ctx.ContextOnlyType", source),
                Map.of("META-INF/services/io.stconn.spi.ConnectionType", "com.example.ctx.ContextOnlyType\n"))) {
            Throwable outside = catchThrowableOfType(SQLException.class, () -> TypeResolver.lookup("context-only", ""));
            assertThat(outside).as("outside the context loader").isNotNull();

            ConnectionType byClass = CompiledClasses.withContextLoader(loader,
                    () -> TypeResolver.lookup("com.example.ctx.ContextOnlyType", ""));
            ConnectionType byName = CompiledClasses.withContextLoader(loader, () -> TypeResolver.lookup("context-only", ""));

            assertThat(byClass.name()).isEqualTo("context-only");
            assertThat(byClass.getClass().getClassLoader()).isSameAs(loader);
            assertThat(byName.getClass().getName()).isEqualTo("com.example.ctx.ContextOnlyType");
        }
    }

    @Test
    void aClassThatDoesNotImplementTheSpiIsAnErrorNamingTheClassAndTheInterface() {
        int before = NotAConnectionType.Initialisations.count;

        SQLException e = catchThrowableOfType(SQLException.class,
                () -> TypeResolver.resolve("mydb", null, section("type", "io.stconn.type.NotAConnectionType")));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.UNKNOWN_TYPE);
        assertThat(e.getMessage()).isEqualTo("Class io.stconn.type.NotAConnectionType "
                + "(/app/.streamlit/secrets.toml:2:1) does not implement io.stconn.spi.ConnectionType: a connection type "
                + "must implement that interface and have a public no-argument constructor");
        // checked without initialising it: its static code never ran
        assertThat(NotAConnectionType.Initialisations.count).isEqualTo(before).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.lang.String", "java.sql.Driver", "org.h2.Driver"})
    void platformClassesThatAreNotTypesAreRefused(String className) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> TypeResolver.lookup(className, "URL parameter"));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.UNKNOWN_TYPE);
        assertThat(e.getMessage()).startsWith("Class " + className + " (URL parameter) does not implement "
                + "io.stconn.spi.ConnectionType");
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.NoSuchType", "postgres", "mysql", "not a class"})
    void anUnknownTypeIsAnError(String typeName) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> TypeResolver.resolve("mydb", kwarg(typeName), section()));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.UNKNOWN_TYPE);
        assertThat(e.getMessage()).isEqualTo("Unknown connection type '" + typeName + "' (URL parameter): use sql, "
                + "snowflake, the short name of a registered io.stconn.spi.ConnectionType provider, or the fully "
                + "qualified name of a class implementing it that is on the class path");
    }

    @Test
    void aTypeThatCannotBeCreatedIsAnError() {
        // an interface implements nothing it could be created from
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> TypeResolver.lookup("io.stconn.spi.ConnectionType", "URL parameter"));

        assertThat(SqlState.reasonOf(e)).contains(SqlState.UNKNOWN_TYPE);
        assertThat(e.getMessage()).startsWith("Cannot create connection type io.stconn.spi.ConnectionType (URL parameter)");
    }
}
