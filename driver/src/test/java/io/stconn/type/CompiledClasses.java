package io.stconn.type;

import io.stconn.spi.ConnectionType;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Classes compiled at test time into a folder that only a separate class loader sees, as a
 * driver or connection-type jar that only an application's (context) class loader can see.
 */
final class CompiledClasses {
    private CompiledClasses() {
    }

    /**
     * Compiles the sources (class name to source text) against stconn's own classes, writes the
     * resources (path to text), and returns a loader over the result whose parent is the loader of
     * stconn and the tests: only through it are the compiled classes visible.
     */
    static URLClassLoader loader(Path dir, Map<String, String> sources, Map<String, String> resources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assumeTrue(compiler != null, "needs a JDK with a compiler");
        Path src = Files.createDirectories(dir.resolve("src"));
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath", stconnClasses()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        int rc = compiler.run(null, null, null, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("test classes did not compile: " + sources.keySet());
        }
        for (Map.Entry<String, String> resource : resources.entrySet()) {
            Path file = out.resolve(resource.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, resource.getValue());
        }
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, CompiledClasses.class.getClassLoader());
    }

    private static String stconnClasses() {
        try {
            return Path.of(ConnectionType.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the action with the loader as the thread's context class loader. */
    static <T> T withContextLoader(ClassLoader loader, ThrowingSupplier<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
