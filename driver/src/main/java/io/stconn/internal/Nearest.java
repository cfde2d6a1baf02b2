package io.stconn.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The "did you mean" of every error about a name: the closest one that exists, when close enough to be a typo. */
public final class Nearest {
    private Nearest() {
    }

    /** The closest name by edit distance, ignoring case, when at most max(2, a third of its length) edits away. */
    public static Optional<String> to(String name, Collection<String> names) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return names.stream()
                .min(Comparator.comparingInt(n -> distance(wanted, n.toLowerCase(Locale.ROOT))))
                .filter(n -> distance(wanted, n.toLowerCase(Locale.ROOT)) <= Math.max(2, name.length() / 3));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
