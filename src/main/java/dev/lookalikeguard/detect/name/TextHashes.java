package dev.lookalikeguard.detect.name;

/**
 * A string with the {@link String#hashCode()} of each of its prefixes, so that the hash of any stretch of
 * it, as {@link NameTable} needs it, takes two multiplications instead of a pass over the stretch: the
 * engine looks up every tail of a recipient domain in several tables (protected names, suffixes, the
 * Public Suffix List, glyph keys), and hashing each tail again for each table was most of their cost.
 * Made once per string checked; immutable.
 */
public final class TextHashes {
    private static final int[] POWERS = powers(1024);

    private final String text;
    /** prefix[i] is the hash of text[0, i). */
    private final int[] prefix;

    public TextHashes(String text) {
        this.text = text;
        this.prefix = new int[text.length() + 1];
        int hash = 0;
        for (int i = 0; i < text.length(); i++) {
            hash = 31 * hash + text.charAt(i);
            prefix[i + 1] = hash;
        }
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /**
     * The hash of {@code text[from, to)}, equal to {@code text.substring(from, to).hashCode()}: the prefix
     * hashes are polynomials in 31 (mod 2<sup>32</sup>), so the stretch is the longer prefix less the shorter
     * one shifted by its length.
     */
    public int of(int from, int to) {
        int length = to - from;
        if (length >= POWERS.length) {
            return NameTable.hash(text, from, to);
        }
        return prefix[to] - prefix[from] * POWERS[length];
    }

    private static int[] powers(int count) {
        int[] powers = new int[count];
        powers[0] = 1;
        for (int i = 1; i < count; i++) {
            powers[i] = powers[i - 1] * 31;
        }
        return powers;
    }
}
