package io.stconn.type.snowflake;

import io.stconn.SqlState;
import io.stconn.internal.BaseDataSource;
import io.stconn.internal.Masking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;


/**
 * snowflake-jdbc with a token read from a file for each new physical connection: Snowpark
 * Container Services refreshes its token file every few minutes, and a pool outlives any one token.
 * Equal to another for the same driver class, URL, properties and file, so that re-reading an
 * unchanged configuration keeps the pool.
 */
public final class TokenFileDataSource extends BaseDataSource {
    private final Driver driver;
    private final String url;
    private final Properties properties;
    private final Path tokenFile;

    public TokenFileDataSource(Driver driver, String url, Properties properties, Path tokenFile) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.url = Objects.requireNonNull(url, "url");
        this.properties = new Properties();
        this.properties.putAll(properties);
        this.tokenFile = Objects.requireNonNull(tokenFile, "tokenFile");
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties props = new Properties();
        props.putAll(properties);
        props.setProperty("token", token());
        Connection connection = driver.connect(url, props);
        if (connection == null) {
            throw SqlState.CONNECTION_FAILED.exception("snowflake-jdbc does not accept the URL " + Masking.url(url));
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private String token() throws SQLException {
        String token;
        try {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw SqlState.CONNECTION_FAILED.exception("Cannot read the Snowflake token file " + tokenFile + ": "
                    + e.getClass().getSimpleName(), e);
        }
        if (token.isEmpty()) {
            throw SqlState.MISSING_VALUE.exception("The Snowflake token file " + tokenFile + " is empty");
        }
        return token;
    }

    public Path tokenFile() {
        return tokenFile;
    }

    public String url() {
        return url;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenFileDataSource other && driver.getClass() == other.driver.getClass()
                && url.equals(other.url) && properties.equals(other.properties) && tokenFile.equals(other.tokenFile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(driver.getClass(), url, properties, tokenFile);
    }

    @Override
    public String toString() {
        TreeMap<String, String> shown = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> shown.put(k, Masking.value(k, properties.getProperty(k))));
        return "TokenFileDataSource[" + driver.getClass().getName() + " " + Masking.url(url) + ", properties=" + shown
                + ", token from " + tokenFile + "]";
    }
}
