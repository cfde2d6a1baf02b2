package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.management.ObjectName;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * stconn-spring-boot-starter with Spring Boot 3.5 and Actuator: {@code spring.datasource.url} alone
 * gives stconn's DataSource (no driver class, no type, one pool), HikariCP's {@code hikaricp.*}
 * meters of that pool tagged with its name, Boot's db health indicator, the project folder and
 * kwargs under {@code spring.datasource.stconn.*}, and stconn's errors in Boot's start-up report.
 */
class SpringBootStarterIT {
    @TempDir
    Path tmp;

    /** The application: auto-configuration only, as a user's would be with the starter on its class path. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    public static class App {
        public static Object start(String[] properties) {
            return new SpringApplicationBuilder(App.class).main(App.class).web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF).registerShutdownHook(false).properties(properties).run();
        }

        public static List<String> queryForList(Object context, String sql) {
            return ((ConfigurableApplicationContext) context).getBean(JdbcTemplate.class).queryForList(sql, String.class);
        }

        /** Every DataSource bean's class. */
        public static List<String> dataSources(Object context) {
            return ((ConfigurableApplicationContext) context).getBeansOfType(DataSource.class).values().stream()
                    .map(ds -> ds.getClass().getName()).toList();
        }

        /** The hikaricp.* meters as "name{tags} = value", read while one connection is borrowed. */
        public static List<String> hikariMetersDuringABorrow(Object context) throws Exception {
            ConfigurableApplicationContext app = (ConfigurableApplicationContext) context;
            MeterRegistry registry = app.getBean(MeterRegistry.class);
            try (Connection ignored = app.getBean(DataSource.class).getConnection()) {
                List<String> shown = new ArrayList<>();
                for (Meter meter : registry.getMeters()) {
                    if (meter.getId().getName().startsWith("hikaricp.")) {
                        meter.measure().forEach(m -> shown.add(meter.getId().getName() + meter.getId().getTags()
                                + " " + m.getStatistic() + " = " + m.getValue()));
                    }
                }
                return shown.stream().sorted().toList();
            }
        }

        public static String dbHealth(Object context) {
            return ((ConfigurableApplicationContext) context).getBean("dbHealthContributor", HealthIndicator.class)
                    .health().getStatus().getCode();
        }

        /** What the failure analyzers registered with Boot make of a start-up failure (description, action). */
        public static List<String> analyze(String[] properties) {
            try {
                start(properties);
                return List.of();
            } catch (RuntimeException e) {
                // as Boot finds them (some of Boot's own need constructor arguments Boot alone supplies: skipped)
                List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(App.class.getClassLoader())
                        .load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {
                        }));
                for (FailureAnalyzer analyzer : analyzers) {
                    FailureAnalysis analysis = analyzer.analyze(e);
                    if (analysis != null && analyzer.getClass().getName().startsWith("io.stconn")) {
                        return List.of(analysis.getDescription(), analysis.getAction());
                    }
                }
                return List.of("no analysis", e.toString());
            }
        }

        public static void stop(Object context) {
            ((ConfigurableApplicationContext) context).close();
        }

        public static void deregisterDrivers() throws Exception {
            SpringBootIT.App.deregisterDrivers();
        }
    }

    @Test
    void urlAloneGivesStconnsDataSourceWithItsPoolsMetricsAndHealth() throws Exception {
        String name = Project.uniqueName("starter");
        Project project = SpringBootIT.petsProject(tmp, name);
        try (BootApp app = BootApp.start(App.class, entry -> true,
                "spring.datasource.url=jdbc:stconn:" + name,
                "spring.datasource.stconn.project-dir=" + project.dir(),
                "spring.datasource.stconn.kwargs.[hikari.maximumPoolSize]=3")) {
            assertThat(queryForList(app, "SELECT name FROM pets ORDER BY id")).containsExactly("Mary", "John", "Robert");
            assertThat(app.call("dataSources")).isEqualTo(List.of("io.stconn.StconnDataSource"));

            @SuppressWarnings("unchecked")
            List<String> meters = (List<String>) app.call("hikariMetersDuringABorrow");
            System.out.println("Actuator's hikaricp.* meters while one connection is borrowed:");
            meters.forEach(m -> System.out.println("  " + m));
            String tag = "tag(pool=stconn-" + name + ")";
            assertThat(meters).contains("hikaricp.connections.active[" + tag + "] VALUE = 1.0",
                    "hikaricp.connections.max[" + tag + "] VALUE = 3.0");
            assertThat(meters).anyMatch(m -> m.startsWith("hikaricp.connections.idle[" + tag + "]"))
                    .anyMatch(m -> m.startsWith("hikaricp.connections.pending[" + tag + "]"))
                    .anyMatch(m -> m.startsWith("hikaricp.connections.acquire[" + tag + "]"))
                    .allMatch(m -> m.contains(tag));

            assertThat(app.call("dbHealth")).isEqualTo("UP");

            Set<ObjectName> pools = ManagementFactory.getPlatformMBeanServer()
                    .queryNames(new ObjectName("*:type=Pool (*" + name + "*)"), null);
            System.out.println("pool MBeans in JMX for " + name + ": " + pools);
            assertThat(pools).hasSize(1);
            assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("com.zaxxer.hikari:*"), null))
                    .as("no pool of Boot's own").isEmpty();
        }
        // the context's end closed the DataSource, which retires its pool: gone once its last connection is back
        Await.until(Duration.ofSeconds(10), () -> Pools.of(name).isEmpty(), () -> "the pool outlived the application");
    }

    @Test
    void configurationErrorStopsTheStartWithStconnsReport() throws Exception {
        String name = Project.uniqueName("starter_bad");
        Project project = SpringBootIT.petsProject(tmp, name);
        @SuppressWarnings("unchecked")
        List<String> analysis = (List<String>) BootApp.run(App.class, "analyze", (Object) new String[] {
                "spring.datasource.url=jdbc:stconn:nosuchname",
                "spring.datasource.stconn.project-dir=" + project.dir(),
                "spring.flyway.enabled=false", "spring.liquibase.enabled=false", "spring.jmx.enabled=false"});
        System.out.println("Boot's start-up report:\n" + String.join("\n", analysis));
        assertThat(analysis.get(0)).startsWith("stconn cannot configure the data source (SQLState 42704)")
                .contains("nosuchname", name);
        assertThat(analysis.get(1)).contains("spring.datasource.stconn.project-dir");
    }

    @Test
    void anotherUrlStaysBoots() throws Exception {
        try (BootApp app = BootApp.start(App.class, entry -> true,
                "spring.datasource.url=jdbc:h2:mem:starter_other", "spring.datasource.driver-class-name=org.h2.Driver")) {
            assertThat(app.call("dataSources")).isEqualTo(List.of("com.zaxxer.hikari.HikariDataSource"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> queryForList(BootApp app, String sql) throws Exception {
        return (List<String>) app.call("queryForList", sql);
    }
}
