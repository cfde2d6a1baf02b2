package io.stconn.spring;

import io.stconn.StconnDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * {@code spring.datasource.url=jdbc:stconn:<name>} alone gives a {@link StconnDataSource}: no
 * driver-class-name, no type, and no second pool of Boot's on top of stconn's. It runs before
 * Boot's own DataSource configuration, which then steps back because a DataSource exists; Boot's
 * db health indicator and everything else that takes a DataSource use this one.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@Conditional(OnStconnUrlCondition.class)
@ConditionalOnMissingBean(DataSource.class)
@EnableConfigurationProperties(StconnProperties.class)
public class StconnDataSourceAutoConfiguration {

    @Bean
    public StconnDataSource dataSource(Environment environment, StconnProperties stconn) {
        StconnDataSource dataSource = new StconnDataSource();
        dataSource.setUrl(environment.getProperty(OnStconnUrlCondition.URL_PROPERTY));
        dataSource.setUsername(environment.getProperty("spring.datasource.username"));
        dataSource.setPassword(environment.getProperty("spring.datasource.password"));
        dataSource.setProjectDir(stconn.getProjectDir());
        dataSource.setTtl(stconn.getTtl());
        Properties kwargs = new Properties();
        kwargs.putAll(stconn.getKwargs());
        dataSource.setProperties(kwargs);
        return dataSource;
    }

    /**
     * Borrows one connection while the application starts, as a HikariCP pool of Boot's own would
     * when something first needs the database: a wrong section, name or password then stops the
     * start with stconn's report (StconnFailureAnalyzer) instead of failing the first request.
     */
    @Bean
    public InitializingBean stconnStartupCheck(StconnDataSource dataSource, StconnProperties stconn) {
        return () -> {
            if (stconn.isCheckOnStartup()) {
                try (Connection ignored = dataSource.getConnection()) {
                    // borrowed and returned: the pool is up
                } catch (SQLException e) {
                    throw new StconnStartupException(dataSource, e);
                }
            }
        };
    }
}
