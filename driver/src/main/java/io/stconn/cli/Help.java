package io.stconn.cli;

import io.stconn.StconnDriver;
import io.stconn.internal.Env;
import io.stconn.spi.Environment;
import java.io.PrintStream;

/** The text of --help. */
final class Help {
    private static final String OPTIONS = """
            options (before or after the command):
              --project DIR            the Streamlit project whose .streamlit/secrets.toml is read
                                       (default: $STCONN_PROJECT_DIR, else the working folder)
              --secrets FILE           read this secrets file instead of the default ones; repeatable,
                                       a later file overrides an earlier one
              -p KEY=VALUE             a keyword argument, as in st.connection(name, KEY=VALUE); repeatable
              --driver-path PATH       a JDBC driver jar, or a folder of jars; repeatable
              --json                   print JSON (list, describe, check; for query, --format json)
              --format table|csv|json  how query prints its result (default: table)
              --max-rows N             query: print at most N rows
              -f, --file FILE          query: run the SQL script in FILE (query -f FILE <name>); with
                                       - as the SQL, the script comes from standard input. Statements
                                       end at semicolons outside quotes, comments and $$ quotes
              --timeout SECONDS        check: how long each connection may take (default: 10)
              --debug                  print stconn's debug log and stack traces
              --version                print the version and the location of the stconn jar
              --help                   print this help

            JDBC drivers are looked for in: the class path, --driver-path, $STCONN_DRIVER_PATH,
            drivers/ beside the stconn jar, then the local Maven repository (~/.m2/repository).

            exit codes: 0 success, 1 failure (check: any connection failed), 2 usage error
            """;

    private Help() {
    }

    /** How the user started the tool: the launcher's name, else java -jar and this jar's real file name. */
    static String command() {
        String launcher = Environment.SYSTEM.get(Env.STCONN_LAUNCHER.key());
        if (launcher != null && !launcher.isBlank()) {
            return launcher;
        }
        return "java -jar " + DriverPath.codeSource(Main.class).filter(p -> p.toString().endsWith(".jar"))
                .map(p -> p.getFileName().toString()).orElse("stconn-jdbc-" + StconnDriver.version() + ".jar");
    }

    static void print(PrintStream out) {
        out.println("usage: " + command() + " <command> [options]");
        out.println();
        out.println("commands:");
        for (Command command : Command.values()) {
            out.printf("  %-23s  %s%n", command.synopsis(), command.description());
        }
        out.println();
        out.print(OPTIONS);
    }
}
