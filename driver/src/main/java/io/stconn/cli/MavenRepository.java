package io.stconn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local Maven repository as a last place to find JDBC drivers: a developer who has built
 * anything against a database usually has its driver there already.
 */
final class MavenRepository {
    /** Numeric parts compare as numbers (3.10 after 3.9); a qualifier (-rc1, -beta) sorts before the release. */
    static final Comparator<String> VERSION_ORDER = MavenRepository::compareVersions;

    private final Path root;

    MavenRepository(Path root) {
        this.root = root;
    }

    /** {@code -Dmaven.repo.local}, else {@code ~/.m2/repository}. */
    static MavenRepository local(String repoLocal, String userHome) {
        if (repoLocal != null && !repoLocal.isBlank()) {
            return new MavenRepository(Path.of(repoLocal));
        }
        return new MavenRepository(Path.of(userHome == null ? "" : userHome, ".m2", "repository"));
    }

    Path root() {
        return root;
    }

    /** The jar of the newest release that is really there (a version folder may hold only a pom). */
    Optional<Path> newestJar(String groupId, String artifactId) {
        Path folder = root.resolve(groupId.replace('.', '/')).resolve(artifactId);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        List<String> versions = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(v -> !v.toUpperCase(Locale.ROOT).endsWith("-SNAPSHOT")).forEach(versions::add);
        } catch (IOException e) {
            return Optional.empty();
        }
        return versions.stream().sorted(VERSION_ORDER.reversed())
                .map(v -> folder.resolve(v).resolve(artifactId + "-" + v + ".jar"))
                .filter(Files::isRegularFile).findFirst();
    }

    /** {@code groupId:artifactId[:...]}, as the dialects give their drivers' coordinates. */
    Optional<Path> newestJar(String coordinates) {
        String[] parts = coordinates.split(":");
        return parts.length < 2 ? Optional.empty() : newestJar(parts[0], parts[1]);
    }

    static int compareVersions(String a, String b) {
        List<String> left = tokens(a);
        List<String> right = tokens(b);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            if (i >= left.size() || i >= right.size()) {
                // 1.0.1 is newer than 1.0, but 1.0 is newer than 1.0-rc1
                String extra = i >= left.size() ? right.get(i) : left.get(i);
                int longerIsNewer = isNumber(extra) ? 1 : -1;
                return i >= left.size() ? -longerIsNewer : longerIsNewer;
            }
            int order = compareTokens(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static int compareTokens(String a, String b) {
        boolean numberA = isNumber(a);
        boolean numberB = isNumber(b);
        if (numberA && numberB) {
            String x = a.replaceFirst("^0+(?=.)", "");
            String y = b.replaceFirst("^0+(?=.)", "");
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        if (numberA != numberB) {
            return numberA ? 1 : -1;
        }
        return a.compareToIgnoreCase(b);
    }

    /** Runs of digits and runs of letters: "12.8.1.jre11" is 12, 8, 1, jre, 11. */
    private static List<String> tokens(String version) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (char ch : version.toCharArray()) {
            boolean sameKind = current.length() > 0 && Character.isDigit(ch) == Character.isDigit(current.charAt(0));
            if (!Character.isLetterOrDigit(ch) || !sameKind) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            }
            if (Character.isLetterOrDigit(ch)) {
                current.append(ch);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static boolean isNumber(String token) {
        return !token.isEmpty() && Character.isDigit(token.charAt(0));
    }
}
