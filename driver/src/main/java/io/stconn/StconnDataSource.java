package io.stconn;

import io.stconn.internal.BaseDataSource;
import io.stconn.internal.Masking;
import io.stconn.request.ConnectionRequest;
import io.stconn.request.RequestParser;
import io.stconn.road.Road;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;
import javax.sql.DataSource;


/**
 * A DataSource configured by connection name that serves connections from the same pool
 * {@code jdbc:stconn:<name>} would: usable as a bean, as Spring Boot's
 * {@code spring.datasource.type}, as Hibernate's {@code hibernate.connection.datasource}, as
 * Flyway's DataSource, and from JNDI (it is {@link Referenceable}; see
 * {@link StconnDataSourceFactory}). It holds no pool of its own, so there is never a second pool
 * on top of stconn's.
 *
 * <p>Configure either {@link #setName name} (plus optional kwargs, project folder, ttl,
 * max_entries) or a whole {@link #setUrl jdbc:stconn: URL}; both together combine, the setters
 * winning over the URL's parameters as connect() Properties do.
 */
public class StconnDataSource extends BaseDataSource implements Referenceable {
    private String url;
    private String name;
    private String projectDir;
    private String ttl;
    private String maxEntries;
    private String username;
    private String password;
    private final Properties kwargs = new Properties();
    private volatile ConnectionRequest request;
    private volatile Object metricRegistry;

    public StconnDataSource() {
    }

    public StconnDataSource(String name) {
        this.name = name;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return Road.shared().connection(request());
    }

    @Override
    public Connection getConnection(String user, String pass) throws SQLException {
        Properties props = properties();
        if (user != null && !user.isEmpty()) {
            props.setProperty("user", user);
        }
        if (pass != null && !pass.isEmpty()) {
            props.setProperty("password", pass);
        }
        return Road.shared().connection(Road.shared().request(jdbcUrl(), props));
    }

    /** The parsed request, built once per configuration so that borrowing parses nothing. */
    ConnectionRequest request() throws SQLException {
        ConnectionRequest r = request;
        if (r == null) {
            r = Road.shared().request(jdbcUrl(), properties());
            if (metricRegistry != null) {
                Road.shared().metrics(r, metricRegistry);
            }
            request = r;
        }
        return r;
    }

    /** The URL this DataSource connects to: the one set, or {@code jdbc:stconn:<name>}. */
    public String jdbcUrl() throws SQLException {
        if (url != null && !url.isBlank()) {
            return url.trim();
        }
        if (name == null || name.isBlank()) {
            throw SqlState.INVALID_URL.exception("StconnDataSource has no connection name: set name (a [connections.<name>] "
                    + "section of .streamlit/secrets.toml) or url (jdbc:stconn:<name>)");
        }
        return RequestParser.PREFIX + URLEncoder.encode(name.trim(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Properties properties() {
        Properties props = new Properties();
        props.putAll(kwargs);
        put(props, StconnKey.PROJECT_DIR.key(), projectDir);
        put(props, StconnKey.TTL.key(), ttl);
        put(props, StconnKey.MAX_ENTRIES.key(), maxEntries);
        put(props, "user", username);
        put(props, "password", password);
        return props;
    }

    private static void put(Properties props, String key, String value) {
        if (value != null && !value.isBlank()) {
            props.setProperty(key, value);
        }
    }

    private void changed() {
        request = null;
    }

    public String getUrl() {
        return url;
    }

    /** A whole {@code jdbc:stconn:<name>?k=v} URL (Spring Boot's spring.datasource.url binds here). */
    public void setUrl(String url) {
        this.url = url;
        changed();
    }

    /** Spring Boot binds spring.datasource.url here when the type has a jdbcUrl property. */
    public void setJdbcUrl(String url) {
        setUrl(url);
    }

    public String getJdbcUrl() {
        return url;
    }

    public String getName() {
        return name;
    }

    /** The connection name: the {@code [connections.<name>]} section. */
    public void setName(String name) {
        this.name = name;
        changed();
    }

    public String getProjectDir() {
        return projectDir;
    }

    public void setProjectDir(String projectDir) {
        this.projectDir = projectDir;
        changed();
    }

    public String getTtl() {
        return ttl;
    }

    /** Pool lifetime in seconds, or a duration such as 10m. */
    public void setTtl(String ttl) {
        this.ttl = ttl;
        changed();
    }

    public String getMaxEntries() {
        return maxEntries;
    }

    public void setMaxEntries(String maxEntries) {
        this.maxEntries = maxEntries;
        changed();
    }

    public String getUsername() {
        return username;
    }

    /** Overrides the secrets' user when not empty. */
    public void setUsername(String username) {
        this.username = username;
        changed();
    }

    public void setUser(String user) {
        setUsername(user);
    }

    /** Overrides the secrets' password when not empty. */
    public void setPassword(String password) {
        this.password = password;
        changed();
    }

    /** Accepted and ignored: stconn finds the real driver itself (Spring Boot sets it). */
    public void setDriverClassName(String ignored) {
        // the real driver follows from the secrets
    }

    /** Other kwargs, as connect() Properties would give them. */
    public void setProperties(Properties properties) {
        kwargs.clear();
        if (properties != null) {
            properties.stringPropertyNames().forEach(k -> kwargs.setProperty(k, properties.getProperty(k)));
        }
        changed();
    }

    public void setProperty(String key, String value) {
        kwargs.setProperty(key, value);
        changed();
    }

    /**
     * The pool reports HikariCP's {@code hikaricp.*} meters, tagged {@code pool=stconn-<name>}, to this
     * Micrometer {@code MeterRegistry} (or a Dropwizard {@code MetricRegistry}, or a Prometheus client
     * {@code CollectorRegistry} for HikariCP's own Prometheus tracker); typed Object so that no such
     * library is needed when no registry is given. A pool already running starts reporting
     * at once; the first registry given for a connection stays.
     *
     * @throws IllegalArgumentException when the object is neither kind of registry
     */
    public void setMetricRegistry(Object registry) {
        this.metricRegistry = registry;
        ConnectionRequest r = request;
        if (r != null && registry != null) {
            try {
                Road.shared().metrics(r, registry);
            } catch (SQLException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    public Object getMetricRegistry() {
        return metricRegistry;
    }

    /**
     * Retires the pool this DataSource draws from (connections still borrowed keep working), as an
     * application server's {@code closeMethod} or a Spring context's shutdown calls it; a later
     * getConnection builds a new pool.
     */
    public void close() {
        ConnectionRequest r = request;
        if (r != null) {
            Road.shared().reset(r);
        }
    }

    /**
     * The JNDI reference names the connection and its options; it holds no secret (a naming
     * service may show or store it): passwords and values holding one stay out, since the
     * secrets come from the secrets file.
     */
    @Override
    public Reference getReference() {
        Reference ref = new Reference(StconnDataSource.class.getName(), StconnDataSourceFactory.class.getName(), null);
        addr(ref, "url", url == null ? null : Masking.withoutSecretParameters(url));
        addr(ref, "name", name);
        addr(ref, "projectDir", projectDir);
        addr(ref, "ttl", ttl);
        addr(ref, "maxEntries", maxEntries);
        addr(ref, "username", username);
        kwargs.stringPropertyNames().stream().filter(k -> !Masking.holdsSecret(k, kwargs.getProperty(k)))
                .forEach(k -> addr(ref, StconnDataSourceFactory.KWARG_PREFIX + k, kwargs.getProperty(k)));
        return ref;
    }

    private static void addr(Reference ref, String type, String value) {
        if (value != null) {
            ref.add(new StringRefAddr(type, value));
        }
    }

    @Override
    public String toString() {
        String target = url != null ? Masking.url(url) : "jdbc:stconn:" + name;
        return "StconnDataSource[" + target + (projectDir == null ? "" : ", project_dir=" + projectDir) + "]";
    }
}
