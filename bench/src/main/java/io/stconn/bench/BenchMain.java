package io.stconn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.StackProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What bench/run starts: every section of the comparison, in one run, then RESULTS.md and
 * results.svg. Its own options come first; everything else goes to JMH (forks, iterations, times).
 *
 * <pre>
 * --out DIR        where RESULTS.md and results.svg go (default: the working directory)
 * --command TEXT   the command line to print in the report
 * --only LIST      sections to run, comma-separated: hot,hot4,ab,stack,pg,cache,cold,cli,footprint (default: all)
 * --cold-runs N    timed processes per cold-start variant (default 10)
 * --ab-rounds N    rounds of the interleaved A/B harness (default 300; slices of 5 ms)
 * --build-seconds S  how long bench/run spent building, for the report
 * </pre>
 */
public final class BenchMain {
    static final List<String> SECTIONS = List.of("hot", "hot4", "ab", "stack", "pg", "cache", "cold", "cli", "footprint");
    static final int DEFAULT_FORKS = 1;
    static final int DEFAULT_WARMUP_ITERATIONS = 3;
    static final int DEFAULT_ITERATIONS = 6;
    static final TimeValue DEFAULT_TIME = TimeValue.seconds(1);
    static final double SLICE_MILLIS = 5;

    private final CommandLineOptions jmh;
    private final Path projects;
    /** JMH writes each suite's own JSON here: the raw figures the report is made from. */
    private final Path jmhJson;
    private final Results results = new Results();

    private BenchMain(CommandLineOptions jmh, Path projects, Path jmhJson) {
        this.jmh = jmh;
        this.projects = projects;
        this.jmhJson = jmhJson;
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path out = Path.of(".");
        String command = "bench/run";
        Set<String> only = new LinkedHashSet<>(SECTIONS);
        int coldRuns = 10;
        int abRounds = 300;
        double buildSeconds = 0;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i));
                case "--command" -> command = value(args, ++i);
                case "--only" -> only = new LinkedHashSet<>(Arrays.asList(value(args, ++i).split(",")));
                case "--cold-runs" -> coldRuns = Integer.parseInt(value(args, ++i));
                case "--ab-rounds" -> abRounds = Integer.parseInt(value(args, ++i));
                case "--build-seconds" -> buildSeconds = Double.parseDouble(value(args, ++i));
                default -> rest.add(args[i]);
            }
        }
        if (!SECTIONS.containsAll(only)) {
            usage("unknown section in --only " + only + "; sections: " + SECTIONS);
        }
        CommandLineOptions jmh;
        try {
            jmh = new CommandLineOptions(rest.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            usage(e.getMessage());
            return;
        }
        if (!jmh.getIncludes().isEmpty()) {
            usage("benchmark patterns " + jmh.getIncludes() + " are not taken: choose sections with --only");
        }
        Path projects = Files.createTempDirectory("stconn-bench-");
        Projects.writeAll(projects);
        Path jmhJson = Files.createDirectories(out.resolve("target").resolve("jmh"));
        BenchMain bench = new BenchMain(jmh, projects, jmhJson);
        Results r = bench.results;
        r.machine = Machine.describe();
        r.command = command;
        r.started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        r.jmhSettings = bench.settingsText();
        r.postgres = postgresAvailable();
        bench.runSections(only, coldRuns, abRounds);
        r.wallSeconds = (System.nanoTime() - start) / 1e9;
        r.buildSeconds = buildSeconds;
        Files.createDirectories(out);
        Files.writeString(out.resolve("RESULTS.md"), new Report(r).markdown());
        Files.writeString(out.resolve("results.svg"), new BarChart(r).svg());
        System.out.printf(Locale.ROOT, "%nwrote %s and %s in %.0f s%n", out.resolve("RESULTS.md"), out.resolve("results.svg"),
                r.wallSeconds);
        deleteTree(projects);
    }

    private void runSections(Set<String> only, int coldRuns, int abRounds) throws Exception {
        String hot = Pattern.quote(HotPathBench.class.getName()) + "\\.";
        if (only.contains("hot")) {
            section("hot");
            collect("hot.t1", jmh(hot + "(hikari|dataSource|driverConnect)$", 1).addProfiler(GCProfiler.class));
            collect("hot.t1", jmh(hot + "(driverConnectProps|driverManager)$", 1).addProfiler(GCProfiler.class)
                    .param("secrets", Projects.ONE));
        }
        if (only.contains("hot4")) {
            section("hot4");
            collect("hot.t4", jmh(hot + ".*", 4).addProfiler(GCProfiler.class).param("secrets", Projects.ONE));
        }
        if (only.contains("ab")) {
            section("ab");
            // several JVMs, each creating the pools in the next rotation of their order (4 groups for
            // H2, 2 for PostgreSQL), so that what differs between JVMs shows in the intervals
            results.interleaved.add(Paired.run("h2", 1, abRounds, SLICE_MILLIS, 8, projects));
            results.interleaved.add(Paired.run("h2", 4, abRounds, SLICE_MILLIS, 8, projects));
            if (results.postgres) {
                // a round is 4 slices here, against 9 for H2: twice the rounds in about the same time
                results.interleaved.add(Paired.run("pg", 4, 2 * abRounds, SLICE_MILLIS, 6, projects));
            }
        }
        if (only.contains("stack")) {
            section("stack");
            // deep stacks, so that a file-system or TOML frame anywhere under the benchmark shows
            for (RunResult run : run(jmh(hot + "dataSource$", 1).addProfiler(StackProfiler.class,
                    "lines=40;top=1000;detailLine=false;period=5"))) {
                Result<?> stack = run.getSecondaryResults().get("stack");
                results.stacks.put(run.getParams().getParam("secrets"), StackEvidence.parse(stack.extendedInfo()));
            }
        }
        if (only.contains("pg")) {
            section("pg");
            if (results.postgres) {
                collect("pg.connect", jmh(Pattern.quote(PgConnectBench.class.getName()) + "\\..*", 1));
                collect("pg.query", jmh(Pattern.quote(PgQueryBench.class.getName()) + "\\..*", 4));
            } else {
                results.skipped.add("PostgreSQL (sections 3 and 4, and the cache on PostgreSQL): no server answered at "
                        + Projects.PG_URL + " as user " + Projects.PG_USER);
            }
        }
        if (only.contains("cache")) {
            section("cache");
            ChainedOptionsBuilder cache = jmh(Pattern.quote(ResultCacheBench.class.getName()) + "\\..*", 1)
                    .addProfiler(GCProfiler.class);
            if (!results.postgres) {
                cache.param("db", "h2");
            }
            collect("cache", cache);
        }
        if (only.contains("cold")) {
            section("cold");
            results.cold = ColdStart.measure(projects, coldRuns);
        }
        if (only.contains("cli")) {
            section("cli");
            results.cli = CliStart.measure(projects, coldRuns);
        }
        if (only.contains("footprint")) {
            section("footprint");
            results.jar = JarSize.measure();
            results.footprintPools = Projects.FOOTPRINT_POOLS;
            results.footprint = PoolFootprint.measure(projects, Projects.FOOTPRINT_POOLS);
        }
        Path order = projects.resolve(Projects.DRIVER_ORDER);
        if (Files.exists(order)) {
            results.driverOrder.addAll(Files.readAllLines(order));
        }
    }

    private void section(String name) {
        double load = Machine.load();
        results.load.put(name, load);
        System.out.printf(Locale.ROOT, "%n==== stconn bench: %s (load average %.2f) ====%n", name, load);
    }

    /** JMH options for one suite: the user's forks, iterations and times (or ours), our threads and project files. */
    private ChainedOptionsBuilder jmh(String include, int threads) {
        return new OptionsBuilder()
                .parent(jmh)
                .include(include)
                .threads(threads)
                .forks(jmh.getForkCount().orElse(DEFAULT_FORKS))
                .warmupIterations(jmh.getWarmupIterations().orElse(DEFAULT_WARMUP_ITERATIONS))
                .warmupTime(jmh.getWarmupTime().orElse(DEFAULT_TIME))
                .measurementIterations(jmh.getMeasurementIterations().orElse(DEFAULT_ITERATIONS))
                .measurementTime(jmh.getMeasurementTime().orElse(DEFAULT_TIME))
                .jvmArgsAppend("-Xms1g", "-Xmx1g", "-D" + Projects.ROOT_PROPERTY + "=" + projects,
                        "-Duser.home=" + projects.resolve("home"))
                .shouldFailOnError(true);
    }

    private String settingsText() {
        return "-f " + jmh.getForkCount().orElse(DEFAULT_FORKS)
                + " -wi " + jmh.getWarmupIterations().orElse(DEFAULT_WARMUP_ITERATIONS)
                + " -w " + jmh.getWarmupTime().orElse(DEFAULT_TIME)
                + " -i " + jmh.getMeasurementIterations().orElse(DEFAULT_ITERATIONS)
                + " -r " + jmh.getMeasurementTime().orElse(DEFAULT_TIME);
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }

    /** Runs the suite and files each result as prefix.method[.secrets|.db]. */
    private void collect(String prefix, ChainedOptionsBuilder options) throws RunnerException {
        options.resultFormat(ResultFormatType.JSON).result(jmhJson.resolve(prefix + ".json").toString());
        for (RunResult run : run(options)) {
            String benchmark = run.getParams().getBenchmark();
            StringBuilder key = new StringBuilder(prefix).append('.').append(benchmark.substring(benchmark.lastIndexOf('.') + 1));
            for (String p : List.of("secrets", "db")) {
                String v = run.getParams().getParam(p);
                if (v != null) {
                    key.append('.').append(v);
                }
            }
            results.figures.put(key.toString(), Figure.of(key.toString(), run));
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean postgresAvailable() {
        Properties login = new Properties();
        login.setProperty("user", Projects.PG_USER);
        login.setProperty("connectTimeout", "3");
        try (Connection c = DriverManager.getConnection(Projects.PG_URL, login)) {
            return c.isValid(3);
        } catch (Exception e) {
            System.out.println("stconn bench: PostgreSQL not available (" + e.getMessage() + "): its sections are skipped");
            return false;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String message) {
        System.err.println("stconn bench: " + message);
        System.err.println("usage: bench/run [--only " + String.join(",", SECTIONS) + "] [--cold-runs N] [--ab-rounds N]"
                + " [JMH options: -f -wi -w -i -r]");
        System.exit(2);
    }
}
