package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The drop-in jar as a module: it exports the user API and the plug-in contract only (the road,
 * the pools, the relocated tomlj and HikariCP stay inside), provides the JDBC driver, and works on
 * the module path as it does on the class path.
 */
class ModuleDescriptorIT {

    private static ModuleDescriptor descriptor() {
        ModuleReference module = ModuleFinder.of(Jars.stconnJar()).findAll().iterator().next();
        return module.descriptor();
    }

    @Test
    void theJarExportsTheUserApiAndTheSpiOnly() {
        ModuleDescriptor descriptor = descriptor();
        assertThat(descriptor.name()).isEqualTo("io.stconn");
        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
                .isEqualTo(Set.of("io.stconn", "io.stconn.spi"));
        assertThat(descriptor.packages()).contains("io.stconn.road", "io.stconn.pool", "io.stconn.shaded.hikari",
                "io.stconn.shaded.tomlj");
    }

    @Test
    void theJarProvidesTheDriverAndUsesConnectionTypes() {
        ModuleDescriptor descriptor = descriptor();
        assertThat(descriptor.provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo("java.sql.Driver");
            assertThat(p.providers()).containsExactly("io.stconn.StconnDriver");
        });
        assertThat(descriptor.uses()).contains("io.stconn.spi.ConnectionType");
    }

    @Test
    void onTheModulePathTheDemoQueryRuns() throws IOException, InterruptedException {
        Path examples = Path.of(System.getProperty("basedir", "."), "..", "examples").toAbsolutePath().normalize();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", Jars.stconnJar().toString(), "-cp", Jars.h2Jar().toString(),
                "-m", "io.stconn/io.stconn.cli.Main", "query", "demo", "SELECT name FROM pets WHERE id = 2",
                "--project", examples.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Miso").contains("(1 row)");
    }

    @Test
    void onTheModulePathAMicrometerRegistryGetsThePoolsMeters() throws IOException, InterruptedException {
        Path examples = Path.of(System.getProperty("basedir", "."), "..", "examples").toAbsolutePath().normalize();
        String modules = String.join(File.pathSeparator, List.of(Jars.stconnJar().toString(),
                Jars.of(io.micrometer.core.instrument.MeterRegistry.class).toString(),
                Jars.of(io.micrometer.common.KeyValue.class).toString(),
                Jars.of(io.micrometer.observation.Observation.class).toString()));
        String classPath = String.join(File.pathSeparator, List.of(Jars.testClasses().toString(), Jars.h2Jar().toString(),
                Jars.of(org.HdrHistogram.Histogram.class).toString(), Jars.of(org.LatencyUtils.LatencyStats.class).toString()));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", modules, "--add-modules", "io.stconn,micrometer.core", "-cp", classPath,
                ModulePathMetricsProgram.class.getName(), examples.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // before the module read the registry's library: IllegalAccessError, "module io.stconn does not read module micrometer.core"
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("pets 4").contains("hikaricp.connections.active", "hikaricp.connections.max")
                .doesNotContain("IllegalAccessError")
                // HikariCP's INFO lines stay quiet through the data source too, not only through the driver
                .doesNotContain("Starting...", "Start completed");
    }
}
