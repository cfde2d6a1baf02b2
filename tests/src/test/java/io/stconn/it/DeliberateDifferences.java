package io.stconn.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The one table of differences from Streamlit that stconn keeps on purpose, in the user documentation
 * ({@code docs/differences.md}): a Markdown table whose first column is the class (a tag the
 * generators put on the cases that show it) and second the fields it may change.
 */
final class DeliberateDifferences {
    static final String FILE = "docs/differences.md";

    record Row(String tag, Set<String> fields, String reference, String stconn, String why) {
    }

    private final List<Row> rows;

    private DeliberateDifferences(List<Row> rows) {
        this.rows = rows;
    }

    static DeliberateDifferences load() throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Reference.scripts().getParent().getParent().resolve(FILE),
                StandardCharsets.UTF_8)) {
            // the table whose header starts "| class | fields |", to the first line that is no row of it
            if (line.startsWith("| class | fields |")) {
                inTable = true;
            } else if (!line.startsWith("|")) {
                inTable = false;
            }
            if (!inTable || !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
            Row row = new Row(cell(cells[0]), Set.copyOf(Arrays.asList(cell(cells[1]).split(",\\s*"))),
                    cells[2].strip(), cells[3].strip(), cells[4].strip());
            if (cells.length != 5 || row.reference().isEmpty() || row.stconn().isEmpty() || row.why().isEmpty()) {
                throw new IllegalStateException(FILE + ": a row needs the class, the fields, Streamlit's answer,"
                        + " stconn's and why: " + line);
            }
            rows.add(row);
        }
        return new DeliberateDifferences(rows);
    }

    List<Row> rows() {
        return rows;
    }

    /** The row that explains every differing field of a case with these tags, or null. */
    Row explaining(Collection<?> tags, List<String> fields) {
        for (Row row : rows) {
            if (tags.contains(row.tag()) && row.fields().containsAll(fields)) {
                return row;
            }
        }
        return null;
    }

    private static String cell(String cell) {
        return cell.strip().replace("`", "");
    }
}
