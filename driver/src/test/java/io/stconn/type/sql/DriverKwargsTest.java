package io.stconn.type.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.spi.ConfigValue;
import io.stconn.spi.ConfigValue.Source;
import io.stconn.spi.ConnectionConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DriverKwargsTest {

    private static ConnectionConfig config(ConfigValue... values) {
        Map<String, ConfigValue> map = new LinkedHashMap<>();
        for (ConfigValue v : values) {
            map.put(v.key(), v);
        }
        return new ConnectionConfig("shop", map, null, key -> null);
    }

    private static ConfigValue kwarg(String key, String value, Source source) {
        return new ConfigValue(key, value, source, source == Source.PROPERTY ? "connect() property" : "URL parameter");
    }

    private static ConfigValue secret(String key, Object value) {
        return new ConfigValue(key, value, Source.SECRETS, "/app/.streamlit/secrets.toml:3:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"url", "dialect", "host", "username", "user", "password", "query", "query.sslmode",
            "create_engine_kwargs.pool_size", "hikari.maximumPoolSize", "autocommit", "ttl", "project_dir",
            "pool_size", "max_overflow", "echo", "isolation_level"})
    void keysOfTheTypeAndOfStconnAreNotDriverProperties(String key) {
        assertThat(DriverKwargs.isTypeKey(key)).isTrue();
        assertThat(DriverKwargs.of(config(kwarg(key, "x", Source.URL_PARAMETER)), false)).isEmpty();
    }

    @Test
    void otherKwargsPassUrlParametersFirstSoThatAPropertyWinsASharedDriverProperty() {
        Map<String, ConfigValue> passed = DriverKwargs.of(config(
                kwarg("ApplicationName", "from properties", Source.PROPERTY),
                kwarg("application_name", "from the url", Source.URL_PARAMETER),
                secret("sslmode", "require")), false);
        assertThat(passed.keySet()).containsExactly("application_name", "ApplicationName");
    }

    @Test
    void besideAUrlAQueryKwargIsStillADriverParameter() {
        ConfigValue given = kwarg("query.sslmode", "require", Source.URL_PARAMETER);
        assertThat(DriverKwargs.of(config(given), true)).containsExactly(Map.entry("sslmode", given));
        assertThat(DriverKwargs.of(config(given), false)).as("without a url the query table holds it").isEmpty();
    }

    @Test
    void unknownSecretsKeysAndAQueryTableBesideAUrlAreNamedWithTheirFileAndLine() {
        ConnectionConfig config = config(secret("url", "postgresql://db/shop"), secret("sslmode", "require"),
                secret("query", Map.of("connect_timeout", 5)));
        List<String> notes = DriverKwargs.dropped(config, true);
        assertThat(notes).containsExactly(
                "sslmode (/app/.streamlit/secrets.toml:3:1) is not a key of a sql connection and is ignored, as "
                        + "Streamlit ignores it: put a driver parameter in the query table, or pass it as a kwarg",
                "the query table (/app/.streamlit/secrets.toml:3:1) is ignored beside url, as Streamlit ignores it: "
                        + "write its parameters into the url (?key=value), or pass them as kwargs");
        assertThat(DriverKwargs.dropped(config(secret("dialect", "postgresql"), secret("query", Map.of("a", 1))), false))
                .isEmpty();
    }
}
