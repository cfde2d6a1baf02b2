package io.stconn.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The entries of this JVM's class path, picked by jar name, to start child processes with only what each needs. */
final class ClassPath {
    private final List<Path> entries = new ArrayList<>();

    ClassPath() {
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(Path.of(e).toAbsolutePath());
            }
        }
    }

    /** The bench module's own classes (target/classes). */
    Path benchClasses() {
        for (Path p : entries) {
            if (Files.isDirectory(p) && Files.exists(p.resolve("io/stconn/bench/BenchMain.class"))) {
                return p;
            }
        }
        throw new IllegalStateException("bench classes not on the class path: " + entries);
    }

    /** The jar whose file name starts with the prefix and continues with a version digit. */
    Path jar(String prefix) {
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.startsWith(prefix) && name.endsWith(".jar") && name.length() > prefix.length()
                    && Character.isDigit(name.charAt(prefix.length()))) {
                return p;
            }
        }
        throw new IllegalStateException("no " + prefix + "*.jar on the class path");
    }

    static String join(Path... paths) {
        List<String> parts = new ArrayList<>();
        for (Path p : paths) {
            parts.add(p.toString());
        }
        return String.join(File.pathSeparator, parts);
    }

    /** The java launcher of this JVM, so that children run on the same JDK. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
