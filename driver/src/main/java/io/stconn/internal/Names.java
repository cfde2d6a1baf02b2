package io.stconn.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the known name closest to a mistyped one. */
public final class Names {
    private Names() {
    }

    /** The closest name by edit distance (ignoring case), when it is close enough to be a likely typo. */
    public static Optional<String> nearest(String name, Collection<String> names) {
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
