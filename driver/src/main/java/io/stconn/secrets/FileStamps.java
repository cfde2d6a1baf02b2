package io.stconn.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a set of files looks like on disk, cheaply: existence, modification time, size and file key
 * of each file, and of every file inside a secrets folder. Equal stamps mean nothing to re-read.
 * Missing files are stamped too, so a file created later counts as a change.
 */
final class FileStamps {
    private FileStamps() {
    }

    record Stamp(Path path, boolean exists, long modifiedNanos, long size, Object fileKey) {
        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Stamp other
                && Objects.equals(path, other.path)
                && Objects.equals(exists, other.exists)
                && Objects.equals(modifiedNanos, other.modifiedNanos)
                && Objects.equals(size, other.size)
                && Objects.equals(fileKey, other.fileKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(path, exists, modifiedNanos, size, fileKey);
        }

        @Override
        public String toString() {
            return "Stamp[path=" + path + ", exists=" + exists + ", modifiedNanos=" + modifiedNanos
                    + ", size=" + size + ", fileKey=" + fileKey + "]";
        }
    }

    static List<Stamp> of(List<Path> paths) {
        List<Stamp> stamps = new ArrayList<>();
        for (Path path : paths) {
            add(stamps, path);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path, 8, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                    walk.filter(p -> !p.equals(path)).sorted().forEach(p -> add(stamps, p));
                } catch (IOException | RuntimeException e) {
                    stamps.add(new Stamp(path, true, -1, -1, e.getClass().getName()));
                }
            }
        }
        return stamps;
    }

    private static void add(List<Stamp> stamps, Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            stamps.add(new Stamp(path, true, a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                    a.size(), a.fileKey()));
        } catch (IOException e) {
            stamps.add(new Stamp(path, Files.exists(path, LinkOption.NOFOLLOW_LINKS), 0, 0, null));
        }
    }
}
