package io.stconn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.stconn.internal.TomlLiteDifference.Mismatch;
import io.stconn.internal.TomlLiteDifference.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomlj.Toml;

/**
 * TomlLite against tomlj: where TomlLite answers, its answer is tomlj's to the last position; and it
 * answers often enough to be worth having (every typical secrets file, most generated plain ones).
 * A generated document that fails is named by its seed: {@code TomlDocuments.plain(seed)} (or
 * {@code outside(seed)}) gives it back, and the failure prints it, with the shortest text that still fails.
 */
class TomlLiteTest {
    /** 5,000 documents by default (about 4 s); -Dtomllite.documents=N for more or fewer (tomlj takes most of the time). */
    private static final int DOCUMENTS = Integer.getInteger("tomllite.documents", 5_000);
    private static final long PLAIN_SEED = 20_261_130_000L;
    private static final int PLAIN_DOCUMENTS = DOCUMENTS * 4 / 5;
    private static final long OUTSIDE_SEED = 20_261_130_500_000L;
    private static final int OUTSIDE_DOCUMENTS = DOCUMENTS / 5;

    /** The secrets files of the README, docs/ and examples/, as users copy them. */
    static final List<String> TYPICAL = List.of(
        "# /home/me/app/.streamlit/secrets.toml: the file the Streamlit app already reads\n[connections.shop]\n"
            + "url = \"postgresql://app:app-password@db.internal:5432/shop\"\n",
        "[connections.orders]\ndialect = \"h2\"\ndatabase = \"data/orders\"\nusername = \"sa\"\npassword = \"...\"\n\n"
            + "[connections.orders.create_engine_kwargs]\npool_size = 2\nmax_overflow = 3\n\n[connections.analytics]\n"
            + "url = \"postgresql://reporter:...@127.0.0.1:5433/analytics\"\n\n[connections.warehouse]\n"
            + "type = \"snowflake\"\naccount = \"myorg-myaccount\"\nuser = \"ana\"\nauthenticator = \"oauth\"\n"
            + "token = \"...\"\nwarehouse = \"reporting\"\n",
        "# .streamlit/secrets.toml\n[connections.mydb]\n"
            + "url = \"postgresql+psycopg2://app:p%40ss@db.internal:5432/shop?sslmode=require\"\n",
        "[connections.postgresql]\ndialect = \"postgresql\"\nhost = \"localhost\"\nport = \"5432\"\ndatabase = \"xxx\"\n"
            + "username = \"xxx\"\npassword = \"xxx\"\n",
        "[connections.pg]\nurl = \"postgresql+psycopg2://scott:tiger@db.example.com/sales\"\n"
            + "create_engine_kwargs = { pool_size = 3, max_overflow = 2, pool_recycle = 1800, connect_args = "
            + "{ options = \"-c statement_timeout=5000\" } }\n\n[connections.pg.hikari]\nleakDetectionThreshold = 60000\n",
        "# /home/me/app/.streamlit/secrets.toml\n[connections.shop]\ntype = \"sql\"\n"
            + "url = \"postgresql://app:app-password@db.internal:5432/shop\"\n",
        "# in the secrets url\n[connections.app]\nurl = \"postgresql://app:pw@pgbouncer.internal:6432/shop?prepareThreshold=0\"\n",
        "# in the query table (used when the connection is given in parts, not as a url, as in Streamlit)\n"
            + "[connections.app]\ndialect = \"postgresql\"\nhost = \"pgbouncer.internal\"\nport = 6432\ndatabase = \"shop\"\n"
            + "username = \"app\"\npassword = \"pw\"\nquery = { prepareThreshold = \"0\" }\n",
        "[connections.app.hikari]\nminimumIdle = 5          # kept open even when idle\n"
            + "idleTimeout = 600000     # ms; idle ones above minimumIdle close after this\n",
        "# .streamlit/secrets.toml\n[connections.snowflake]\n"
            + "account = \"myorg-myaccount\"      # or a locator: \"xy12345.eu-central-1\"\nuser = \"jsmith\"\n"
            + "password = \"...\"\nrole = \"ANALYST\"\nwarehouse = \"COMPUTE_WH\"\ndatabase = \"SALES\"\nschema = \"PUBLIC\"\n",
        "# ~/.snowflake/connections.toml        (chmod 600)\n[default]\naccount = \"myorg-myaccount\"\nuser = \"jsmith\"\n"
            + "authenticator = \"externalbrowser\"\nwarehouse = \"COMPUTE_WH\"\n\n[prod]\naccount = \"myorg-prod\"\n"
            + "user = \"svc_dashboard\"\nauthenticator = \"snowflake_jwt\"\n"
            + "private_key_file = \"/home/jsmith/.snowflake/rsa_key.p8\"\nprivate_key_file_pwd = \"...\"\n",
        "[connections.snowflake]\naccount = \"myorg-myaccount\"\nuser = \"jsmith\"\nauthenticator = \"snowflake_jwt\"\n"
            + "private_key_file = \"keys/rsa_key.p8\"     # relative to the project folder, as Streamlit runs there\n"
            + "private_key_file_pwd = \"...\"             # for an encrypted key\n",
        "[connections.pg]\nurl = \"postgresql://app@db:5432/shop\"\npassword = \"top%41secret\"     # used as written\n",
        // examples/.streamlit/secrets.toml without its multi-line INIT
        "# The demo project's secrets, read by stconn (jdbc:stconn:<name>) and by Streamlit (st.connection).\n\n"
            + "[connections.demo]\ndialect = \"h2\"\ndatabase = \"mem:demo\"\n\n[connections.demo.query]\n"
            + "# keep the database for as long as the process runs, not only while a connection is open\n"
            + "DB_CLOSE_DELAY = \"-1\"\n# lower-case column names, as PostgreSQL and SQLite report them\n"
            + "DATABASE_TO_LOWER = \"TRUE\"\n\n[connections.pets_sqlite]\ntype = \"sql\"\nurl = \"sqlite:///pets.db\"\n",
        // the same with Windows line ends, and Streamlit's own examples
        "[connections.demo]\r\ndialect = \"h2\"\r\ndatabase = \"mem:demo\"\r\n\r\n[connections.demo.query]\r\n"
            + "DB_CLOSE_DELAY = \"-1\"\r\n",
        "[connections.mysql]\ndialect = \"mysql\"\nhost = \"localhost\"\nport = 3306\ndatabase = \"xxx\"\n"
            + "username = \"xxx\"\npassword = \"xxx\"\nquery = { charset = \"xxx\" }\n",
        "[connections.sqlite]\nurl = 'sqlite:///C:\\data\\pets.db'\n");

    @Test
    void typicalSecretsFilesAreReadAsTomljReadsThem() {
        for (String text : TYPICAL) {
            assertThat(outcome(text)).as("TomlLite reads %s", quoted(text)).isEqualTo(Outcome.ACCEPTED);
        }
    }

    @Test
    void generatedPlainDocumentsAreMostlyReadAndAlwaysAsTomljReadsThem() {
        Report report = run(PLAIN_SEED, PLAIN_DOCUMENTS, TomlDocuments::plain);
        System.out.printf("TomlLite: %d plain documents, %d read (%.1f%%), %d tomlj refuses%n", PLAIN_DOCUMENTS,
            report.accepted, 100.0 * report.accepted / PLAIN_DOCUMENTS, report.refused.size());
        assertThat(first(report.mismatches)).as("TomlLite differs from tomlj").isEmpty();
        assertThat(report.refused).as("the generator writes valid TOML").isEmpty();
        assertThat(report.accepted).as("documents TomlLite reads").isGreaterThanOrEqualTo(PLAIN_DOCUMENTS * 6 / 10);
    }

    @Test
    void generatedDocumentsWithOneConstructOutsideAreDeclinedOrReadAsTomljReadsThem() {
        Report report = run(OUTSIDE_SEED, OUTSIDE_DOCUMENTS, TomlDocuments::outside);
        System.out.printf("TomlLite: %d documents with one construct outside, %d read anyway%n", OUTSIDE_DOCUMENTS,
            report.accepted);
        assertThat(first(report.mismatches)).as("TomlLite differs from tomlj").isEmpty();
    }

    @Test
    void everyConstructOutsideAloneAndAfterAPlainLine() {
        List<String> mismatches = new ArrayList<>();
        for (String construct : TomlDocuments.OUTSIDE) {
            for (String text : List.of(construct, construct + "\n", "[s]\nk = 1\n" + construct + "\n",
                    "a = 1\r\n" + construct + "\r\n", "m = {a = 1}\n" + construct)) {
                mismatch(text).ifPresent(mismatches::add);
            }
        }
        assertThat(mismatches).as("TomlLite differs from tomlj").isEmpty();
    }

    /** Plain on every count: TomlLite must read these, as tomlj does. */
    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\r\n", "# only a comment", "# one\n# two\n", "#\n\n#\r\n", "   \n\t\n",
        "a = 1", "a = 1\n", "a = 1\r\n", "a = 1\r\nb = 2", "a = 1\nb = 2\r\n[s]\r\nc = 3", "   a = 1\n", "\ta = 1\n",
        "\t [s]\n\tk = 'v'\n", "a=1\n", "a=1\nb=\"x\"\n", "a =1\nb= 2\n", "a\t=\t1\t\n", "[a]\n", "[a.b.c]\n",
        "[a.b]\n[a.c]\n", "[a]\n[a.b]\n", "[ a ]\n", "[a.b]\nk = 1\n[a.c]\nk = 2\n[d]\n", "[connections.x]\nurl = \"u\"\n",
        "a = 0\n", "a = -1\n", "a = 123456789012345678\n", "a = -123456789012345678\n", "a = +17\n", "a = true\nb = false\n",
        "trueish = true\n", "falsey = false\n", "a = \"\"\n", "a = ''\n", "a = \"# not a comment\"\n",
        "a = '# not a comment' # a comment\n", "a = \"x\"# comment\n", "a = 1# comment\n", "a = true#c\n", "a = 'x'#\n",
        "a = [1, 2]#c\n", "a = {b = 1}#c\n", "[s]#c\n", "[s] # c\n", "a = \"\\\"\\\\\\n\\t\\r\\b\\f\"\n",
        "a = \"caf\u00e9 \u4e2d\u6587 \u20ac\"\n", "# caf\u00e9 \u2603\na = 1\n", "a = 'C:\\path\\file'\n",
        "a = \"tab\there\"\n", "a = 'tab\there'\n", "a = []\n", "a = [ ]\n", "a = {}\n", "a = { }\n", "a = [\"x\", 'y']\n",
        "a = [true, false]\n", "a = [1,2,3]\n", "a = { b = 1, c = \"x\", d = { e = [1] } }\n",
        "q = {prepareThreshold = \"0\"}\n", "[connections.pg]\nquery = { sslmode = \"require\" }\n[connections.pg.hikari]\n",
        "a-b = 1\n_c = 2\nd9 = 3\nE = 4\n", "[a-b._c.d9]\nk = 1\n", "a = 1 \n", "a = 1\t\n", "a = 1\n\n\n"})
    void plainEdgesAreReadAsTomljReadsThem(String text) {
        assertThat(Toml.parse(text).errors()).as("tomlj on %s", quoted(text)).isEmpty();
        assertThat(outcome(text)).as("TomlLite on %s", quoted(text)).isEqualTo(Outcome.ACCEPTED);
    }

    /** At the subset's edges, and past them: TomlLite may read or decline these, but never differ from tomlj. */
    @ParameterizedTest
    @ValueSource(strings = {"[ a . b ]\n", "[a . b]\nk = 1\n", "[\ta\t.\tb\t]\n", "[a.b]\n[a]\n", "[a.b]\nk = 1\n[a]\nj = 2\n",
        "a = 9223372036854775807\n", "a = -9223372036854775808\n", "a = 9223372036854775808\n",
        "a = 1234567890123456789\n", "a = 12345678901234567890123\n", "a = 0123\n", "a = 00\n", "a = +1\n",
        "a = -0\n", "a = +0\n", "a = 0\n", "trueish = truex\n", "a = truex\n", "a = true1\n", "a = tru\n",
        "true = 1\n", "false = true\n", "1 = 1\n", "-x = 1\n", "inf = 1\n", "nan = 1\n", "[true]\n", "[1]\n",
        "[-x]\n", "a = \"#\"#\"\n", "a = '#'#'\n", "a = 1 b\n", "a = [1, 2,]\n", "a = {b = 1,}\n", "a =\n", "a = \n",
        "a = \"x\n", "a = 'x\n", "a = \"x\\\"\n", "a = 1\na = 2\n", "[a]\n[a]\n", "a = {b = 1}\n[a]\n",
        "a = {b = 1}\n[a.c]\n", "a = {b = {}}\n[a.b]\n", "a = 1\n[a]\n", "[a]\nb = 1\n[a.b]\n", "a = {b = 1, b = 2}\n",
        "a = \"\\u00e9\"\n", "a = \"\\q\"\n", "a = 1\rb = 2\n", "\ufeffa = 1\n", "a = \"\ud83d\ude00\"\n",
        "a = \"x\u0000\"\n", "# \u0000\n", "a = [1, 'x']\n", "a = [[1]]\n", "a = [{b = 1}]\n", "a = 1.0\n",
        "a = 1979-05-27\n", "a.b = 1\n", "\"a\" = 1\n", "[[a]]\n", "a = \"\"\"x\"\"\"\n", "a = '''x'''\n",
        "a = ''\n", "a = '''\n", "a = ''''\n", "a = \"\"\"\n", "a = \"\"\n", "a = \"\"x\n", "a = \"\" x\n", "a = 1,\n",
        "a = 1]\n", "a = [1]]\n", "a = {}}\n", "[a]]\n", "[[a]\n", "[a]b\n", "a = 1 # c\rd\n", "a = \"\\\n",
        "a = '\\'\n", "a = [\n]\n", "a = {\n}\n", "a = { b = 1\n}\n", "\n\n[a]\n\n\tb = 1\n", " [a.b]\n  c = 2\n",
        "a = -\n", "a = +\n", "a = 1_0\n", "a = 0x10\n", "a = 1e1\n", "a = inf\n", "a = nan\n", "\u00e9 = 1\n",
        "a\u00a0= 1\n", "a = 1\u00a0\n", "[a]\u00a0\n", "a = \"\u2028\"\n", "# \u2028\n", "a = \"\u007f\"\n", "# \u007f\n",
        "a = '\u0008'\n", "a = \"\ufeff\"\n", "# \ufeff\n", "a = \"\ud800\"\n", "a = {b = 1} c\n", "a = [1] 2\n",
        "a = [1 2]\n", "a = {b = 1 c = 2}\n", "a = {b.c = 1}\n", "a = {\"b\" = 1}\n", "a = {b = [1, 2]}\n",
        "a = {b = {c = {d = {}}}}\n", "[a]\nb = {c = 1}\n[a.b.d]\n", "[a.b]\n[a.b.c]\n[a]\n", "[a]\n[b]\n[a.c]\n",
        // tomlj throws on these instead of reporting an error
        "[\"\\a\"]\n", "[\"\\a"})
    void edgesAreDeclinedOrReadAsTomljReadsThem(String text) {
        mismatch(text).ifPresent(message -> {
            throw new AssertionError(message);
        });
    }

    /** examples/.streamlit/secrets.toml as it is (its multi-line INIT is outside the subset), and in parts. */
    @Test
    void theExampleSecretsFile() throws Exception {
        String text;
        try (var in = TomlLiteTest.class.getResourceAsStream("examples-secrets.toml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> mismatches = new ArrayList<>();
        mismatch(text).ifPresent(mismatches::add);
        mismatch(text.replace("\n", "\r\n")).ifPresent(mismatches::add);
        for (String part : text.split("(?=\n\\[)")) {
            mismatch(part).ifPresent(mismatches::add);
        }
        assertThat(mismatches).as("TomlLite differs from tomlj").isEmpty();
    }

    /** Every string the driver's tests spell out (the TOML texts other tests parse), and the integration tests' TOML. */
    @Test
    void theTextsOfTheProjectsTests() throws Exception {
        Path sources = Path.of("src/test/java");
        Assumptions.assumeTrue(Files.isDirectory(sources), "run from the driver module");
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                texts.addAll(JavaTextLiterals.in(Files.readString(file)));
            }
        }
        try (var in = TomlLiteTest.class.getResourceAsStream("integration-test-texts.txt")) {
            texts.addAll(JavaTextLiterals.in(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        int accepted = 0;
        for (String text : new LinkedHashSet<>(texts)) {
            if (text.contains("=") || text.contains("[") || text.contains("#")) {
                checked++;
                try {
                    accepted += TomlLiteDifference.check(text) == Outcome.ACCEPTED ? 1 : 0;
                } catch (Mismatch e) {
                    mismatches.add(quoted(text) + ": " + e.getMessage() + " (shortest: " + quoted(shortest(text)) + ")");
                }
            }
        }
        System.out.printf("TomlLite: %d texts of the project's tests, %d read%n", checked, accepted);
        assertThat(checked).as("texts found").isGreaterThan(100);
        assertThat(mismatches).as("TomlLite differs from tomlj").isEmpty();
    }

    /**
     * Nesting as deep as TomlInput lets through (64), deeper than tomlj's stack allows (about 800 inline
     * tables here), and deeper than TomlLite's: where tomlj fails, TomlLite must decline, not answer or throw.
     */
    @ParameterizedTest
    @ValueSource(ints = {TomlInput.MAX_NESTING, 1500, 20_000})
    void deepNesting(int depth) {
        for (String text : List.of("a = " + "{b = ".repeat(depth) + "1" + "}".repeat(depth) + "\n",
                "a = " + "[".repeat(depth) + "]".repeat(depth) + "\n")) {
            try {
                TomlLiteDifference.check(text);
            } catch (Mismatch e) {
                throw new AssertionError("depth " + depth + ", " + quoted(text.substring(0, 12)) + "...: " + e.getMessage());
            }
        }
    }

    /** Every text of up to two characters of TOML's punctuation and a few letters, alone and after the start of a line. */
    @Test
    void everyShortText() {
        String alphabet = "a=\"'#[]{},. \n\r\\1t-+0\tb";
        List<String> mismatches = new ArrayList<>();
        for (String prefix : List.of("", "a = ", "[a]\nb = ", "a = {b = ", "a = [", "[a")) {
            mismatch(prefix).ifPresent(mismatches::add);
            for (char first : alphabet.toCharArray()) {
                mismatch(prefix + first).ifPresent(mismatches::add);
                for (char second : alphabet.toCharArray()) {
                    mismatch(prefix + first + second).ifPresent(mismatches::add);
                }
            }
        }
        assertThat(mismatches).as("TomlLite differs from tomlj").isEmpty();
    }

    /** The outcome for a text that must not mismatch. */
    private static Outcome outcome(String text) {
        try {
            return TomlLiteDifference.check(text);
        } catch (Mismatch e) {
            throw new AssertionError("TomlLite on " + quoted(text) + ": " + e.getMessage());
        }
    }

    private static Optional<String> mismatch(String text) {
        try {
            TomlLiteDifference.check(text);
            return Optional.empty();
        } catch (Mismatch e) {
            return Optional.of(quoted(text) + ": " + e.getMessage() + " (shortest: " + quoted(shortest(text))
                + ")");
        }
    }

    private static final class Report {
        int accepted;
        final Map<Long, String> mismatches = new TreeMap<>();
        final Set<Long> refused = new TreeSet<>();
    }

    /** The documents of count seeds from firstSeed (one seed, one document: a failure names its seed). */
    private static Report run(long firstSeed, int count, LongFunction<String> documents) {
        Report report = new Report();
        for (long seed = firstSeed; seed < firstSeed + count; seed++) {
            String text = documents.apply(seed);
            try {
                Outcome outcome = TomlLiteDifference.check(text, seed % 16 == 0);
                if (outcome == Outcome.ACCEPTED) {
                    report.accepted++;
                } else if (outcome == Outcome.DECLINED_INVALID) {
                    report.refused.add(seed);
                }
            } catch (Mismatch e) {
                // the first few shortened to what still shows the difference, the rest as they are
                String message = "seed " + seed + ": " + e.getMessage() + "\n  text: " + quoted(text)
                    + (report.mismatches.size() < 5 ? "\n  shortest: " + quoted(shortest(text)) : "");
                if (report.mismatches.size() < 20) {
                    System.out.println("TomlLite mismatch, " + message);
                }
                report.mismatches.put(seed, message);
            }
        }
        return report;
    }

    /** The first few, and how many there are in all. */
    private static List<String> first(Map<Long, String> mismatches) {
        List<String> first = new ArrayList<>(mismatches.values().stream().limit(10).toList());
        if (mismatches.size() > first.size()) {
            first.add("... " + mismatches.size() + " documents in all");
        }
        return first;
    }

    /** The text with lines, then characters, left out for as long as TomlLite still differs from tomlj on it. */
    static String shortest(String text) {
        String best = text;
        boolean shorter = true;
        while (shorter) {
            shorter = false;
            List<String> lines = new ArrayList<>(List.of(best.split("(?<=\n)")));
            for (int i = 0; i < lines.size() && lines.size() > 1; i++) {
                List<String> fewer = new ArrayList<>(lines);
                fewer.remove(i);
                String candidate = String.join("", fewer);
                if (differs(candidate)) {
                    best = candidate;
                    lines = fewer;
                    i--;
                    shorter = true;
                }
            }
            for (int i = 0; i < best.length(); i++) {
                String candidate = best.substring(0, i) + best.substring(i + 1);
                if (differs(candidate)) {
                    best = candidate;
                    i--;
                    shorter = true;
                }
            }
        }
        return best;
    }

    private static boolean differs(String text) {
        try {
            TomlLiteDifference.check(text);
            return false;
        } catch (Mismatch e) {
            return true;
        }
    }

    /** The text as a Java string literal, so that a failure can be pasted back as a case. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
