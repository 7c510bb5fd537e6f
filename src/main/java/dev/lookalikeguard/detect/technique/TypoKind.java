package dev.lookalikeguard.detect.technique;

import dev.lookalikeguard.detect.name.GlyphDistance.Edit;

/**
 * The kinds of single typing mistake, each named in verdicts and switchable in the condition, with how
 * surely such a mistake is one (its score before the label's length and context are counted). The first
 * kind that recognises a mistake names it: a doubled letter is a repetition before it is an insertion.
 */
public enum TypoKind {
    /** Plural for singular or the reverse: armys for army. */
    PLURAL("plural", 80),
    /** A letter typed twice: armmy for army. */
    REPETITION("repetition", 88),
    /** A hyphen added or left out: de-fense for defense. */
    HYPHENATION("hyphenation", 85),
    /** Two adjacent letters swapped: amry for army. */
    TRANSPOSITION("transposition", 90),
    /** One vowel for another: defanse for defense. */
    VOWEL_SWAP("vowel-swap", 80),
    /** A neighbouring key on a qwerty, azerty or qwertz keyboard: aemy or qrmy for army. */
    KEYBOARD("keyboard", 85),
    /** One bit flipped in one character, as memory or transmission errors do: cefense for defense. */
    BIT_FLIP("bit-flip", 75),
    /** A letter left out: amy for army. */
    OMISSION("omission", 85),
    /** A stray letter added: arrmy for army. */
    INSERTION("insertion", 80),
    /** Any other difference (a letter replaced by an unrelated one, or several mistakes). */
    EDIT_DISTANCE("edit-distance", 75);

    private static final String VOWELS = "aeiouy";
    private static final String[][] LAYOUTS = {
        {"1234567890-", "qwertyuiop", "asdfghjkl", "zxcvbnm"},
        {"1234567890-", "azertyuiop", "qsdfghjklm", "wxcvbn"},
        {"1234567890-", "qwertzuiop", "asdfghjkl", "yxcvbnm"},
    };
    /** Which ASCII keys neighbour which on one of the layouts: bit {@code typed} of row {@code original}. */
    private static final long[][] NEIGHBOURS = neighbours();

    private final String label;
    private final int score;

    TypoKind(String label, int score) {
        this.label = label;
        this.score = score;
    }

    /** The name in verdicts, logs and the condition's {@code techniques} clause. */
    public String label() {
        return label;
    }

    public int score() {
        return score;
    }

    /** The highest score of any kind. */
    public static int highestScore() {
        return java.util.Arrays.stream(values()).mapToInt(TypoKind::score).max().orElseThrow();
    }

    /** The kind of this single typing mistake of {@code meant}. */
    public static TypoKind of(Edit edit, String meant) {
        switch (edit.type()) {
            case TRANSPOSITION:
                return TRANSPOSITION;
            case INSERTION: {
                char c = edit.typed().charAt(0);
                int at = edit.at();
                if (c == '-') {
                    return HYPHENATION;
                }
                if (c == 's' && at == meant.length()) {
                    return PLURAL;
                }
                if ((at > 0 && meant.charAt(at - 1) == c) || (at < meant.length() && meant.charAt(at) == c)) {
                    return REPETITION;
                }
                return INSERTION;
            }
            case OMISSION: {
                char c = edit.meant().charAt(0);
                if (c == '-') {
                    return HYPHENATION;
                }
                if (c == 's' && edit.at() == meant.length() - 1) {
                    return PLURAL;
                }
                return OMISSION;
            }
            case SUBSTITUTION: {
                char typed = edit.typed().charAt(0);
                char original = edit.meant().charAt(0);
                if (VOWELS.indexOf(typed) >= 0 && VOWELS.indexOf(original) >= 0) {
                    return VOWEL_SWAP;
                }
                if (neighbours(original, typed)) {
                    return KEYBOARD;
                }
                if (Integer.bitCount(typed ^ original) == 1) {
                    return BIT_FLIP;
                }
                return EDIT_DISTANCE;
            }
            default:
                throw new IllegalArgumentException("not a typing mistake: " + edit);
        }
    }

    /** Why, in words: "amry is army with 'rm' swapped". */
    public String describe(Edit edit, String typed, String meant) {
        String start = typed + " is " + meant;
        switch (this) {
            case PLURAL:
                return edit.type() == Edit.Type.INSERTION ? typed + " is the plural of " + meant
                    : typed + " is the singular of " + meant;
            case REPETITION:
                return start + " with '" + edit.typed() + "' typed twice";
            case HYPHENATION:
                return start + (edit.type() == Edit.Type.INSERTION ? " with a hyphen added" : " with its hyphen left out");
            case TRANSPOSITION:
                return start + " with '" + edit.meant() + "' swapped";
            case VOWEL_SWAP:
                return start + " with the vowel '" + edit.meant() + "' changed to '" + edit.typed() + "'";
            case KEYBOARD:
                return start + " with '" + edit.meant() + "' replaced by the neighbouring key '" + edit.typed() + "'";
            case BIT_FLIP:
                return start + " with one bit flipped ('" + edit.meant() + "' to '" + edit.typed() + "')";
            case OMISSION:
                return start + " with '" + edit.meant() + "' left out";
            case INSERTION:
                return start + " with '" + edit.typed() + "' added";
            default:
                return start + " with '" + edit.meant() + "' replaced by '" + edit.typed() + "'";
        }
    }

    /** The kind named by a technique name, if it is one of these. */
    public static TypoKind byLabel(String label) {
        for (TypoKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        return null;
    }

    private static boolean neighbours(char key, char other) {
        return key < 128 && other < 128 && (NEIGHBOURS[key][other >>> 6] & (1L << other)) != 0;
    }

    private static long[][] neighbours() {
        long[][] map = new long[128][2];
        for (String[] rows : LAYOUTS) {
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length(); c++) {
                    char key = rows[r].charAt(c);
                    for (int dr = -1; dr <= 1; dr++) {
                        int row = r + dr;
                        if (row < 0 || row >= rows.length) {
                            continue;
                        }
                        for (int dc = -1; dc <= 1; dc++) {
                            int col = c + dc;
                            if ((dr != 0 || dc != 0) && col >= 0 && col < rows[row].length()) {
                                char neighbour = rows[row].charAt(col);
                                map[key][neighbour >>> 6] |= 1L << neighbour;
                            }
                        }
                    }
                }
            }
        }
        return map;
    }
}
