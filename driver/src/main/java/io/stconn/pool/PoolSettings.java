package io.stconn.pool;

import com.zaxxer.hikari.HikariConfig;
import io.stconn.SqlState;
import io.stconn.internal.DaemonThreads;
import io.stconn.internal.Env;
import io.stconn.internal.Masking;
import io.stconn.internal.Nearest;
import io.stconn.spi.ConfigValue;
import io.stconn.spi.Environment;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.sql.DataSource;

/**
 * Everything stconn knows of HikariCP's settings, in one place: binding and checking them through
 * HikariCP's own code ({@code new HikariConfig(properties)}, as the pool start does), the message
 * for a refused one, the settings the pools set themselves (name, JMX), and the settings as a pool
 * would run with them ({@link #withDefaults}), which {@code describe} shows.
 */
public final class PoolSettings {
    private static final Set<Class<?>> SIMPLE = Set.of(String.class, int.class, long.class, boolean.class,
            Integer.class, Long.class, Boolean.class);
    // the pools set these for every pool themselves (its name, JMX); the configuration has no say
    private static final Set<String> SET_BY_THE_POOLS = Set.of("poolName", "registerMbeans");
    private static final String POOL_NAME_PREFIX = "stconn-";
    /**
     * HikariCP logs through SLF4J, which the jar relocates and binds to java.util.logging under
     * HikariCP's package. Its INFO lines (pool starting, started, shut down) would land in the
     * console of every tool the jar is dropped into (sqlline, the CLI, a GUI's log), whichever door
     * it came through, so the default is WARNING; a logging configuration that sets this logger's
     * level wins. Held here because java.util.logging keeps loggers only weakly.
     */
    private static final Logger HIKARI_LOGGER = quiet(Logger.getLogger(HikariConfig.class.getPackageName()));
    /** Every setting HikariConfig has a setter for, by its property name. */
    private static final Set<String> NAMES = settingNames();

    private PoolSettings() {
    }

    private static Logger quiet(Logger logger) {
        if (logger.getLevel() == null) {
            logger.setLevel(Level.WARNING);
        }
        return logger;
    }

    private static Set<String> settingNames() {
        Set<String> names = new HashSet<>();
        for (Method m : HikariConfig.class.getMethods()) {
            String name = m.getName();
            if (name.startsWith("set") && name.length() > 3 && m.getParameterCount() == 1
                    && !Modifier.isStatic(m.getModifiers())) {
                names.add(name.substring(3, 4).toLowerCase(Locale.ROOT) + name.substring(4));
            }
        }
        return Set.copyOf(names);
    }

    /** HikariCP's own reading of the settings, as the pool start makes it, with the settings the pools own. */
    static HikariConfig config(String connectionName, Properties settings, String poolName) throws SQLException {
        HikariConfig config;
        try {
            config = new HikariConfig(settings);
        } catch (RuntimeException e) {
            throw invalid(connectionName, e);
        }
        config.setPoolName(poolName);
        // with no MBean server yet, the registry registers the MBeans later, off the first connection's path
        config.setRegisterMbeans(jmx() && PoolMBeans.serverExists());
        // HikariCP's housekeeper, adder and closer threads, with stconn's loader as context class loader
        config.setThreadFactory(DaemonThreads.numbered(poolName + ":worker"));
        return config;
    }

    /**
     * Every name checked against HikariCP's settings, then the values through HikariCP's own
     * property binding; when it refuses them, each one by one, so that the refused one is reported
     * once, with its name and where it came from, in HikariCP's words.
     *
     * @param given the settings the user wrote, for their origins; the others were derived
     */
    public static void check(String connectionName, Properties settings, Map<String, ConfigValue> given)
            throws SQLException {
        for (String key : settings.stringPropertyNames()) {
            if (!key.startsWith("dataSource.") && !NAMES.contains(key)) {
                // told here: HikariCP would log the unknown name at SEVERE before refusing it
                throw SqlState.INVALID_POOL_SETTING.exception("Invalid pool setting " + key + " = '"
                        + Masking.value(key, settings.getProperty(key)) + "' (" + origin(key, given)
                        + ") for connection '" + connectionName + "': the setting does not exist in HikariCP"
                        + Nearest.to(key, NAMES).map(n -> "; did you mean " + n + "?").orElse("")
                        + ". Its settings are named as in its documentation (maximumPoolSize, connectionTimeout...); "
                        + "driver properties go in connect_args.");
            }
        }
        if (refusal(settings) == null) {
            return;
        }
        for (String key : settings.stringPropertyNames()) {
            String refusal = refusal(key, settings.getProperty(key));
            if (refusal != null) {
                throw SqlState.INVALID_POOL_SETTING.exception("Invalid pool setting " + key + " = '"
                        + Masking.value(key, settings.getProperty(key)) + "' (" + origin(key, given) + ") for connection '"
                        + connectionName + "': " + refusal + ". See HikariCP's configuration documentation for the "
                        + "names and values it takes.");
            }
        }
    }

    private static String origin(String key, Map<String, ConfigValue> given) {
        ConfigValue value = given.get(key);
        return value == null ? "from create_engine_kwargs" : value.origin();
    }

    /** HikariCP's complaint about one setting, in its own words, or null when it takes the value. */
    static String refusal(String key, String value) {
        Properties one = new Properties();
        one.setProperty(key, value);
        return refusal(one);
    }

    /** HikariCP's complaint about the first of these settings it refuses, or null when it takes them all. */
    private static String refusal(Properties settings) {
        try {
            new HikariConfig(settings);
            return null;
        } catch (RuntimeException e) {
            return hikariMessage(e);
        }
    }

    /** The error for pool settings HikariCP refuses, in HikariCP's own words. */
    static SQLException invalid(String connectionName, RuntimeException e) {
        return SqlState.INVALID_POOL_SETTING.exception("Invalid pool setting for connection '" + connectionName
                + "': " + hikariMessage(e) + ". Pool settings come from create_engine_kwargs and the hikari table; "
                + "see HikariCP's configuration documentation for names and values.", e);
    }

    /**
     * HikariCP's own words: it wraps a setter's complaint in reflection exceptions, so the
     * innermost message is the one that says what is wrong.
     */
    static String hikariMessage(Throwable e) {
        Throwable innermost = e;
        for (Throwable t = e.getCause(); t != null && t != innermost; t = t.getCause()) {
            if (t.getMessage() != null) {
                innermost = t;
            }
        }
        String message = String.valueOf(innermost.getMessage());
        if (innermost instanceof NumberFormatException) {
            message = "not a number (" + message + ")";
        }
        return Masking.url(message);
    }

    /** {@code stconn-<name>} with the characters JMX object names cannot hold replaced. */
    static String poolNameBase(String connectionName) {
        return POOL_NAME_PREFIX + connectionName.replaceAll("[:,=*?\"\\n\\r\\\\]", "_");
    }

    /** JMX visibility (see PoolMBeans), unless stconn.jmx=false: the command-line tool's JVM lives a second. */
    static boolean jmx() {
        return !"false".equalsIgnoreCase(Environment.SYSTEM.get(Env.STCONN_JMX.key()));
    }


    /** Setting name to value (String, Number or Boolean), sorted; settings without a value are left out. */
    public static Map<String, Object> withDefaults(String connectionName, Properties settings) throws SQLException {
        HikariConfig config = config(connectionName, settings, poolNameBase(connectionName));
        try {
            // validate() wants something to connect with and names its warnings after the pool
            config.setDataSource(Placeholder.DATA_SOURCE);
            config.validate();
        } catch (RuntimeException e) {
            throw invalid(connectionName, e);
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

    /** What validate() is given to connect with (it only checks that there is one): made when describe first asks. */
    private static final class Placeholder {
        static final DataSource DATA_SOURCE = (DataSource) Proxy.newProxyInstance(PoolSettings.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "(none: describe opens no connection)";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("describe opens no connection");
                });
    }
}
