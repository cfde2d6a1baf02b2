package io.stconn.cli;

import io.stconn.SqlState;
import io.stconn.dialect.Dialect;
import io.stconn.dialect.JdbcDriver;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the command-line tool finds real JDBC drivers. With {@code java -jar} only the stconn jar
 * is on the class path, so the tool builds a class loader of its own from, in this order:
 * <ol>
 * <li>every {@code --driver-path} entry,</li>
 * <li>env {@code STCONN_DRIVER_PATH} (a path-separator list),</li>
 * <li>a {@code drivers/} folder beside the running stconn jar,</li>
 * <li>the newest release of each known driver in the local Maven repository.</li>
 * </ol>
 * Each entry is a jar or a folder of jars. The first jar that has a class wins. Drivers already on
 * the class path ({@code java -cp "stconn.jar:drivers/*"}) win over all of these: the class
 * loader asks its parent first.
 */
final class DriverPath {
    // how DriverLoader's message begins
    private static final String LOADER_NAME = "stconn-drivers";

    /** Where a jar was found, to tell the user which jar a driver came from. */
    enum Origin {
        CLASS_PATH("the class path"),
        OPTION("--driver-path"),
        ENVIRONMENT("STCONN_DRIVER_PATH"),
        BESIDE_JAR("drivers/ beside the stconn jar"),
        MAVEN_REPOSITORY("local Maven repository");

        private final String description;

        Origin(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    record Entry(Path jar, Origin origin) {
        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Entry other
                && Objects.equals(jar, other.jar)
                && Objects.equals(origin, other.origin);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jar, origin);
        }

        @Override
        public String toString() {
            return "Entry[jar=" + jar + ", origin=" + origin + "]";
        }
    }

    private final List<Entry> entries;
    // every place looked in, for the message when a driver is in none of them
    private final List<String> searched;

    private DriverPath(List<Entry> entries, List<String> searched) {
        this.entries = List.copyOf(entries);
        this.searched = List.copyOf(searched);
    }

    /**
     * @param environmentValue the value of STCONN_DRIVER_PATH, or null
     * @param stconnJar the running jar, or null when running from classes
     */
    static DriverPath of(List<Path> options, String environmentValue, Path stconnJar, MavenRepository maven) {
        Map<Path, Entry> found = new LinkedHashMap<>();
        List<String> searched = new ArrayList<>();
        searched.add(Origin.CLASS_PATH.toString());
        options.forEach(option -> addJars(option, Origin.OPTION, found));
        searched.add(options.isEmpty() ? "--driver-path (none given)"
                : "--driver-path " + options.stream().map(Path::toString).collect(Collectors.joining(", ")));
        if (environmentValue != null) {
            for (String part : environmentValue.split(File.pathSeparator)) {
                try {
                    if (!part.isBlank()) {
                        addJars(Path.of(withoutWildcard(part)), Origin.ENVIRONMENT, found);
                    }
                } catch (InvalidPathException e) {
                    // like a missing folder: nothing to add
                }
            }
        }
        searched.add(environmentValue == null ? Origin.ENVIRONMENT + " (not set)" : Origin.ENVIRONMENT + "=" + environmentValue);
        if (stconnJar != null && stconnJar.getParent() != null) {
            Path folder = stconnJar.getParent().resolve("drivers");
            addJars(folder, Origin.BESIDE_JAR, found);
            searched.add(Origin.BESIDE_JAR + " (" + folder + (Files.isDirectory(folder) ? ")" : ", no such folder)"));
        }
        for (String coordinates : knownDriverCoordinates()) {
            maven.newestJar(coordinates).ifPresent(jar -> addJars(jar, Origin.MAVEN_REPOSITORY, found));
        }
        searched.add(Origin.MAVEN_REPOSITORY + " " + maven.root()
                + (Files.isDirectory(maven.root()) ? "" : " (no such folder)"));
        return new DriverPath(new ArrayList<>(found.values()), searched);
    }

    /** Every driver any dialect can use, from the one table that knows them. */
    static Set<String> knownDriverCoordinates() {
        Set<String> coordinates = new LinkedHashSet<>();
        for (Dialect dialect : Dialect.values()) {
            dialect.drivers().stream().map(JdbcDriver::mavenCoordinates).forEach(coordinates::add);
        }
        return coordinates;
    }

    List<Entry> entries() {
        return entries;
    }

    /** Where a jar on this path came from (the class's code source of a loaded driver, say). */
    Optional<Entry> entryFor(Path jar) {
        Path wanted = jar.toAbsolutePath().normalize();
        return entries.stream().filter(e -> e.jar().equals(wanted)).findFirst();
    }

    /**
     * Where a class was loaded from: its jar, and which place of this path held it, or the class
     * path when a class loader other than this path's loaded it (the same jar may be in both).
     */
    Optional<Entry> origin(Class<?> type) {
        boolean ours = type.getClassLoader() instanceof URLClassLoader loader && LOADER_NAME.equals(loader.getName());
        return codeSource(type).map(jar -> ours ? entryFor(jar).orElse(new Entry(jar, Origin.CLASS_PATH))
                : new Entry(jar, Origin.CLASS_PATH));
    }

    /** The places searched, in order, as the missing-driver message lists them. */
    List<String> searched() {
        return searched;
    }

    /**
     * The driver's "JDBC driver not found" error with every place the tool looked in added; any
     * other failure as it is. The driver's message cannot say this: only the tool searches here.
     */
    Throwable withPlacesSearched(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && SqlState.reasonOf(sql).orElse(null) == SqlState.DRIVER_NOT_FOUND) {
                return SqlState.DRIVER_NOT_FOUND.exception(sql.getMessage() + " The command-line tool looked in: "
                        + String.join("; ", searched)
                        + ". Give the jar with --driver-path, or put it in a drivers/ folder beside the stconn jar.", failure);
            }
        }
        return failure;
    }

    /** The loader to set as context class loader; stconn loads driver classes through it after its own. */
    URLClassLoader classLoader(ClassLoader parent) {
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).jar().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("not a usable jar path: " + entries.get(i).jar(), e);
            }
        }
        return new URLClassLoader(LOADER_NAME, urls, parent);
    }

    /** The jar or folder a class was loaded from, if the JVM says. */
    static Optional<Path> codeSource(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath().normalize());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A jar or folder as written; a class-path style {@code folder/*} means the folder. */
    static String withoutWildcard(String written) {
        String text = written.strip();
        if (text.endsWith("/*") || text.endsWith(File.separator + "*")) {
            return text.substring(0, text.length() - 1);
        }
        return text;
    }

    // a folder adds its jars, sorted so that the order does not depend on the file system
    private static void addJars(Path entry, Origin origin, Map<Path, Entry> found) {
        Path path = entry.toAbsolutePath().normalize();
        if (Files.isRegularFile(path)) {
            found.putIfAbsent(path, new Entry(path, origin));
        } else if (Files.isDirectory(path)) {
            try (Stream<Path> children = Files.list(path)) {
                children.filter(p -> p.getFileName().toString().endsWith(".jar")).filter(Files::isRegularFile)
                        .sorted().forEach(jar -> found.putIfAbsent(jar, new Entry(jar, origin)));
            } catch (IOException e) {
                // an unreadable folder adds nothing; --debug lists what was found
            }
        }
    }
}
