package io.stconn.secrets;

import io.stconn.SqlState;
import io.stconn.internal.TomlInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Kubernetes-style secrets folder: each subfolder is a top-level key; a subfolder holding a
 * single file is that file's trimmed text, otherwise a table of its files (text) and folders
 * (tables), so {@code <dir>/connections/mydb/url} is the url of connection mydb. Names starting
 * with a dot are skipped: Kubernetes keeps its own bookkeeping in {@code ..data} entries.
 * Links are followed (Kubernetes mounts are made of them), by real path: a link back to a folder
 * being read is a loop, and the walk is bounded in depth and entries, so no folder can make the
 * reading take forever.
 */
final class SecretsFolder {
    static final int MAX_DEPTH = 16;
    static final int MAX_ENTRIES = 10_000;

    private final Path root;
    private final Deque<Path> open = new ArrayDeque<>();
    private int entries;
    /** Bytes read so far: a folder holds as much as a secrets file may (Kubernetes caps a Secret at 1 MiB too). */
    private long bytes;

    private SecretsFolder(Path root) {
        this.root = root;
    }

    static SecretsSource read(Path dir) throws SQLException {
        SecretsFolder folder = new SecretsFolder(dir);
        Map<String, Object> tree = new LinkedHashMap<>();
        folder.enter(dir);
        for (Path child : folder.children(dir)) {
            String key = child.getFileName().toString();
            if (Files.isDirectory(child)) {
                List<Path> inside = folder.children(child);
                if (inside.size() == 1 && Files.isRegularFile(inside.get(0))) {
                    tree.put(key, folder.readText(inside.get(0)));
                } else {
                    tree.put(key, folder.table(child));
                }
            } else if (Files.isRegularFile(child)) {
                tree.put(key, folder.readText(child));
            }
        }
        return new SecretsSource(dir, tree, null);
    }

    private Map<String, Object> table(Path dir) throws SQLException {
        enter(dir);
        Map<String, Object> table = new LinkedHashMap<>();
        for (Path child : children(dir)) {
            String key = child.getFileName().toString();
            if (Files.isDirectory(child)) {
                table.put(key, table(child));
            } else if (Files.isRegularFile(child)) {
                table.put(key, readText(child));
            }
        }
        open.pop();
        return table;
    }

    private void enter(Path dir) throws SQLException {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw SqlState.NO_SECRETS.exception("Cannot read secrets folder " + dir + ": " + e.getClass().getSimpleName()
                    + ". Check that it exists and is readable by this process.", e);
        }
        if (open.contains(real)) {
            throw SqlState.MALFORMED_SECRETS.exception("The secrets folder " + root + " has a loop: " + dir
                    + " leads back to " + real + ", which holds it. Remove that link.");
        }
        if (open.size() >= MAX_DEPTH) {
            throw SqlState.MALFORMED_SECRETS.exception("The secrets folder " + root + " nests more than " + MAX_DEPTH
                    + " folders deep at " + dir + ". A connection needs three: connections/<name>/<key>.");
        }
        open.push(real);
    }

    private List<Path> children(Path dir) throws SQLException {
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> children = list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .collect(Collectors.toList());
            entries += children.size();
            if (entries > MAX_ENTRIES) {
                throw SqlState.MALFORMED_SECRETS.exception("The secrets folder " + root + " holds more than "
                        + MAX_ENTRIES + " entries (counting every path its links lead to). Check its links.");
            }
            return children;
        } catch (IOException e) {
            throw SqlState.NO_SECRETS.exception("Cannot list secrets folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private String readText(Path file) throws SQLException {
        try {
            bytes += Files.size(file);
            if (bytes > TomlInput.MAX_BYTES) {
                throw SqlState.MALFORMED_SECRETS.exception("The secrets folder " + root + " holds more than "
                        + TomlInput.MAX_BYTES / (1024 * 1024) + " MB (at " + file + "). Check that it is the folder "
                        + "you meant: a secrets folder holds one small file per key.");
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw SqlState.NO_SECRETS.exception("Cannot read secret file " + file + ": " + e.getClass().getSimpleName()
                    + ". Check that it is readable by this process.", e);
        }
    }
}
