package io.stconn.spi;

import io.stconn.internal.Masking;
import java.sql.Driver;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a connection type asks stconn to pool: a real driver with its URL and properties, or a
 * DataSource; plus HikariCP settings (HikariCP's own property names) and notes for the debug log.
 * Two targets are equal when pooling them would give the same connections: that is how a change
 * of the secrets is told from a change that does not matter to this connection.
 */
public final class PoolTarget {
    private final Driver driver;
    private final String jdbcUrl;
    private final Properties properties;
    private final DataSource dataSource;
    private final Properties poolSettings;
    private final List<String> notes;
    private final Map<String, String> propertySources;

    private PoolTarget(Driver driver, String jdbcUrl, Properties properties, DataSource dataSource,
                       Properties poolSettings, List<String> notes) {
        this(driver, jdbcUrl, properties, dataSource, poolSettings, notes, Map.of());
    }

    private PoolTarget(Driver driver, String jdbcUrl, Properties properties, DataSource dataSource,
                       Properties poolSettings, List<String> notes, Map<String, String> propertySources) {
        this.propertySources = Map.copyOf(propertySources);
        this.driver = driver;
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        this.dataSource = dataSource;
        this.poolSettings = poolSettings;
        this.notes = List.copyOf(notes);
    }

    /** Connections from {@code driver.connect(jdbcUrl, properties)}. */
    public static PoolTarget ofDriver(Driver driver, String jdbcUrl, Properties properties) {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return new PoolTarget(driver, jdbcUrl, copy(properties), null, new Properties(), List.of());
    }

    /** Connections from a DataSource the type built itself. */
    public static PoolTarget ofDataSource(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new PoolTarget(null, null, new Properties(), dataSource, new Properties(), List.of());
    }

    /** The same target with these HikariCP settings (HikariCP property names, validated by HikariCP). */
    public PoolTarget withPoolSettings(Properties settings) {
        return new PoolTarget(driver, jdbcUrl, properties, dataSource, copy(settings), notes, propertySources);
    }

    /** A note that begins so is also said when the database refuses the login: a likely cause, and its fix. */
    public static final String LOGIN_HINT = "if the login is refused: ";
    /** A note that begins so replaces the advice about servers when connecting fails (a file database, say). */
    public static final String CONNECT_HINT = "if the connection fails: ";
    /** A note that begins so is shown to whoever checks the connection, even when it works. */
    public static final String WARNING = "warning: ";

    /** The same target with notes for the debug log and describe (never secret values). */
    public PoolTarget withNotes(List<String> newNotes) {
        return new PoolTarget(driver, jdbcUrl, properties, dataSource, poolSettings, newNotes, propertySources);
    }

    /**
     * The same target saying, for driver properties that came from a configuration key of another
     * name or as they were (a kwarg passed through), which key that was: describe shows its origin.
     */
    public PoolTarget withPropertySources(Map<String, String> sources) {
        return new PoolTarget(driver, jdbcUrl, properties, dataSource, poolSettings, notes, sources);
    }

    /** Driver property name to the configuration key it came from, where the type said so. */
    public Map<String, String> propertySources() {
        return propertySources;
    }

    public Driver driver() {
        return driver;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A copy of the driver properties. */
    public Properties properties() {
        return copy(properties);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A copy of the HikariCP settings. */
    public Properties poolSettings() {
        return copy(poolSettings);
    }

    public List<String> notes() {
        return notes;
    }

    /** The driver class name, or the DataSource class name. */
    public String implementationClass() {
        return driver != null ? driver.getClass().getName() : dataSource.getClass().getName();
    }

    /** The driver properties with secret values masked, sorted. */
    public TreeMap<String, String> maskedProperties() {
        return masked(properties);
    }

    /** The pool settings with secret values masked, sorted. */
    public TreeMap<String, String> maskedPoolSettings() {
        return masked(poolSettings);
    }

    private static TreeMap<String, String> masked(Properties props) {
        TreeMap<String, String> out = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k, Masking.value(k, props.getProperty(k))));
        return out;
    }

    private static Properties copy(Properties source) {
        Properties copy = new Properties();
        if (source != null) {
            source.stringPropertyNames().forEach(k -> copy.setProperty(k, source.getProperty(k)));
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PoolTarget other)) {
            return false;
        }
        return Objects.equals(driver == null ? null : driver.getClass(), other.driver == null ? null : other.driver.getClass())
                && Objects.equals(jdbcUrl, other.jdbcUrl)
                && properties.equals(other.properties)
                && Objects.equals(dataSource, other.dataSource)
                && poolSettings.equals(other.poolSettings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jdbcUrl, properties, poolSettings);
    }

    @Override
    public String toString() {
        String what = driver != null ? implementationClass() + " " + Masking.url(jdbcUrl) : "DataSource " + implementationClass();
        return "PoolTarget[" + what + ", properties=" + maskedProperties() + ", pool=" + maskedPoolSettings() + "]";
    }
}
