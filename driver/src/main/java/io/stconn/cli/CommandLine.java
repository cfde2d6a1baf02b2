package io.stconn.cli;

import io.stconn.StconnKey;
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
import java.util.Properties;

/**
 * The parsed and validated command line. Options may come before or after the command; {@code --}
 * ends the options. Everything is checked here, before any file is read or connection opened.
 */
record CommandLine(Command command, List<String> operands, Map<String, String> kwargs, List<Path> driverPath,
                   OutputFormat format, int maxRows, boolean debug, boolean version, boolean help) {

    /** No limit. */
    static final int ALL_ROWS = 0;

    static CommandLine parse(String... args) throws UsageException {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        List<String> positional = new ArrayList<>();
        Map<String, String> kwargs = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        List<Path> driverPath = new ArrayList<>();
        String project = null;
        OutputFormat format = OutputFormat.TABLE;
        int maxRows = ALL_ROWS;
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
                case "--project" -> project = value(name, rest);
                case "--secrets" -> secrets.add(value(name, rest));
                case "--driver-path" -> driverPath.add(existing(name, DriverPath.withoutWildcard(value(name, rest))));
                case "--format" -> format = OutputFormat.named(value(name, rest));
                case "--max-rows" -> maxRows = positiveNumber(name, value(name, rest));
                case "-p" -> kwarg(value(name, rest), kwargs);
                default -> throw new UsageException("unknown option " + name);
            }
        }
        if (project != null) {
            Path dir = existing("--project", project);
            if (!Files.isDirectory(dir)) {
                throw new UsageException("--project must be a folder: " + dir);
            }
            put(kwargs, StconnKey.PROJECT_DIR.key(), dir.toString(), "--project");
        }
        if (!secrets.isEmpty()) {
            List<String> files = new ArrayList<>();
            for (String file : secrets) {
                files.add(path("--secrets", file).toString());
            }
            put(kwargs, StconnKey.SECRETS_FILES.key(), String.join(File.pathSeparator, files), "--secrets");
        }
        Command command = null;
        List<String> operands = List.of();
        if (!help && !version) {
            if (positional.isEmpty()) {
                throw new UsageException("no command given (commands: " + Command.words() + ")");
            }
            command = Command.named(positional.get(0));
            operands = List.copyOf(positional.subList(1, positional.size()));
            command.checkOperands(operands);
        }
        return new CommandLine(command, operands, Map.copyOf(kwargs), List.copyOf(driverPath), format, maxRows, debug,
                version, help);
    }

    /** What goes to Driver.connect: the -p kwargs plus project_dir and secrets_files. */
    Properties connectProperties() {
        Properties properties = new Properties();
        properties.putAll(kwargs);
        return properties;
    }

    private static boolean isFlag(String name) {
        return name.equals("--help") || name.equals("--version") || name.equals("--debug");
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
    private static void kwarg(String pair, Map<String, String> kwargs) throws UsageException {
        int eq = pair.indexOf('=');
        if (eq <= 0 || pair.substring(0, eq).isBlank()) {
            throw new UsageException("-p needs key=value, as in -p ttl=60");
        }
        kwargs.put(pair.substring(0, eq).strip(), pair.substring(eq + 1));
    }

    private static void put(Map<String, String> kwargs, String key, String value, String option) throws UsageException {
        if (kwargs.containsKey(key)) {
            throw new UsageException("give " + option + " or -p " + key + "=..., not both");
        }
        kwargs.put(key, value);
    }
}
