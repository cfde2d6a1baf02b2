package io.stconn.spring;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.stconn.StconnDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * HikariCP's own {@code hikaricp.*} meters for the pool that holds the database connections,
 * tagged {@code pool=stconn-<name>}. Boot's DataSource metrics know only an unrelocated
 * HikariDataSource; stconn's pool is its relocated copy, which reports through Micrometer once
 * it is given the application's MeterRegistry.
 */
@AutoConfiguration(after = StconnDataSourceAutoConfiguration.class,
        afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBean(StconnDataSource.class)
public class StconnMetricsAutoConfiguration {

    /** Boot binds it to the application's registry once every singleton exists. */
    @Bean
    public MeterBinder stconnPoolMetrics(ObjectProvider<StconnDataSource> dataSources) {
        return registry -> dataSources.orderedStream().forEach(dataSource -> dataSource.setMetricRegistry(registry));
    }
}
