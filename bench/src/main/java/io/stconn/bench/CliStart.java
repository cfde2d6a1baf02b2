package io.stconn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command-line tool's answer time, as a user waits for it: {@code bin/stconn query demo "SELECT 1"}
 * against the demo project, from process start to exit, beside {@code java -jar} without the
 * launcher and a plain Java program that prints H2's first row (the floor any JVM tool stands on).
 * Interleaved round after round like {@link ColdStart}; one untimed run each first, which also
 * writes the launcher's class-data archive (in the run's own folder, so a run starts from none).
 */
final class CliStart {
    /** One way of getting the answer: the command and what its output must hold. */
    record Way(String label, List<String> command, Map<String, String> env, String expected) {
    }

    private CliStart() {
    }

    static List<Way> ways(Path runFolder) {
        ClassPath cp = new ClassPath();
        Path root = Path.of("").toAbsolutePath();
        Path stconn = cp.jar("stconn-jdbc-");
        Path h2 = cp.jar("h2-");
        String examples = root.resolve("examples").toString();
        List<String> query = List.of("query", "demo", "SELECT 1", "--project", examples);
        List<String> launcher = new ArrayList<>(List.of("sh", root.resolve("bin/stconn").toString()));
        launcher.addAll(query);
        List<String> plainJar = new ArrayList<>(List.of(ClassPath.java(), "-jar", stconn.toString()));
        plainJar.addAll(query);
        plainJar.addAll(List.of("--driver-path", h2.toString()));
        return List.of(
                new Way("bin/stconn query demo \"SELECT 1\"", launcher, Map.of("STCONN_JAR", stconn.toString(),
                        "STCONN_DRIVER_PATH", h2.toString(), "STCONN_CACHE_DIR", runFolder.resolve("cds").toString()),
                        "(1 row)"),
                new Way("java -jar stconn-jdbc-0.1.0.jar query demo \"SELECT 1\" (no launcher)", plainJar, Map.of(),
                        "(1 row)"),
                new Way("plain Java program: H2's driver, first row", List.of(ClassPath.java(), "-cp",
                        ClassPath.join(cp.benchClasses(), h2), "io.stconn.bench.cold.H2FirstRow", Projects.H2_URL),
                        Map.of(), "1"));
    }

    static List<ColdStart.Timings> measure(Path runFolder, int rounds) throws IOException, InterruptedException {
        deleteArchives(runFolder.resolve("cds"));
        List<Way> ways = ways(runFolder);
        double[][] millis = ColdStart.interleaved(ways.size(), rounds, i -> runOnce(ways.get(i)));
        List<ColdStart.Timings> out = new ArrayList<>();
        for (int i = 0; i < ways.size(); i++) {
            Way w = ways.get(i);
            out.add(new ColdStart.Timings(new ColdStart.Variant(w.label(), "", "", w.command(), ""), millis[i]));
        }
        return out;
    }

    private static void deleteArchives(Path cache) throws IOException {
        if (Files.isDirectory(cache)) {
            try (var files = Files.list(cache)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
        }
    }

    private static double runOnce(Way w) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(w.command());
        pb.environment().keySet().removeIf(k -> k.startsWith("STCONN_") || k.equals("JAVA_OPTS"));
        pb.environment().putAll(w.env());
        return ColdStart.timed(w.label(), pb, w.expected());
    }
}
