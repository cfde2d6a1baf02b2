package io.stconn.cli;

import io.stconn.StconnDriver;
import io.stconn.internal.Env;
import io.stconn.road.Road;
import io.stconn.spi.Environment;
import io.stconn.internal.Masking;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The command-line tool: {@code bin/stconn <command> ...} or {@code java -jar stconn-jdbc-<version>.jar <command> ...}. Exit codes: 0 success,
 * 1 failure, 2 usage error. Errors are one line on stderr; stack traces only with --debug.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        // a JVM that lives a second has no one to read its MBeans, and starting JMX costs it tens of ms
        if (System.getProperty(Env.STCONN_JMX.property()) == null) {
            System.setProperty(Env.STCONN_JMX.property(), "false");
        }
        // UTF-8 whatever the platform default: csv and json readers expect it, and names are rarely ASCII only
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        // the tool is the pools' only user: close them so that databases shut down cleanly
        Road.shared().closeAll();
        System.exit(code);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (UsageException e) {
            err.println("stconn: " + e.getMessage() + " (see --help)");
            return USAGE;
        }
        if (commandLine.help()) {
            Help.print(out);
            return OK;
        }
        if (commandLine.version()) {
            out.println("stconn " + StconnDriver.version() + " ("
                    + DriverPath.codeSource(Main.class).map(Object::toString).orElse("location unknown") + ")");
            return OK;
        }
        CliLogging.configure(commandLine.debug(), err);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        DriverPath drivers = null;
        try {
            drivers = driverPath(commandLine);
            // not closed: the JVM exits next, and drivers' shutdown hooks may still load classes from it
            thread.setContextClassLoader(drivers.classLoader(Main.class.getClassLoader()));
            return switch (commandLine.command()) {
                case LIST -> ListCommand.run(commandLine, out);
                case DESCRIBE -> DescribeCommand.run(commandLine, drivers, out);
                case CHECK -> CheckCommand.run(commandLine, drivers, out, err);
                case QUERY -> QueryCommand.run(commandLine, in, out, err);
                case LINT -> LintCommand.run(commandLine, out);
                case COMPLETION -> Completion.run(commandLine, out);
            };
        } catch (UsageException e) {
            err.println("stconn: " + e.getMessage() + " (see --help)");
            return USAGE;
        } catch (Exception | LinkageError e) {
            out.flush();
            err.println("stconn: " + CauseChain.oneLine(drivers == null ? e : drivers.withPlacesSearched(e)));
            if (commandLine.debug()) {
                err.print(stackTrace(e));
            }
            return FAILURE;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Masked as the one-line message is: a real driver's message may quote its URL. */
    private static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return Masking.url(trace.toString());
    }

    private static DriverPath driverPath(CommandLine commandLine) {
        Environment env = Environment.SYSTEM;
        MavenRepository maven = MavenRepository.local(env.get(Env.MAVEN_REPO_LOCAL.key()),
                env.get(Env.USER_HOME.key()));
        // the drivers/ folder is beside a jar only: running from target/classes has none
        DriverPath path = DriverPath.of(commandLine.driverPath(), env.get(Env.STCONN_DRIVER_PATH.key()),
                DriverPath.codeSource(Main.class).filter(p -> p.toString().endsWith(".jar")).orElse(null), maven);
        CliLogging.debug(() -> "driver path: " + (path.entries().isEmpty() ? "(empty)" : path.entries().stream()
                .map(e -> e.jar() + " [" + e.origin() + "]").collect(Collectors.joining(", "))));
        return path;
    }
}
