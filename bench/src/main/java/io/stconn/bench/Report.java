package io.stconn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** RESULTS.md: every figure beside its baseline from the same run, the ratios, the goals and what was found. */
final class Report {
    /** One goal, what it was judged on, and the verdict. */
    record Check(String number, String what, Goal goal, Ratio basis, String basisText, String jmhText, Goal.Verdict verdict) {
    }

    static final String[] SECRETS = {Projects.ONE, Projects.THOUSAND, Projects.DIR200};
    static final Map<String, String> SECRETS_NAMES = Map.of(Projects.ONE, "1 connection (file)",
            Projects.THOUSAND, "1,000 connections (file)", Projects.DIR200, "200 connections (folder)");
    static final Map<String, String> DOORS = Map.of("hikari", "(a) HikariDataSource, in code (baseline)",
            "dataSource", "(b) StconnDataSource", "driverConnect", "(c) StconnDriver.connect(url, null)",
            "driverConnectProps", "(c′) StconnDriver.connect(url, {user=\"\", password=\"\"})",
            "driverManager", "(d) DriverManager.getConnection(url)");

    private final Results r;
    private final StringBuilder md = new StringBuilder();
    private final List<Check> checks = new ArrayList<>();

    Report(Results r) {
        this.r = r;
        judge();
    }

    List<Check> checks() {
        return checks;
    }

    String markdown() {
        header();
        goals();
        hotPath();
        secretsSize();
        pooledVersusUnpooled();
        queryThroughput();
        coldStart();
        cliStart();
        resultCache();
        footprint();
        findings();
        return md.toString();
    }

    // ---- the goals ----

    private void judge() {
        Paired h1 = r.interleaved("h2", 1);
        Paired h4 = r.interleaved("h2", 4);
        for (String door : List.of("dataSource", "driverConnect")) {
            String letter = door.equals("dataSource") ? "(b)" : "(c)";
            check("1", letter + "/(a), 1 thread", Goal.atMost(letter + "/(a)", 1.05), h1, door + ".one", "hikari", true,
                    jmh("hot.t1." + door + ".one", "hot.t1.hikari"));
            check("1", letter + "/(a), 4 threads", Goal.atMost(letter + "/(a)", 1.05), h4, door + ".one", "hikari", true,
                    jmh("hot.t4." + door + ".one", "hot.t4.hikari"));
        }
        for (String door : List.of("dataSource", "driverConnect")) {
            String letter = door.equals("dataSource") ? "(b)" : "(c)";
            for (String kind : List.of(Projects.THOUSAND, Projects.DIR200)) {
                check("2", letter + " with " + SECRETS_NAMES.get(kind) + " ÷ with 1, 1 thread",
                        Goal.atMost("size ratio", 1.05), h1, door + "." + kind, door + ".one", true,
                        jmh("hot.t1." + door + "." + kind, "hot.t1." + door + ".one"));
                check("2", letter + " with " + SECRETS_NAMES.get(kind) + " ÷ with 1, 4 threads",
                        Goal.atMost("size ratio", 1.05), h4, door + "." + kind, door + ".one", true,
                        jmh("hot.t4." + door + "." + kind, "hot.t4." + door + ".one"));
            }
        }
        Paired pg = r.interleaved("pg", 4);
        for (String q : List.of("Select1", "Fetch100")) {
            Ratio jmh = r.has("pg.query.stconn" + q, "pg.query.hikari" + q)
                    ? Ratio.of(r.get("pg.query.stconn" + q), r.get("pg.query.hikari" + q)) : null;
            String label = q.equals("Select1") ? "SELECT 1" : "100-row fetch";
            if (pg != null) {
                Paired.Estimate e = pg.inverseRatio("stconn" + q, "hikari" + q, false);
                add("4", "PostgreSQL " + label + " throughput, stconn ÷ HikariCP, 4 threads", Goal.atLeast("throughput", 0.97),
                        e.ratio(), "A/B wall " + e.text(), jmh == null ? "" : jmh.text());
            } else if (jmh != null) {
                add("4", "PostgreSQL " + label + " throughput, stconn ÷ HikariCP, 4 threads", Goal.atLeast("throughput", 0.97),
                        jmh, "JMH " + jmh.text(), jmh.text());
            }
        }
        if (r.cold != null) {
            Figure stconn = r.cold.get(0).figure();
            Figure hikari = r.cold.get(1).figure();
            Ratio cold = Ratio.of(stconn, hikari);
            add("5", "cold start to first row, stconn ÷ HikariCP (medians)", Goal.atMost("cold", 1.3), cold,
                    "medians " + cold.text(), "");
        }
        if (r.cli != null) {
            Ratio cli = Ratio.of(r.cli.get(0).figure(), r.cli.get(2).figure());
            add("5b", "bin/stconn query ÷ a plain Java program's first H2 row (medians)", Goal.atMost("cli", 1.25), cli,
                    "medians " + cli.text(), "");
        }
    }

    private Ratio jmh(String candidate, String baseline) {
        return r.has(candidate, baseline) ? Ratio.of(r.get(candidate), r.get(baseline)) : null;
    }

    private void check(String number, String what, Goal goal, Paired p, String candidate, String baseline, boolean cpu,
            Ratio jmh) {
        if (p != null && p.has(candidate) && p.has(baseline)) {
            Paired.Estimate e = p.ratio(candidate, baseline, cpu);
            add(number, what, goal, e.ratio(), "A/B " + (cpu ? "CPU " : "wall ") + e.text(), jmh == null ? "" : jmh.text());
        } else if (jmh != null) {
            add(number, what, goal, jmh, "JMH " + jmh.text(), jmh.text());
        }
    }

    private void add(String number, String what, Goal goal, Ratio basis, String basisText, String jmhText) {
        checks.add(new Check(number, what, goal, basis, basisText, jmhText, goal.judge(basis)));
    }

    // ---- sections ----

    private void header() {
        Machine m = r.machine;
        line("# stconn benchmarks: results");
        line("");
        line("Written by `" + r.command + "` on " + r.started + "; regenerate it rather than edit it. The chart is "
                + "[results.svg](results.svg); how the benchmarks work is in [README.md](README.md).");
        line("");
        line("| | |");
        line("|---|---|");
        line("| command | `" + r.command + "` |");
        line("| JMH settings | `" + r.jmhSettings + "`, 99.9% confidence intervals |");
        line("| machine | " + m.cores() + " cores, " + m.cpu() + ", " + m.memory() + ", " + m.os() + " |");
        line("| JDK | " + m.jdk() + " |");
        line("| wall time | " + String.format(Locale.ROOT, "%.0f s (build %.0f s, measuring %.0f s)",
                r.buildSeconds + r.wallSeconds, r.buildSeconds, r.wallSeconds) + " |");
        StringBuilder load = new StringBuilder();
        r.load.forEach((k, v) -> load.append(load.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.1f", v)));
        line("| load average (1 min) as each section started | " + load + " |");
        line("");
        for (String s : r.skipped) {
            line("**Skipped:** " + s + ".");
            line("");
        }
        line("How to read it: every ratio is candidate ÷ baseline measured in the same run. JMH figures are the mean "
                + "± half the 99.9% confidence interval; a ratio's error adds the two relative errors in quadrature. "
                + "Because this machine has 2 cores and is shared with other builds (see the load average), JMH's "
                + "baseline and candidate, measured in separate forks seconds apart, often see different machines. "
                + "The goals are therefore judged on the **interleaved A/B harness** (`Interleaved`): baseline and "
                + "candidates share a JVM (one per rotation of the order the pools are created in; see the method "
                + "notes) and take turns in 5 ms slices, the order rotating every round, and each "
                + "round's ratio is taken against its own baseline; shown is the median over the rounds with its 99.9% "
                + "confidence interval `[lo, hi]`. Borrowing from a pool is CPU-bound, so the H2 ratios use CPU time of "
                + "the threads (time spent waiting for a core is not the code's cost); PostgreSQL's use wall time.");
        line("");
    }

    private void goals() {
        line("## Goals");
        line("");
        line("| # | goal | limit | judged on | JMH ratio ± error | verdict |");
        line("|---|---|---|---|---|---|");
        for (Check c : checks) {
            String verdict = c.verdict().holds() ? "✅ " + c.verdict().text : "❌ " + c.verdict().text;
            line("| " + c.number() + " | " + c.what() + " | " + c.goal().limitText() + " | " + c.basisText() + " | "
                    + (c.jmhText().isEmpty() ? "—" : c.jmhText()) + " | " + verdict + " |");
        }
        line("");
        long held = checks.stream().filter(c -> c.verdict().holds()).count();
        line(String.format(Locale.ROOT, "%d of %d goals hold. Sections 3, 6 and 7 have no goal; their figures follow.",
                held, checks.size()));
        line("");
    }

    private void hotPath() {
        line("## 1. The hot path: borrow and close on H2 in memory");
        line("");
        line("Each operation is `try (Connection c = <door>) { blackhole.consume(c); }` against `" + Projects.H2_URL
                + "`, every pool with stconn's default settings (maximumPoolSize " + Projects.MAXIMUM_POOL_SIZE
                + ", minimumIdle " + Projects.MINIMUM_IDLE + "). Secrets: one connection in `.streamlit/secrets.toml`. "
                + "B/op is JMH's `gc.alloc.rate.norm`.");
        line("");
        for (int threads : new int[] {1, 4}) {
            String prefix = "hot.t" + threads + ".";
            Figure base = r.get(prefix + "hikari");
            Paired p = r.interleaved("h2", threads);
            if (base == null && p == null) {
                continue;
            }
            line("### " + threads + (threads == 1 ? " thread" : " threads"));
            line("");
            if (p != null) {
                line("A/B harness: " + p.describe() + ".");
                line("");
            }
            line("| door | JMH | ÷ (a), JMH | ÷ (a), A/B CPU | A/B CPU ns/op | B/op |");
            line("|---|---|---|---|---|---|");
            for (String door : List.of("hikari", "dataSource", "driverConnect", "driverConnectProps", "driverManager")) {
                String key = door.equals("hikari") ? "hikari" : door + ".one";
                Figure f = r.get(prefix + key);
                String jmhRatio = f != null && base != null && !door.equals("hikari") ? Ratio.of(f, base).text() : "—";
                String ab = p != null && p.has(key) && !door.equals("hikari") ? p.ratio(key, "hikari", true).text() : "—";
                String abCost = p != null && p.has(key) ? p.cost(key, true).text() : "—";
                line("| " + DOORS.get(door) + " | " + (f == null ? "—" : f.text()) + " | " + jmhRatio + " | " + ab + " | "
                        + abCost + " | " + (f == null ? "—" : f.allocText()) + " |");
            }
            line("");
        }
        driverManager();
    }

    private void driverManager() {
        Figure c = r.get("hot.t1.driverConnect.one");
        Figure d = r.get("hot.t1.driverManager.one");
        Paired p = r.interleaved("h2", 1);
        line("### What DriverManager costs");
        line("");
        StringBuilder sb = new StringBuilder("What `DriverManager.getConnection(url)` does on every call before stconn "
                + "sees the URL is in [NOTES.md](NOTES.md).");
        if (!r.driverOrder.isEmpty()) {
            sb.append(" In this run DriverManager's drivers were, in order: ")
                    .append(String.join(", ", r.driverOrder.stream().map(s -> "`" + s + "`").toList()))
                    .append("; stconn is number ").append(r.driverOrder.indexOf("io.stconn.StconnDriver") + 1)
                    .append(", so each call pays ").append(r.driverOrder.indexOf("io.stconn.StconnDriver") + 1)
                    .append(r.driverOrder.indexOf("io.stconn.StconnDriver") == 0 ? " class lookup" : " class lookups")
                    .append(" (each driver registered ahead of it adds one more lookup and one refused connect).");
        }
        if (c != null && d != null) {
            sb.append(String.format(Locale.ROOT, " Measured: (d) allocates %.0f B per call against (c)'s %.0f B: the "
                    + "Properties and the three strings are DriverManager's", d.allocPerOp(), c.allocPerOp()));
            if (p != null && p.has("driverManager.one")) {
                double extra = p.cost("driverManager.one", true).median() - p.cost("driverConnect.one", true).median();
                sb.append(String.format(Locale.ROOT, ", and it costs %.0f ns of CPU per call more than calling the driver "
                        + "directly (A/B medians)", extra));
            }
            sb.append('.');
        }
        sb.append(" None of that is stconn's: any driver pays it. A program that borrows often should hold a DataSource "
                + "(`StconnDataSource`, or a pool's) or look the driver up once (`DriverManager.getDriver(url)`) and "
                + "call its `connect`.");
        line(sb.toString());
        line("");
    }

    private void secretsSize() {
        line("## 2. Secrets size does not matter");
        line("");
        line("The same borrow with the secrets holding 1 connection, 1,000 connections (one file, 1,000 sections), or a "
                + "Kubernetes-style folder of 200 connections named by `[secrets] files` in `.streamlit/config.toml` "
                + "(`secrets.d/connections/<name>/url`, 400 files and folders that the freshness check stats every 250 ms).");
        line("");
        Paired p1 = r.interleaved("h2", 1);
        Paired p4 = r.interleaved("h2", 4);
        line("| door, secrets | JMH | ÷ same door with 1, JMH | ÷ same door with 1, A/B CPU 1 thread "
                + "| ÷ (a), A/B CPU 4 threads | B/op |");
        line("|---|---|---|---|---|---|");
        for (String door : List.of("dataSource", "driverConnect")) {
            for (String kind : SECRETS) {
                String key = door + "." + kind;
                Figure f = r.get("hot.t1." + key);
                Figure one = r.get("hot.t1." + door + ".one");
                String jmhRatio = f != null && one != null && !kind.equals(Projects.ONE) ? Ratio.of(f, one).text() : "—";
                String ab1 = p1 != null && p1.has(key) && !kind.equals(Projects.ONE)
                        ? p1.ratio(key, door + ".one", true).text() : "—";
                String ab4 = p4 != null && p4.has(key) ? p4.ratio(key, "hikari", true).text() : "—";
                line("| " + DOORS.get(door).substring(0, 3) + " " + SECRETS_NAMES.get(kind) + " | "
                        + (f == null ? "—" : f.text()) + " | " + jmhRatio + " | " + ab1 + " | " + ab4 + " | "
                        + (f == null ? "—" : f.allocText()) + " |");
            }
        }
        line("");
        Figure a = r.get("hot.t1.hikari");
        Figure b = r.get("hot.t1.dataSource.one");
        Figure c = r.get("hot.t1.driverConnect.one");
        if (a != null && b != null && c != null) {
            line(String.format(Locale.ROOT, "**Allocation.** HikariCP alone allocates %s B per borrow and close (its proxy "
                    + "connection and statement list); through stconn's DataSource %s B, through the driver %s B. "
                    + "Beyond HikariCP's own, the hot path allocates %s.",
                    a.allocText(), b.allocText(), c.allocText(),
                    Math.abs(b.allocPerOp() - a.allocPerOp()) < 1 && Math.abs(c.allocPerOp() - a.allocPerOp()) < 1
                            ? "nothing (under 1 B per operation, which is the amortised 250 ms stat of the files)"
                            : String.format(Locale.ROOT, "%.0f B (DataSource) and %.0f B (driver) per operation",
                                    b.allocPerOp() - a.allocPerOp(), c.allocPerOp() - a.allocPerOp())));
            Figure props = r.get("hot.t1.driverConnectProps.one");
            if (props != null) {
                line("");
                line(String.format(Locale.ROOT, "With Properties, even empty ones, (c′) allocates %s B per call: the URL "
                        + "and Properties are parsed again on every connect (see Findings).", props.allocText()));
            }
            line("");
        }
        if (!r.stacks.isEmpty()) {
            line("**Stack samples** (JMH `-prof stack`, every 5 ms, 40 frames deep) of (b): the share of the benchmark "
                    + "thread's samples that were inside file-system calls (the throttled stat of the secrets) and inside "
                    + "TOML parsing.");
            line("");
            line("| secrets | file-system frames | TOML frames | most sampled such stack (top frames) |");
            line("|---|---|---|---|");
            r.stacks.forEach((kind, e) -> line("| " + SECRETS_NAMES.getOrDefault(kind, kind) + " | "
                    + Format.percent(e.fileSystemShare()) + " | " + Format.percent(e.tomlShare()) + " | "
                    + (e.hottestCheckStack().isEmpty() ? "—" : "`" + e.hottestCheckStack() + "`") + " |"));
            line("");
            double maxFs = r.stacks.values().stream().mapToDouble(StackEvidence::fileSystemShare).max().orElse(0);
            double maxToml = r.stacks.values().stream().mapToDouble(StackEvidence::tomlShare).max().orElse(0);
            line((maxToml == 0 ? "No sample was in TOML parsing: the hot path never parses the secrets once the pool "
                    + "exists. " : "Some samples were in TOML parsing: the secrets were re-read during the run. ")
                    + String.format(Locale.ROOT, "At most %s of the samples were in file-system calls: those are the "
                            + "one check every 250 ms, done by whichever borrower comes first, and amortised over the "
                            + "millions of borrows in between; every other borrow reads no file. The share is an upper "
                            + "bound: JMH's stack profiler samples at safepoints, and a thread inside a system call is "
                            + "always at one, so native frames are over-represented. The A/B ratios above (1,000 "
                            + "connections ÷ 1) are the direct measure of what the size costs.", Format.percent(maxFs)));
            line("");
        }
    }

    private void pooledVersusUnpooled() {
        line("## 3. Pooled versus unpooled on PostgreSQL");
        line("");
        Figure pooled = r.get("pg.connect.stconnPooled");
        Figure unpooled = r.get("pg.connect.unpooled");
        if (pooled == null || unpooled == null) {
            line("Not measured in this run.");
            line("");
            return;
        }
        line("Borrow, `SELECT 1`, close through stconn (`jdbc:stconn:pg`, secrets `dialect = \"postgresql\"`, "
                + "127.0.0.1:5432), against `DriverManager.getConnection(\"" + Projects.PG_URL + "\", {user=postgres})` "
                + "+ `SELECT 1` + close, 1 thread.");
        line("");
        line("| | JMH |");
        line("|---|---|");
        line("| stconn, pooled | " + pooled.text() + " |");
        line("| pgjdbc, unpooled | " + unpooled.text() + " |");
        line("| **speedup** (unpooled ÷ pooled) | **" + Ratio.of(unpooled, pooled).text() + "×** |");
        line("");
    }

    private void queryThroughput() {
        line("## 4. Query throughput on PostgreSQL, 4 threads");
        line("");
        Paired p = r.interleaved("pg", 4);
        if (!r.has("pg.query.hikariSelect1") && p == null) {
            line("Not measured in this run.");
            line("");
            return;
        }
        line("Borrow, prepare, execute, read every column of every row, close; stconn against plain HikariCP with the "
                + "same settings and the same pgjdbc. Throughput ratio = stconn ÷ HikariCP (higher is better).");
        line("");
        if (p != null) {
            line("A/B harness: " + p.describe() + ".");
            line("");
        }
        line("| query | HikariCP, JMH | stconn, JMH | ratio, JMH | ratio, A/B wall "
                + "| client CPU per query, stconn ÷ HikariCP, A/B |");
        line("|---|---|---|---|---|---|");
        for (String q : List.of("Select1", "Fetch100")) {
            Figure h = r.get("pg.query.hikari" + q);
            Figure s = r.get("pg.query.stconn" + q);
            String ab = p == null ? "—" : p.inverseRatio("stconn" + q, "hikari" + q, false).text();
            String cpu = p == null ? "—" : p.ratio("stconn" + q, "hikari" + q, true).text();
            line("| " + (q.equals("Select1") ? "`SELECT 1`" : "100 rows of `generate_series`") + " | "
                    + (h == null ? "—" : h.text()) + " | " + (s == null ? "—" : s.text()) + " | "
                    + (h == null || s == null ? "—" : Ratio.of(s, h).text()) + " | " + ab + " | " + cpu + " |");
        }
        line("");
        Paired h4 = r.interleaved("h2", 4);
        if (p != null && h4 != null && h4.has("dataSource.one")) {
            double extra = h4.cost("dataSource.one", true).median() - h4.cost("hikari", true).median();
            double query = p.cost("stconnSelect1", false).median();
            line(String.format(Locale.ROOT, "What stconn adds to a borrow (measured on H2 with 4 threads: %.0f ns of CPU) "
                    + "is %.3f%% of one `SELECT 1` round trip here (%.0f µs per thread); differences between the two "
                    + "pools larger than that are the PostgreSQL server's and the machine's (4 client threads and the "
                    + "server's backends share 2 cores), and they change sign from run to run.",
                    extra, 100 * extra / query, query / 1000));
            line("");
        }
    }

    private void coldStart() {
        line("## 5. Cold start: from JVM start to the first row");
        line("");
        if (r.cold == null) {
            line("Not measured in this run.");
            line("");
            return;
        }
        int runs = r.cold.get(0).millis().length;
        line("Whole processes, `java -cp <only the jars each needs> <main>`, timed by the harness from process start until "
                + "it exits right after printing the first row of `SELECT 1` (`Runtime.halt`, so shutdown is not timed); "
                + runs + " runs each, the three variants interleaved, after one untimed run each. Error: about a 95% "
                + "interval for the median (1.58 × IQR / √n).");
        line("");
        timings(r.cold, r.cold.get(1).figure(), "HikariCP");
        line("");
        line("stconn's extra start-up work is loading its own classes, reading and parsing `.streamlit/secrets.toml` "
                + "(and looking for `config.toml` and `~/.streamlit`; plain TOML by stconn's own reader, the rest by tomlj), "
                + "resolving the type and dialect, and registering the pool's MBeans on a thread of their own.");
        line("");
    }

    /** Median, spread and minimum of each program, and its ratio to the baseline's median. */
    private void timings(List<ColdStart.Timings> all, Figure baseline, String baselineLabel) {
        line("| program | median | IQR | min | ÷ " + baselineLabel + " |");
        line("|---|---|---|---|---|");
        for (ColdStart.Timings t : all) {
            Figure f = t.figure();
            line("| " + t.variant().label().replace("|", "\\|") + " | " + f.text() + " | "
                    + Format.number(t.quantile(0.25)) + "–" + Format.number(t.quantile(0.75)) + " ms | "
                    + Format.number(t.quantile(0)) + " ms | " + Ratio.of(f, baseline).text() + " |");
        }
    }

    private void cliStart() {
        line("## 5b. The command-line tool: from typing the command to the answer");
        line("");
        if (r.cli == null) {
            line("Not measured in this run.");
            line("");
            return;
        }
        int runs = r.cli.get(0).millis().length;
        line("Whole processes timed by the harness from process start to exit, " + runs + " runs each, interleaved, "
                + "after one untimed run each (which writes the launcher's AppCDS archive, so the timed launcher runs "
                + "use it). `bin/stconn` starts the JVM with C1 only, the serial collector, the archive and no JMX; "
                + "the plain Java program prints H2's first row through DriverManager and halts.");
        line("");
        timings(r.cli, r.cli.get(2).figure(), "plain Java");
        line("");
    }

    private void resultCache() {
        line("## 6. The Java API's result cache");
        line("");
        List<String> dbs = new ArrayList<>();
        for (String db : List.of("h2", "pg")) {
            if (r.has("cache.cached." + db, "cache.uncached." + db)) {
                dbs.add(db);
            }
        }
        if (dbs.isEmpty()) {
            line("Not measured in this run.");
            line("");
            return;
        }
        line("`Stconn.connection(name).query(sql)` (cached without expiry) against `query(sql, Duration.ZERO)` (not "
                + "cached: borrow, run, read the 100 rows into a QueryResult, close), 1 thread.");
        line("");
        line("| database | cached | uncached | speedup (uncached ÷ cached) | B/op cached | B/op uncached |");
        line("|---|---|---|---|---|---|");
        for (String db : dbs) {
            Figure c = r.get("cache.cached." + db);
            Figure u = r.get("cache.uncached." + db);
            line("| " + (db.equals("pg") ? "PostgreSQL" : "H2 in memory") + " | " + c.text() + " | " + u.text() + " | "
                    + Ratio.of(u, c).text() + "× | " + c.allocText() + " | " + u.allocText() + " |");
        }
        line("");
    }

    private void footprint() {
        line("## 7. The drop-in jar and the heap of an idle pool");
        line("");
        if (r.jar != null) {
            line("`" + r.jar.jar().getFileName() + "`: **" + Format.bytes(r.jar.bytes()) + "** (" + r.jar.bytes()
                    + " bytes); for scale, HikariCP's own jar is " + Format.bytes(r.jar.hikariBytes()) + ".");
            line("");
            line("| part | compressed |");
            line("|---|---|");
            r.jar.parts().forEach((part, bytes) -> line("| " + part + " | " + Format.bytes(bytes) + " |"));
            line("");
        }
        if (r.footprint != null) {
            long hikari = r.footprint[0];
            long stconn = r.footprint[1];
            line("Retained heap per idle pool: in a fresh JVM, the live bytes of a class histogram (the JVM takes it after "
                    + "a full GC) with " + r.footprintPools + " more pools minus before them, each holding its "
                    + Projects.MINIMUM_IDLE + " idle H2 connections "
                    + "to one shared in-memory database; one pool of each kind is built before the first reading, so "
                    + "class loading and the parsed secrets are not counted.");
            line("");
            line("| | per idle pool |");
            line("|---|---|");
            line("| HikariCP, configured in code | " + Format.bytes(hikari) + " |");
            line("| stconn (`jdbc:stconn:<name>`, 50 sections in one secrets file) | " + Format.bytes(stconn) + " |");
            line("| stconn's own share (difference) | " + Format.bytes(stconn - hikari) + " |");
            line("");
            line("stconn's share is its PoolEntry, the resolved target and section values it keeps to detect changes, "
                    + "the JMX MBeans it registers for every pool (HikariCP registers none unless asked), and the pool's name.");
            line("");
        }
    }

    private void findings() {
        line("## Findings");
        line("");
        List<Check> missed = checks.stream().filter(c -> !c.verdict().holds()).toList();
        line(missed.isEmpty() ? "Every goal holds in this run."
                : "Goals missed in this run: " + String.join("; ", missed.stream().map(c -> c.number() + " " + c.what()).toList())
                + ".");
        line("");
        line("How the figures were investigated (profiles, what DriverManager does, why the A/B harness) and the "
                + "method notes are in [NOTES.md](NOTES.md).");
        line("");
    }

    private void line(String s) {
        md.append(s).append('\n');
    }
}
