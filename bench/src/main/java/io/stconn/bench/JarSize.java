package io.stconn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The drop-in jar's size, and what in it takes the room (compressed bytes per part). */
final class JarSize {
    record Sizes(Path jar, long bytes, Map<String, Long> parts, Path hikariJar, long hikariBytes) {
    }

    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("io/stconn/shaded/hikari/", "HikariCP (relocated)");
        PARTS.put("io/stconn/shaded/tomlj/", "tomlj (relocated)");
        PARTS.put("io/stconn/shaded/antlr/", "ANTLR runtime, tomlj's parser (relocated)");
        PARTS.put("io/stconn/shaded/slf4j/", "SLF4J API + JDK binding (relocated)");
        PARTS.put("io/stconn/", "stconn's own classes");
    }

    private JarSize() {
    }

    static Sizes measure() throws IOException {
        ClassPath cp = new ClassPath();
        Path jar = cp.jar("stconn-jdbc-");
        Map<String, Long> parts = new LinkedHashMap<>();
        PARTS.values().forEach(v -> parts.put(v, 0L));
        parts.put("other (META-INF, resources)", 0L);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String part = "other (META-INF, resources)";
                for (Map.Entry<String, String> p : PARTS.entrySet()) {
                    if (e.getName().startsWith(p.getKey())) {
                        part = p.getValue();
                        break;
                    }
                }
                parts.merge(part, Math.max(0, e.getCompressedSize()), Long::sum);
            }
        }
        Path hikari = cp.jar("HikariCP-");
        return new Sizes(jar, Files.size(jar), parts, hikari, Files.size(hikari));
    }
}
