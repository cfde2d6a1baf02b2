package io.stconn.it;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stconn.StconnDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.TreeSet;

/**
 * Run by {@link ModuleDescriptorIT} with the drop-in jar and Micrometer on the module path: a
 * borrow through a data source given a Micrometer registry, then the names of the meters HikariCP
 * registered in it. Argument: the project folder, with a connection named {@code demo}.
 */
public final class ModulePathMetricsProgram {
    private ModulePathMetricsProgram() {
    }

    public static void main(String[] args) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StconnDataSource dataSource = new StconnDataSource();
        dataSource.setUrl("jdbc:stconn:demo?project_dir=" + args[0]);
        dataSource.setMetricRegistry(registry);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pets")) {
            rs.next();
            System.out.println("pets " + rs.getInt(1));
        }
        TreeSet<String> names = new TreeSet<>();
        for (Meter meter : registry.getMeters()) {
            names.add(meter.getId().getName());
        }
        System.out.println("meters " + names);
    }
}
