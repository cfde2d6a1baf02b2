package io.stconn.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SEMANTICS.md sections 3 and 9: two targets are equal exactly when pooling them gives the same
 * connections (that is how a change of the secrets that matters is told from one that does not),
 * and a target never prints a password.
 */
class PoolTargetTest {
    private static final String URL = "jdbc:h2:mem:pool_target";

    private static Properties props(String... keysAndValues) {
        Properties p = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return p;
    }

    private static PoolTarget base() {
        return PoolTarget.ofDriver(new org.h2.Driver(), URL, props("user", "sa", "password", "S3cr3t"))
                .withPoolSettings(props("maximumPoolSize", "15", "minimumIdle", "5"));
    }

    @Test
    void theSameDriverClassUrlPropertiesAndPoolSettingsAreEqual() {
        // another instance of the same driver class, properties and settings in another order, other notes
        PoolTarget other = PoolTarget.ofDriver(new org.h2.Driver(), URL, props("password", "S3cr3t", "user", "sa"))
                .withPoolSettings(props("minimumIdle", "5", "maximumPoolSize", "15"))
                .withNotes(List.of("a note for the debug log"));

        assertThat(other).isEqualTo(base()).hasSameHashCodeAs(base());
        assertThat(base()).isEqualTo(other);
    }

    @Test
    void theCallerCannotChangeATargetThroughItsProperties() {
        Properties given = props("user", "sa");
        PoolTarget target = PoolTarget.ofDriver(new org.h2.Driver(), URL, given);
        PoolTarget same = PoolTarget.ofDriver(new org.h2.Driver(), URL, props("user", "sa"));

        given.setProperty("user", "changed");
        target.properties().setProperty("user", "changed too");
        target.poolSettings().setProperty("maximumPoolSize", "99");

        assertThat(target).isEqualTo(same);
        assertThat(target.properties()).containsOnly(java.util.Map.entry("user", "sa"));
    }

    static Stream<Arguments> differences() {
        return Stream.<Arguments>of(
                difference("another driver class", t -> PoolTarget.ofDriver(new OtherDriver(), URL,
                        props("user", "sa", "password", "S3cr3t")).withPoolSettings(t.poolSettings())),
                difference("another URL", t -> PoolTarget.ofDriver(t.driver(), URL + "2", t.properties())
                        .withPoolSettings(t.poolSettings())),
                difference("another user", t -> PoolTarget.ofDriver(t.driver(), URL, props("user", "bob", "password",
                        "S3cr3t")).withPoolSettings(t.poolSettings())),
                difference("another password", t -> PoolTarget.ofDriver(t.driver(), URL, props("user", "sa", "password",
                        "S3cr3t2")).withPoolSettings(t.poolSettings())),
                difference("an extra property", t -> PoolTarget.ofDriver(t.driver(), URL, props("user", "sa", "password",
                        "S3cr3t", "MODE", "MySQL")).withPoolSettings(t.poolSettings())),
                difference("a missing property", t -> PoolTarget.ofDriver(t.driver(), URL, props("user", "sa"))
                        .withPoolSettings(t.poolSettings())),
                difference("another pool size", t -> t.withPoolSettings(props("maximumPoolSize", "16", "minimumIdle", "5"))),
                difference("an extra pool setting", t -> t.withPoolSettings(props("maximumPoolSize", "15", "minimumIdle",
                        "5", "autoCommit", "false"))),
                difference("no pool settings", t -> t.withPoolSettings(new Properties())),
                difference("a DataSource instead", t -> PoolTarget.ofDataSource(new StubDataSource())));
    }

    private static Arguments difference(String what, UnaryOperator<PoolTarget> change) {
        return Arguments.of(what, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differences")
    void anyDifferenceIsNotEqual(String what, UnaryOperator<PoolTarget> change) {
        PoolTarget changed = change.apply(base());

        assertThat(changed).isNotEqualTo(base());
        assertThat(base()).isNotEqualTo(changed);
    }

    @Test
    void dataSourceTargetsAreEqualForTheSameDataSource() {
        DataSource ds = new StubDataSource();

        assertThat(PoolTarget.ofDataSource(ds)).isEqualTo(PoolTarget.ofDataSource(ds))
                .hasSameHashCodeAs(PoolTarget.ofDataSource(ds));
        assertThat(PoolTarget.ofDataSource(ds)).isNotEqualTo(PoolTarget.ofDataSource(new StubDataSource()));
        assertThat(PoolTarget.ofDataSource(ds).withPoolSettings(props("maximumPoolSize", "3")))
                .isNotEqualTo(PoolTarget.ofDataSource(ds));
    }

    @Test
    void toStringNeverShowsAPassword() {
        PoolTarget target = PoolTarget.ofDriver(new org.h2.Driver(), "jdbc:h2:mem:x;USER=sa;PASSWORD=S3cr3t-url",
                        props("user", "sa", "password", "S3cr3t-prop", "token", "S3cr3t-token",
                                "private_key_file_pwd", "S3cr3t-pwd", "sslpassword", "S3cr3t-ssl"))
                .withPoolSettings(props("maximumPoolSize", "15", "password", "S3cr3t-hikari",
                        "dataSource.password", "S3cr3t-ds"));

        String text = target.toString();

        assertThat(text).doesNotContain("S3cr3t").contains("org.h2.Driver").contains("user=sa").contains("****")
                .contains("maximumPoolSize=15");
    }

    @Test
    void toStringMasksUserInfoInTheUrl() {
        PoolTarget target = PoolTarget.ofDriver(new org.h2.Driver(), "jdbc:postgresql://u:S3cr3t@h:5432/db?sslpassword=S3cr3t2",
                new Properties());

        assertThat(target.toString()).doesNotContain("S3cr3t").contains("jdbc:postgresql://u:****@h:5432/db");
    }

    @Test
    void maskedViewsHideSecretsAndKeepTheRest() {
        assertThat(base().maskedProperties()).containsOnly(java.util.Map.entry("user", "sa"),
                java.util.Map.entry("password", "****"));
        assertThat(base().properties().getProperty("password")).isEqualTo("S3cr3t");
    }

    /** A second JDBC driver class, to tell drivers apart by class. */
    static final class OtherDriver implements Driver {
        @Override
        public Connection connect(String url, Properties info) {
            return null;
        }

        @Override
        public boolean acceptsURL(String url) {
            return false;
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }
    }

    static final class StubDataSource implements DataSource {
        @Override
        public Connection getConnection() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Connection getConnection(String username, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
