package io.stconn.cli;

import io.stconn.internal.TextTable;
import java.io.PrintStream;
import java.util.Locale;

/** How a query result is printed. Only the table is for eyes; csv and json stay machine-readable. */
enum OutputFormat {
    TABLE(true) {
        @Override
        void write(ResultTable result, PrintStream out) {
            TextTable.write(result.labels(), result.numeric(), result.rows(), out);
        }
    },
    CSV(false) {
        @Override
        void write(ResultTable result, PrintStream out) {
            CsvWriter.write(result, out);
        }
    },
    JSON(false) {
        @Override
        void write(ResultTable result, PrintStream out) {
            JsonWriter.write(result, out);
        }
    };

    private final boolean forPeople;

    OutputFormat(boolean forPeople) {
        this.forPeople = forPeople;
    }

    abstract void write(ResultTable result, PrintStream out);

    /** False when notes (such as "more rows were cut") must go to stderr to keep stdout parseable. */
    boolean forPeople() {
        return forPeople;
    }

    static OutputFormat named(String name) throws UsageException {
        for (OutputFormat format : values()) {
            if (format.name().equalsIgnoreCase(name.strip())) {
                return format;
            }
        }
        throw new UsageException("--format must be table, csv or json, not '" + name + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
