package dev.lookalikeguard.detect.technique;

/** Where two labels differ by one edit; -1 when they do not differ that way. */
final class Edits {
    private Edits() {
    }

    /** Same length, exactly one position different: that position. */
    static int substitutionAt(String candidate, String original) {
        if (candidate.length() != original.length()) {
            return -1;
        }
        int at = -1;
        for (int i = 0; i < candidate.length(); i++) {
            if (candidate.charAt(i) != original.charAt(i)) {
                if (at >= 0) {
                    return -1;
                }
                at = i;
            }
        }
        return at;
    }

    /** {@code longer} is {@code shorter} with one character inserted: the inserted position. */
    static int insertionAt(String longer, String shorter) {
        if (longer.length() != shorter.length() + 1) {
            return -1;
        }
        int i = 0;
        while (i < shorter.length() && longer.charAt(i) == shorter.charAt(i)) {
            i++;
        }
        return longer.regionMatches(i + 1, shorter, i, shorter.length() - i) ? i : -1;
    }

    /** Same length, two adjacent characters swapped: the first position. */
    static int transpositionAt(String candidate, String original) {
        if (candidate.length() != original.length()) {
            return -1;
        }
        int i = 0;
        while (i < candidate.length() && candidate.charAt(i) == original.charAt(i)) {
            i++;
        }
        if (i + 1 >= candidate.length()) {
            return -1;
        }
        boolean swapped = candidate.charAt(i) == original.charAt(i + 1) && candidate.charAt(i + 1) == original.charAt(i)
            && candidate.charAt(i) != candidate.charAt(i + 1);
        return swapped && candidate.regionMatches(i + 2, original, i + 2, candidate.length() - i - 2) ? i : -1;
    }
}
