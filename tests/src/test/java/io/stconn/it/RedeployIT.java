package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop-in jar redeployed as in an application server: loaded with an application in a class
 * loader of its own, used, deregistered. After that no thread of it may be left and its class
 * loader must be collected, or every redeploy leaks a copy of stconn, HikariCP and the driver.
 */
class RedeployIT {
    /** How long the collector gets to free the loader; it takes well under a second when nothing pins it. */
    private static final long COLLECT_WITHIN_MILLIS = 20_000;

    @TempDir
    Path tmp;

    @Test
    void anUndeployedApplicationLeavesNoThreadAndItsLoaderIsCollected() throws Exception {
        String name = Project.uniqueName("redeploy");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n"
                + "url = " + Project.toml("jdbc:h2:mem:" + name
                        + ";INIT=CREATE TABLE IF NOT EXISTS marker(v VARCHAR) AS SELECT 'deployed'") + "\n");
        WeakReference<ClassLoader> loader = deployUseAndUndeploy(project.url(name, "ttl=3600"), project.url(name));

        long start = System.nanoTime();
        while (loader.get() != null && System.nanoTime() - start < COLLECT_WITHIN_MILLIS * 1_000_000) {
            System.gc();
            Thread.sleep(50);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("redeploy: loader collected=" + (loader.get() == null) + " after " + millis + " ms; "
                + "threads left " + threadsOf(name));
        assertThat(threadsOf(name)).as("threads left by the undeployed copy").isEmpty();
        assertThat(loader.get()).as("the undeployed application's class loader, after %d ms of collection", millis)
                .isNull();
    }

    /** Deregistration closes every pool, and with it the connections an application still holds. */
    @Test
    void aConnectionHeldAcrossDeregistrationIsClosed() throws Exception {
        String name = Project.uniqueName("held");
        Project project = Project.in(tmp).secrets("[connections." + name + "]\n"
                + "url = " + Project.toml("jdbc:h2:mem:" + name
                        + ";INIT=CREATE TABLE IF NOT EXISTS marker(v VARCHAR) AS SELECT 'held'") + "\n");
        DriverManager.getDrivers();
        try (URLClassLoader app = new URLClassLoader("deployed-app", new URL[] {
                Jars.stconnJar().toUri().toURL(), Jars.h2Jar().toUri().toURL(), Jars.testClasses().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(app);
            try {
                Class<?> main = Class.forName(DeployedApp.class.getName(), true, app);
                main.getMethod("deploy").invoke(null);
                Object shown = main.getMethod("holdWhileUndeploying", String.class).invoke(null, project.url(name));
                // HikariCP's proxy answers isClosed() from its own state, which only close() sets; the
                // physical connection under it is closed, so every use fails as on a closed connection
                assertThat(shown).as("the held connection after deregistration").asString().doesNotContain("query=ok");
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    /** Everything that references the loader stays in this frame, so that it can be collected after. */
    private static WeakReference<ClassLoader> deployUseAndUndeploy(String... urls) throws Exception {
        // DriverManager loads the class path's drivers once, through the context loader of the
        // first caller: let that be the test's loader, not the application's
        DriverManager.getDrivers();
        URLClassLoader app = new URLClassLoader("deployed-app", new URL[] {
                Jars.stconnJar().toUri().toURL(), Jars.h2Jar().toUri().toURL(), Jars.testClasses().toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(app);
        try {
            Class<?> main = Class.forName(DeployedApp.class.getName(), true, app);
            assertThat(main.getClassLoader()).isSameAs(app);
            main.getMethod("deploy").invoke(null);
            Method use = main.getMethod("use", String.class, int.class);
            for (String url : urls) {
                assertThat(use.invoke(null, url, 50)).isEqualTo("deployed");
            }
            assertThat(main.getMethod("undeploy").invoke(null)).as("drivers deregistered: stconn and H2").isEqualTo(2);
        } finally {
            thread.setContextClassLoader(previous);
            app.close();
        }
        return new WeakReference<>(app);
    }

    /** Live threads that belong to stconn or its pools (named after the connection). */
    private static List<String> threadsOf(String connection) throws InterruptedException {
        List<String> left = new ArrayList<>();
        long until = System.nanoTime() + 5_000_000_000L;
        do {
            left.clear();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                ClassLoader context = t.getContextClassLoader();
                boolean ours = context != null && "deployed-app".equals(context.getName());
                if (t.isAlive() && (ours || t.getName().contains(connection))) {
                    left.add(t.getName());
                }
            }
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < until);
        return left;
    }
}
