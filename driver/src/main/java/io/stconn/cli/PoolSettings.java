package io.stconn.cli;

import com.zaxxer.hikari.HikariConfig;
import io.stconn.pool.PoolRegistry;
import io.stconn.internal.Masking;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The pool settings of a target as HikariCP itself reads them: the given ones, bound and checked
 * by HikariCP's own code ({@code new HikariConfig(properties)}, then {@code validate()}, which
 * fills in defaults and corrects unwise values with a warning, as when the pool starts). No pool
 * is started. Each setting is a bean property of HikariConfig with a simple value; secrets are
 * masked.
 */
final class PoolSettings {
    private static final Set<Class<?>> SIMPLE = Set.of(String.class, int.class, long.class, boolean.class,
            Integer.class, Long.class, Boolean.class);
    // the pools set these for every pool themselves (its name, JMX); the configuration has no say
    private static final Set<String> SET_BY_THE_POOLS = Set.of("poolName", "registerMbeans");
    // never asked for a connection: validate() only checks that there is one
    private static final DataSource PLACEHOLDER = (DataSource) Proxy.newProxyInstance(PoolSettings.class.getClassLoader(),
            new Class<?>[] {DataSource.class}, (proxy, method, args) -> switch (method.getName()) {
                case "toString" -> "(none: describe opens no connection)";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException("describe opens no connection");
            });

    private PoolSettings() {
    }

    /** Setting name to value (String, Number or Boolean), sorted; settings without a value are left out. */
    static Map<String, Object> withDefaults(String connectionName, Properties settings) throws SQLException {
        HikariConfig config = PoolRegistry.hikariConfig(connectionName, settings);
        try {
            // validate() wants something to connect with and names its warnings after the pool
            config.setDataSource(PLACEHOLDER);
            config.setPoolName("stconn-" + connectionName);
            config.validate();
        } catch (RuntimeException e) {
            throw PoolRegistry.invalidPoolSetting(connectionName, e);
        }
        Map<String, Object> values = new TreeMap<>();
        for (Method getter : HikariConfig.class.getMethods()) {
            String property = property(getter);
            if (property == null || SET_BY_THE_POOLS.contains(property)) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(config);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (value != null) {
                values.put(property, value instanceof String text ? Masking.value(property, text)
                        : Masking.isSecretKey(property) ? Masking.MASK : value);
            }
        }
        config.getDataSourceProperties().forEach((k, v) -> values.put("dataSource." + k,
                Masking.value(String.valueOf(k), v)));
        return values;
    }

    /** The property a getter reads, when HikariConfig also has its setter and the value is simple. */
    private static String property(Method getter) {
        String name = getter.getName();
        int prefix = name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : 0;
        if (prefix == 0 || name.length() == prefix || getter.getParameterCount() != 0
                || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class
                || !SIMPLE.contains(getter.getReturnType())) {
            return null;
        }
        String bare = name.substring(prefix);
        try {
            HikariConfig.class.getMethod("set" + bare, getter.getReturnType());
        } catch (NoSuchMethodException e) {
            return null;
        }
        return bare.substring(0, 1).toLowerCase(Locale.ROOT) + bare.substring(1);
    }
}
