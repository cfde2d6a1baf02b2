package io.stconn.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Why tests were skipped, once per run and per reason ("PostgreSQL test server not ready ... Run
 * `bash .ci/run` ..."), instead of only in each test's report. The test output goes to report files
 * (failsafe's redirectTestOutputToFile), so the summary is written to {@code target/skipped-tests.txt},
 * which the build prints after the integration tests (tests/pom.xml). Registered through
 * META-INF/services for every run of the JUnit Platform launcher in this module.
 */
public final class SkippedTestsSummary implements TestExecutionListener {
    static final String FILE = "skipped-tests.txt";

    // reason to how many tests it skipped, in the order first seen
    private final Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        reasons.clear();
        order.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        count(reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest() && result.getStatus() == TestExecutionResult.Status.ABORTED) {
            count(result.getThrowable().map(Throwable::getMessage).orElse("aborted without a reason"));
        }
    }

    private void count(String reason) {
        String oneLine = reason == null ? "no reason given" : reason.replaceAll("\\s+", " ").strip();
        // each test's own words after the reason (Assumptions' "Assumption failed: ") are the same reason
        String key = oneLine.replaceFirst("^Assumption failed: ", "");
        synchronized (order) {
            if (reasons.putIfAbsent(key, new AtomicInteger()) == null) {
                order.add(key);
            }
        }
        reasons.get(key).incrementAndGet();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Path file = Path.of(System.getProperty("basedir", "."), "target", FILE);
        List<String> lines = new ArrayList<>();
        synchronized (order) {
            for (String reason : order) {
                int n = reasons.get(reason).get();
                lines.add("skipped " + n + (n == 1 ? " test: " : " tests: ") + reason);
            }
        }
        try {
            Files.createDirectories(file.getParent());
            if (lines.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // the summary is a courtesy: the reports still hold every reason
        }
    }
}
