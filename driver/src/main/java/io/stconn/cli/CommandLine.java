package io.stconn.cli;

import io.stconn.StconnKey;
import io.stconn.internal.Nearest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The parsed and validated command line. Options may come before or after the command; {@code --}
 * ends the options. Everything is checked here, before any file is read or connection opened.
 *
 * @param kwargOptions for each kwarg, the option that gave it ({@code -p}, {@code --project}, {@code --secrets})
 * @param json         list, describe and check print JSON; for query, the same as {@code --format json}
 */
record CommandLine(Command command, List<String> operands, Map<String, String> kwargs, Map<String, String> kwargOptions,
                   List<Path> driverPath, OutputFormat format, boolean json, int maxRows, int timeoutSeconds,
                   boolean debug, boolean version, boolean help, Path sqlFile) {

    /** Every option, for "did you mean" and for shell completion. */
    static final List<String> OPTIONS = List.of("--project", "--secrets", "-p", "--driver-path", "--json", "--format",
            "--max-rows", "--file", "-f", "--timeout", "--debug", "--version", "--help", "-h");

    /** No limit. */
    static final int ALL_ROWS = 0;
    /** How long check waits for each connection by default; enough for a cloud login, far below HikariCP's 30 s. */
    static final int DEFAULT_TIMEOUT_SECONDS = 10;

    static CommandLine parse(String... args) throws UsageException {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        List<String> positional = new ArrayList<>();
        Map<String, String> kwargs = new LinkedHashMap<>();
        Map<String, String> kwargOptions = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        List<Path> driverPath = new ArrayList<>();
        String project = null;
        OutputFormat format = null;
        Integer maxRows = null;
        Integer timeout = null;
        Path sqlFile = null;
        boolean json = false;
        boolean debug = false;
        boolean version = false;
        boolean help = false;
        boolean optionsEnded = false;
        while (!rest.isEmpty()) {
            String arg = rest.poll();
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            // --name=value is the same as --name value
            int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (eq >= 0) {
                if (isFlag(name)) {
                    throw new UsageException(name + " takes no value");
                }
                rest.push(arg.substring(eq + 1));
            }
            switch (name) {
                case "--" -> optionsEnded = true;
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--debug" -> debug = true;
                case "--json" -> json = true;
                case "--project" -> project = value(name, rest);
                case "--secrets" -> secrets.add(value(name, rest));
                case "--driver-path" -> driverPath.add(existing(name, DriverPath.withoutWildcard(value(name, rest))));
                case "--format" -> format = OutputFormat.named(value(name, rest));
                case "--max-rows" -> maxRows = positiveNumber(name, value(name, rest));
                case "--timeout" -> timeout = positiveNumber(name, value(name, rest));
                case "-p" -> kwarg(value(name, rest), kwargs, kwargOptions);
                case "--file", "-f" -> sqlFile = existing(name, value(name, rest));
                default -> throw new UsageException("unknown option " + name + didYouMean(name));
            }
        }
        if (project != null) {
            Path dir = existing("--project", project);
            if (!Files.isDirectory(dir)) {
                throw new UsageException("--project must be a folder: " + dir);
            }
            put(kwargs, kwargOptions, StconnKey.PROJECT_DIR.key(), dir.toString(), "--project");
        }
        if (!secrets.isEmpty()) {
            List<String> files = new ArrayList<>();
            for (String file : secrets) {
                files.add(path("--secrets", file).toString());
            }
            put(kwargs, kwargOptions, StconnKey.SECRETS_FILES.key(), String.join(File.pathSeparator, files), "--secrets");
        }
        Command command = null;
        List<String> operands = List.of();
        if (!help && !version) {
            if (positional.isEmpty()) {
                throw new UsageException("no command given (commands: " + Command.words() + ")");
            }
            command = Command.named(positional.get(0));
            operands = List.copyOf(positional.subList(1, positional.size()));
            onlyFor(command, "--file", sqlFile != null, Command.QUERY);
            command.checkOperands(operands, sqlFile != null);
            onlyFor(command, "--format", format != null, Command.QUERY);
            onlyFor(command, "--max-rows", maxRows != null, Command.QUERY);
            onlyFor(command, "--timeout", timeout != null, Command.CHECK);
            if (json && format != null && format != OutputFormat.JSON) {
                throw new UsageException("--json and --format " + format + " disagree: give one of them");
            }
        }
        OutputFormat shown = json ? OutputFormat.JSON : format == null ? OutputFormat.TABLE : format;
        return new CommandLine(command, operands, Map.copyOf(kwargs), Map.copyOf(kwargOptions), List.copyOf(driverPath),
                shown, json || format == OutputFormat.JSON, maxRows == null ? ALL_ROWS : maxRows,
                timeout == null ? DEFAULT_TIMEOUT_SECONDS : timeout, debug, version, help, sqlFile);
    }

    /** What goes to Driver.connect: the -p kwargs plus project_dir and secrets_files. */
    Properties connectProperties() {
        Properties properties = new Properties();
        properties.putAll(kwargs);
        return properties;
    }

    /** Only for long options: every one-letter typo is one edit from -p or -f, which says nothing. */
    private static String didYouMean(String option) {
        return option.startsWith("--")
                ? Nearest.to(option, OPTIONS).map(n -> " (did you mean " + n + "?)").orElse("") : "";
    }

    private static boolean isFlag(String name) {
        return name.equals("--help") || name.equals("--version") || name.equals("--debug") || name.equals("--json");
    }

    private static void onlyFor(Command command, String option, boolean given, Command takesIt) throws UsageException {
        if (given && command != takesIt) {
            String instead = option.equals("--format") ? " (list, describe and check take --json)" : "";
            throw new UsageException(option + " is an option of " + takesIt.word() + ", not of " + command.word() + instead);
        }
    }

    private static String value(String option, Deque<String> rest) throws UsageException {
        if (rest.isEmpty()) {
            throw new UsageException(option + " needs a value");
        }
        return rest.poll();
    }

    private static Path path(String option, String value) throws UsageException {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": not a usable path: " + value);
        }
    }

    private static Path existing(String option, String value) throws UsageException {
        Path path = path(option, value);
        if (!Files.exists(path)) {
            throw new UsageException(option + ": no such file or folder: " + path);
        }
        return path;
    }

    private static int positiveNumber(String option, String value) throws UsageException {
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0 && n < Integer.MAX_VALUE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new UsageException(option + " needs a whole number of at least 1, not '" + value + "'");
    }

    // the value is never echoed: it may be a password
    private static void kwarg(String pair, Map<String, String> kwargs, Map<String, String> options)
            throws UsageException {
        int eq = pair.indexOf('=');
        if (eq <= 0 || pair.substring(0, eq).isBlank()) {
            throw new UsageException("-p needs key=value, as in -p ttl=60");
        }
        String key = pair.substring(0, eq).strip();
        kwargs.put(key, pair.substring(eq + 1));
        options.put(key, "-p");
    }

    private static void put(Map<String, String> kwargs, Map<String, String> options, String key, String value,
                            String option) throws UsageException {
        if (kwargs.containsKey(key)) {
            throw new UsageException("give " + option + " or -p " + key + "=..., not both");
        }
        kwargs.put(key, value);
        options.put(key, option);
    }

    // written out, not generated: generated record methods leave this class in a JDK-wide cache
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof CommandLine other
            && Objects.equals(command, other.command)
            && Objects.equals(operands, other.operands)
            && Objects.equals(kwargs, other.kwargs)
            && Objects.equals(kwargOptions, other.kwargOptions)
            && Objects.equals(driverPath, other.driverPath)
            && Objects.equals(format, other.format)
            && Objects.equals(json, other.json)
            && Objects.equals(maxRows, other.maxRows)
            && Objects.equals(timeoutSeconds, other.timeoutSeconds)
            && Objects.equals(debug, other.debug)
            && Objects.equals(version, other.version)
            && Objects.equals(help, other.help);
    }

    @Override
    public int hashCode() {
        return Objects.hash(command, operands, kwargs, kwargOptions, driverPath, format, json, maxRows, timeoutSeconds, debug, version, help);
    }

    @Override
    public String toString() {
        return "CommandLine[command=" + command + ", operands=" + operands + ", kwargs=" + kwargs
                + ", kwargOptions=" + kwargOptions + ", driverPath=" + driverPath + ", format=" + format + ", json=" + json
                + ", maxRows=" + maxRows + ", timeoutSeconds=" + timeoutSeconds + ", debug=" + debug
                + ", version=" + version + ", help=" + help + "]";
    }
}
