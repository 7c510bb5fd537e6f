package dev.lookalikeguard.detect.name;

import java.util.Arrays;

/** Damerau-Levenshtein distance (optimal string alignment: adjacent transposition counts one). */
public final class EditDistance {
    private static final int FAR = Integer.MAX_VALUE / 2;

    private EditDistance() {
    }

    /**
     * The distance between a and b, or {@code limit + 1} as soon as it is known to exceed limit. Only the
     * band of cells within {@code limit} of the diagonal is computed: O(length × limit).
     */
    public static int bounded(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int[] previous2 = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        Arrays.fill(previous2, FAR);
        for (int j = 0; j <= m; j++) {
            previous[j] = j <= limit ? j : FAR;
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - limit);
            int to = Math.min(m, i + limit);
            // Cells just outside the band are read by this row and the next: mark them unreachable.
            current[from - 1] = from == 1 ? (i <= limit ? i : FAR) : FAR;
            if (to < m) {
                current[to + 1] = FAR;
            }
            int rowMin = from == 1 ? current[0] : FAR;
            char ca = a.charAt(i - 1);
            for (int j = from; j <= to; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    value = Math.min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return Math.min(previous[m], limit + 1);
    }

    /**
     * Whether a and b share a common subsequence of at least {@code length} characters, i.e. whether at most
     * {@code |a| + |b| - 2 length} insertions and deletions turn one into the other. Only the band of that
     * width is computed (the reference scans call this for every protected label).
     */
    public static boolean shareSubsequence(String a, String b, int length) {
        int n = a.length();
        int m = b.length();
        int limit = n + m - 2 * length;
        if (limit < 0 || Math.abs(n - m) > limit) {
            return false;
        }
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j <= limit ? j : FAR;
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - limit);
            int to = Math.min(m, i + limit);
            current[from - 1] = from == 1 ? (i <= limit ? i : FAR) : FAR;
            if (to < m) {
                current[to + 1] = FAR;
            }
            int rowMin = current[from - 1];
            char ca = a.charAt(i - 1);
            for (int j = from; j <= to; j++) {
                int value = Math.min(previous[j], current[j - 1]) + 1;
                if (ca == b.charAt(j - 1)) {
                    value = Math.min(value, previous[j - 1]);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > limit) {
                return false;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[m] <= limit;
    }
}
