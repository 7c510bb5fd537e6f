package dev.lookalikeguard.detect.name;

import java.util.ArrayList;
import java.util.List;

/**
 * How a typed label differs from a protected one, counting look-alike glyphs apart from typing mistakes:
 * a weighted Damerau-Levenshtein (optimal string alignment) distance where a glyph step ({@code 0} for
 * {@code o}, {@code rn} for {@code m}, {@code c} for {@code e}, see {@link Glyphs}) costs far less than a
 * typo (a letter left out, added, replaced or two swapped), and a hyphen added or left out a little
 * less than a typo. The cheapest alignment is returned with its edits, so that techniques can name and
 * explain them: {@code p0licc} is {@code police} with two glyph steps and no typo, {@code vvhitehousc} is
 * {@code whitehouse} with two, {@code amry} is {@code army} with one transposition.
 *
 * <p>Only the band of alignments the limits allow is computed: O(length × (typos + glyphs)).
 */
public final class GlyphDistance {
    private static final int GLYPH = 1;
    private static final int HYPHEN = 3;
    private static final int TYPO = 4;
    private static final int FAR = Integer.MAX_VALUE / 4;
    /**
     * A cell of the alignment: the cheapest cost to it in the bits from {@value #PACKED_COST}, that path's typos in
     * the 16 bits below and its glyph steps in the lowest 16 (no path holds more than a few hundred of either).
     */
    private static final int PACKED_COST = 32;
    private static final long ONE_TYPO = 1L << 16;
    private static final long ONE_GLYPH = 1L;
    private static final long COST_MASK = -1L << PACKED_COST;
    private static final long FAR_CELL = (long) FAR << PACKED_COST;
    /** Counts as the first version stored them (a byte each, at most 100). */
    private static final int MAX_COUNT = 100;
    /** Two-for-one glyphs that may move one alignment off the diagonal (more are rare and cost the band). */
    private static final int MAX_SHIFTING_GLYPHS = 2;

    private static final long TYPO_CELL = ((long) TYPO << PACKED_COST) + ONE_TYPO;
    private static final long HYPHEN_CELL = ((long) HYPHEN << PACKED_COST) + ONE_TYPO;

    private static final byte NONE = 0;
    private static final byte SAME = 1;
    private static final byte SUBSTITUTE = 2;
    private static final byte EXTRA = 3;
    private static final byte MISSING = 4;
    private static final byte SWAP = 5;
    private static final byte SIMILAR = 6;
    private static final byte TWO_FOR_ONE = 7;
    private static final byte ONE_FOR_TWO = 8;
    /** How many typed and how many meant characters each step takes, by its code above. */
    private static final byte[] TYPED_LENGTH = {0, 1, 1, 1, 0, 2, 1, 2, 1};
    private static final byte[] MEANT_LENGTH = {0, 1, 1, 0, 1, 2, 1, 1, 2};

    private GlyphDistance() {
    }

    /** One difference between the typed and the protected label. */
    public static final class Edit {
        /** What was done to the protected label to get the typed one. */
        public enum Type {
            /** A different character typed in place of one. */
            SUBSTITUTION,
            /** A character added. */
            INSERTION,
            /** A character left out. */
            OMISSION,
            /** Two adjacent characters swapped. */
            TRANSPOSITION,
            /** A look-alike glyph in place of a character, or of two ({@code m} for {@code rn}) or the reverse. */
            GLYPH
        }

        private final Type type;
        private final int at;
        private final String typed;
        private final String meant;
        private final int steps;

        Edit(Type type, int at, String typed, String meant) {
            this(type, at, typed, meant, 1);
        }

        Edit(Type type, int at, String typed, String meant, int steps) {
            this.type = type;
            this.at = at;
            this.typed = typed;
            this.meant = meant;
            this.steps = steps;
        }

        /** Glyph steps this edit takes (ci for d is two: ci for cl, cl for d); 1 for other edits. */
        public int steps() {
            return steps;
        }

        public Type type() {
            return type;
        }

        /** Position in the protected label. */
        public int at() {
            return at;
        }

        /** What the typed label has there (empty for an omission). */
        public String typed() {
            return typed;
        }

        /** What the protected label has there (empty for an insertion). */
        public String meant() {
            return meant;
        }

        public boolean isGlyph() {
            return type == Type.GLYPH;
        }

        public boolean isHyphen() {
            return (type == Type.INSERTION && typed.equals("-")) || (type == Type.OMISSION && meant.equals("-"));
        }

        @Override
        public String toString() {
            return type + "@" + at + "(" + typed + "/" + meant + ")";
        }
    }

    /** The edits of the cheapest alignment, in label order. Immutable. */
    public static final class Difference {
        private final List<Edit> edits;
        private final int typos;
        private final int glyphs;
        private final int cost;

        Difference(List<Edit> edits, int cost) {
            this.edits = List.copyOf(edits);
            this.cost = cost;
            int g = 0;
            int t = 0;
            for (Edit edit : edits) {
                if (edit.isGlyph()) {
                    g += edit.steps();
                } else {
                    t++;
                }
            }
            this.glyphs = g;
            this.typos = t;
        }

        public List<Edit> edits() {
            return edits;
        }

        /** Typing mistakes (hyphens included). */
        public int typos() {
            return typos;
        }

        /** Look-alike glyph steps (see {@link Edit#steps()}). */
        public int glyphs() {
            return glyphs;
        }

        public boolean isNone() {
            return edits.isEmpty();
        }

        /** The only typing mistake, when there is exactly one. */
        public Edit onlyTypo() {
            if (typos != 1) {
                throw new IllegalStateException("not a single typo: " + edits);
            }
            for (Edit edit : edits) {
                if (!edit.isGlyph()) {
                    return edit;
                }
            }
            throw new IllegalStateException();
        }

        /** Weighted cost: a glyph step 1, a hyphen 3, a typo 4 (for ranking alternatives). */
        public int cost() {
            return cost;
        }

        @Override
        public String toString() {
            return edits.toString();
        }
    }

    /**
     * The difference between {@code typed} and {@code meant}, or null when it needs more than
     * {@code maxTypos} typing mistakes or {@code maxGlyphs} glyph steps. Both lower-case ASCII (a typed label
     * that is internationalised is {@linkplain Glyphs#fold(String) folded} first).
     */
    public static Difference between(String typed, String meant, int maxTypos, int maxGlyphs) {
        return between(typed, meant, maxTypos, maxGlyphs, maxTypos, highestCost(maxTypos, maxGlyphs));
    }

    /**
     * Like {@link #between(String, String, int, int)}, but null also when the difference takes more than
     * {@code typoLimit} typos or costs more than {@code costLimit} (see {@link #measure(String, String, int, int, int, int)}).
     */
    public static Difference between(String typed, String meant, int maxTypos, int maxGlyphs, int typoLimit, int costLimit) {
        Scratch scratch = SCRATCH.get();
        long measure = aligned(scratch, typed, meant, maxTypos, maxGlyphs, typoLimit, costLimit);
        if (measure < 0) {
            return null;
        }
        return new Difference(path(typed, meant, scratch.step, scratch.width, scratch.band, false), cost(measure));
    }

    /**
     * The one typing mistake of the difference {@link #between(String, String, int, int, int, int)} gives for the
     * same arguments ({@link Difference#onlyTypo()}), found without listing the rest of the difference: a label
     * search names the mistake of every candidate it ranks, but explains only the best one. Null when the
     * difference is beyond the limits.
     *
     * @throws IllegalStateException when the difference does not hold exactly one typing mistake
     */
    public static Edit onlyTypo(String typed, String meant, int maxTypos, int maxGlyphs, int typoLimit, int costLimit) {
        Scratch scratch = SCRATCH.get();
        long measure = aligned(scratch, typed, meant, maxTypos, maxGlyphs, typoLimit, costLimit);
        if (measure < 0) {
            return null;
        }
        if (typos(measure) != 1) {
            throw new IllegalStateException("not a single typo: " + typed + "/" + meant + " takes " + typos(measure));
        }
        return path(typed, meant, scratch.step, scratch.width, scratch.band, true).get(0);
    }

    /**
     * The measure of the pair under these limits, its alignment held in {@code scratch}: aligned now unless the
     * scratch holds it already (most calls follow a measure() of the same pair: ranking, then explaining the best).
     */
    private static long aligned(Scratch scratch, String typed, String meant, int maxTypos, int maxGlyphs, int typoLimit,
                                int costLimit) {
        int lowerTypos = Math.min(typoLimit, maxTypos);
        int lowerCost = clampedCost(costLimit, maxTypos, maxGlyphs);
        return scratch.holds(typed, meant, maxTypos, maxGlyphs, lowerTypos, lowerCost) ? scratch.measure
            : measure(scratch, typed, meant, maxTypos, maxGlyphs, lowerTypos, lowerCost);
    }

    /**
     * How many typos and glyph steps the cheapest alignment takes, without listing its edits: packed as
     * {@link #typos(long)}, {@link #glyphs(long)} and {@link #cost(long)}, or -1 beyond the limits. For
     * ranking many candidates cheaply before {@link #between} explains the best. The counts are those of the
     * difference {@code between} lists, up to {@value #MAX_COUNT} each (limits that high are never used).
     */
    public static long measure(String typed, String meant, int maxTypos, int maxGlyphs) {
        return measure(typed, meant, maxTypos, maxGlyphs, maxTypos, highestCost(maxTypos, maxGlyphs));
    }

    /**
     * Like {@link #measure(String, String, int, int)}, with lower limits for a caller that only wants a
     * difference of at most {@code typoLimit} typos costing at most {@code costLimit} (one that could beat the
     * best found so far): the same answer when it is within them, else -1, and sooner, since more of the
     * alignment is dead. The band stays that of {@code maxTypos} and {@code maxGlyphs}, so the alignment that is
     * found is the very one the higher limits find. Limits above those of {@code maxTypos} and
     * {@code maxGlyphs} are clamped to them.
     */
    public static long measure(String typed, String meant, int maxTypos, int maxGlyphs, int typoLimit, int costLimit) {
        return aligned(SCRATCH.get(), typed, meant, maxTypos, maxGlyphs, typoLimit, costLimit);
    }

    /** A cost limit no higher than what {@code maxTypos} and {@code maxGlyphs} allow (the alignment's own limit). */
    private static int clampedCost(int costLimit, int maxTypos, int maxGlyphs) {
        return Math.min(costLimit, highestCost(maxTypos, maxGlyphs));
    }

    /** The highest cost of a difference of {@code typos} typing mistakes and {@code glyphs} glyph steps. */
    public static int highestCost(int typos, int glyphs) {
        return typos * TYPO + glyphs * GLYPH;
    }

    public static int typos(long measure) {
        return (int) (measure >>> 40) & 0xff;
    }

    public static int glyphs(long measure) {
        return (int) (measure >>> 32) & 0xff;
    }

    public static int cost(long measure) {
        return (int) measure;
    }

    /** Per-thread work arrays, grown to the largest alignment seen, and the pair they were last filled for. */
    private static final class Scratch {
        long[] cells = new long[0];
        byte[] step = new byte[0];
        int width;
        int band;
        String typed;
        String meant;
        int maxTypos;
        int maxGlyphs;
        int typoLimit;
        int costLimit;
        long measure;

        /**
         * Whether the arrays hold the complete alignment of exactly these strings (the same instances) and
         * limits (the lower ones clamped, as {@link #remember} stores them).
         */
        boolean holds(String typed, String meant, int maxTypos, int maxGlyphs, int typoLimit, int costLimit) {
            return typed == this.typed && meant == this.meant && maxTypos == this.maxTypos && maxGlyphs == this.maxGlyphs
                && typoLimit == this.typoLimit && costLimit == this.costLimit;
        }

        long remember(String typed, String meant, int maxTypos, int maxGlyphs, int typoLimit, int costLimit, long measure) {
            this.typed = typed;
            this.meant = meant;
            this.maxTypos = maxTypos;
            this.maxGlyphs = maxGlyphs;
            this.typoLimit = typoLimit;
            this.costLimit = costLimit;
            this.measure = measure;
            return measure;
        }

        char[] typedChars = new char[0];
        char[] meantChars = new char[0];
        /**
         * Which characters of the typed string take part in two-for-one glyphs, asked on every row. The meant
         * string's are asked only after a typed character that two may read as ({@code m}, {@code w}, ...), so
         * they are looked up there, not computed for every candidate.
         */
        boolean[] typedPairs = new boolean[0];
        /** The string whose characters {@link #typedChars} (or {@link #meantChars}) hold: a look-up aligns one typed label with many. */
        String typedHeld;
        String meantHeld;

        /** The characters of the typed string, with which of them take part in two-for-one glyphs. */
        char[] typedChars(String text) {
            if (text == typedHeld) {
                return typedChars;
            }
            int n = text.length();
            char[] chars = typedChars;
            boolean[] pairs = typedPairs;
            if (chars.length < n) {
                chars = new char[Math.max(n, 2 * chars.length)];
                pairs = new boolean[chars.length];
            }
            text.getChars(0, n, chars, 0);
            for (int k = 0; k < n; k++) {
                pairs[k] = Glyphs.takesPartInPairs(chars[k]);
            }
            typedChars = chars;
            typedPairs = pairs;
            typedHeld = text;
            return chars;
        }

        /** The characters of the meant string. */
        char[] meantChars(String text) {
            if (text == meantHeld) {
                return meantChars;
            }
            int n = text.length();
            if (meantChars.length < n) {
                meantChars = new char[Math.max(n, 2 * meantChars.length)];
            }
            text.getChars(0, n, meantChars, 0);
            meantHeld = text;
            return meantChars;
        }

        void ensure(int count) {
            if (cells.length < count) {
                cells = new long[count];
                step = new byte[count];
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The limits are clamped already: {@code typoLimit <= maxTypos}, {@code costLimit <= highestCost(maxTypos, maxGlyphs)}. */
    private static long measure(Scratch scratch, String typed, String meant, int maxTypos, int maxGlyphs,
                                int typoLimit, int costLimit) {
        // Forget the last pair first: the arrays are about to change, and this alignment may stop half-way.
        scratch.remember(null, null, 0, 0, 0, 0, -1);
        long measure = align(scratch, typed, meant, maxTypos + Math.min(maxGlyphs, MAX_SHIFTING_GLYPHS), maxGlyphs,
            typoLimit, costLimit);
        return measure < 0 ? -1 : scratch.remember(typed, meant, maxTypos, maxGlyphs, typoLimit, costLimit, measure);
    }

    /**
     * The banded alignment. A cell is <em>dead</em> when the cheapest path to it already costs more than the
     * limit or holds more typos or glyph steps than allowed: counts only grow along a path, and the path
     * that is finally backtracked passes through the cheapest path of every cell it visits. Every path
     * visits one of any two adjacent rows (no step skips more than one), so two dead rows in a row end the
     * alignment: the answer would be -1 anyway. (Cost alone, as first written, stopped later: a second typo
     * costs no more than the limit allows for glyphs; see GlyphDistanceReference in the tests.)
     *
     * <p>{@code band} is how far off the diagonal an alignment may go (insertions and omissions move it, and so
     * does each two-for-one glyph); a cell is dead beyond {@code typoLimit} typos, {@code maxGlyphs} glyph steps
     * or {@code costLimit}. Lower limits in the same band kill more cells but change no cell within them, so
     * they give the same answer whenever it is within them.
     */
    private static long align(Scratch scratch, String typed, String meant, int band, int maxGlyphs,
                              int typoLimit, int costLimit) {
        int n = typed.length();
        int m = meant.length();
        if (Math.abs(n - m) > band) {
            return -1;
        }
        // A row holds the band's 2 * band + 1 cells and one more that is never computed (FAR): a step from beyond
        // the band's right end reads it, and one from beyond its left end reads the cell before the row's first
        // computed one (FAR, see left), so no step is checked against the band's ends.
        int width = 2 * band + 2;
        scratch.ensure((n + 1) * width);
        scratch.width = width;
        scratch.band = band;
        // Each cell holds its cheapest cost with that path's typo and glyph counts in one long (see PACKED_COST):
        // a step adds its cost and counts in one addition, and a cell is one load.
        long[] cells = scratch.cells;
        byte[] step = scratch.step;
        // The characters once per pair (not per cell), and which typed ones may take part in a two-for-one glyph.
        char[] t = scratch.typedChars(typed);
        char[] mt = scratch.meantChars(meant);
        boolean[] tPairs = scratch.typedPairs;
        java.util.Arrays.fill(cells, 0, (n + 1) * width, FAR_CELL);
        long limitCell = (long) (costLimit + 1) << PACKED_COST;
        // The columns of the cells within the cost limit in the last two rows (lo > hi: none). A cell can only
        // be within the limit if one of the cells it steps from is, so only those are computed; the others
        // keep FAR. That changes no cell within the limit (its cheapest step comes from a cell within it, and
        // every step from beyond the limit costs more than any within), so not the answer either.
        int lo1 = 0;
        int hi1 = 0;
        int lo2 = 0;
        int hi2 = -1;
        // Row 0: the meant characters left out one after another, up to the first beyond the limit.
        cells[band] = 0;
        boolean previousRowAlive = true;
        long left = 0;
        for (int j = 1, to = Math.min(m, band); j <= to; j++) {
            left += mt[j - 1] == '-' ? HYPHEN_CELL : TYPO_CELL;
            cells[band + j] = left;
            step[band + j] = MISSING;
            if (left >= limitCell) {
                break;
            }
            hi1 = j;
        }
        for (int i = 1; i <= n; i++) {
            boolean rowAlive = false;
            // Steps come from the row above (j-1, j, j-2) or the one above it (j-2, j-1), or from the left.
            int start = Math.min(lo1 <= hi1 ? lo1 : Integer.MAX_VALUE, lo2 <= hi2 ? lo2 + 1 : Integer.MAX_VALUE);
            if (start == Integer.MAX_VALUE) {
                return -1; // two rows in a row with no cell within the limit: nothing is alive either
            }
            int from = Math.max(Math.max(0, i - band), start);
            int to = Math.min(m, i + band);
            int reach = Math.max(lo1 <= hi1 ? hi1 + 2 : -1, lo2 <= hi2 ? hi2 + 2 : -1);
            int rowLo = 0;
            int rowHi = -1;
            char ti1 = t[i - 1];
            char ti2 = i > 1 ? t[i - 2] : 0;
            long typedExtra = (ti1 == '-' ? HYPHEN_CELL : TYPO_CELL);
            boolean twoForOne = i > 1 && tPairs[i - 2] && tPairs[i - 1];
            boolean oneForTwo = Glyphs.isDoubleTarget(ti1);
            boolean[] similar = Glyphs.similarRow(ti1);
            int rowStart = i * width - i + band;
            left = FAR_CELL;
            int j = from;
            if (j == 0) {
                // Only a typed character added leads here.
                int cell = rowStart;
                long best = cells[cell - width + 1] + typedExtra;
                byte how = EXTRA;
                if (best >= FAR_CELL) {
                    best = FAR_CELL;
                    how = NONE;
                }
                cells[cell] = best;
                step[cell] = how;
                left = best;
                if (best < limitCell) {
                    rowAlive = cellTypos(best) <= typoLimit && cellGlyphs(best) <= maxGlyphs;
                    rowLo = 0;
                    rowHi = 0;
                }
                j = 1;
            }
            // The meant character before this one (for swaps and one-for-two glyphs), carried along the row.
            char mj2 = j > 1 ? mt[j - 2] : 0;
            for (; j <= to; j++) {
                if (j > reach && rowHi != j - 1) {
                    break; // nothing within the limit to step from, above or to the left
                }
                int cell = rowStart + j;
                // Candidates in a fixed order, each replacing the best only when strictly cheaper (as ever).
                char mj1 = mt[j - 1];
                long best = cells[cell - width];
                byte how;
                if (ti1 == mj1) {
                    how = SAME;
                } else if (mj1 < 128 && similar[mj1]) {
                    best += ((long) GLYPH << PACKED_COST) + ONE_GLYPH;
                    how = SIMILAR;
                } else {
                    best += TYPO_CELL;
                    how = SUBSTITUTE;
                }
                if (best >= FAR_CELL) {
                    best = FAR_CELL;
                    how = NONE;
                }
                long c = cells[cell - width + 1] + typedExtra;
                if (c < (best & COST_MASK)) {
                    best = c;
                    how = EXTRA;
                }
                c = left + (mj1 == '-' ? HYPHEN_CELL : TYPO_CELL);
                if (c < (best & COST_MASK)) {
                    best = c;
                    how = MISSING;
                }
                if (ti1 == mj2 && ti2 == mj1 && ti1 != ti2 && i > 1 && j > 1) {
                    c = cells[cell - 2 * width] + TYPO_CELL;
                    if (c < (best & COST_MASK)) {
                        best = c;
                        how = SWAP;
                    }
                }
                if (twoForOne) {
                    int steps = Glyphs.readsAs(ti2, ti1, mj1);
                    if (steps > 0) {
                        c = cells[cell - 2 * width + 1] + ((long) (GLYPH * steps) << PACKED_COST) + steps * ONE_GLYPH;
                        if (c < (best & COST_MASK)) {
                            best = c;
                            how = TWO_FOR_ONE;
                        }
                    }
                }
                if (oneForTwo && j > 1 && Glyphs.takesPartInPairs(mj2) && Glyphs.takesPartInPairs(mj1)) {
                    int steps = Glyphs.readsAs(mj2, mj1, ti1);
                    if (steps > 0) {
                        c = cells[cell - width - 1] + ((long) (GLYPH * steps) << PACKED_COST) + steps * ONE_GLYPH;
                        if (c < (best & COST_MASK)) {
                            best = c;
                            how = ONE_FOR_TWO;
                        }
                    }
                }
                cells[cell] = best;
                left = best;
                step[cell] = how;
                mj2 = mj1;
                if (best < limitCell) {
                    rowAlive |= cellTypos(best) <= typoLimit && cellGlyphs(best) <= maxGlyphs;
                    if (rowLo > rowHi) {
                        rowLo = j;
                    }
                    rowHi = j;
                }
            }
            lo2 = lo1;
            hi2 = hi1;
            lo1 = rowLo;
            hi1 = rowHi;
            // A swap or a two-for-one glyph steps over a row: give up only when two rows in a row are dead.
            if (!rowAlive && !previousRowAlive) {
                return -1;
            }
            previousRowAlive = rowAlive;
        }
        long last = cells[n * width + (m - n + band)];
        if (last >= limitCell || cellTypos(last) > typoLimit || cellGlyphs(last) > maxGlyphs) {
            return -1;
        }
        return ((long) cellTypos(last) << 40) | ((long) cellGlyphs(last) << 32) | (int) (last >>> PACKED_COST);
    }

    private static int cellTypos(long cell) {
        return Math.min(MAX_COUNT, (int) (cell >>> 16) & 0xffff);
    }

    private static int cellGlyphs(long cell) {
        return Math.min(MAX_COUNT, (int) cell & 0xffff);
    }

    /**
     * The edits of the path the alignment in {@code step} chose, in label order; with {@code firstTypo}, only the
     * first typing mistake met walking the path back (for a path with one, that one), the rest not listed.
     */
    private static List<Edit> path(String typed, String meant, byte[] step, int width, int band, boolean firstTypo) {
        List<Edit> edits = new ArrayList<>();
        int i = typed.length();
        int j = meant.length();
        while (i > 0 || j > 0) {
            byte how = step[i * width + (j - i + band)];
            if (how == NONE) {
                throw new IllegalStateException("no path at " + i + "," + j + " for " + typed + "/" + meant);
            }
            if (firstTypo ? isTypo(how) : how != SAME) {
                edits.add(edit(how, typed, meant, i, j));
                if (firstTypo) {
                    return edits;
                }
            }
            i -= TYPED_LENGTH[how];
            j -= MEANT_LENGTH[how];
        }
        if (firstTypo) {
            throw new IllegalStateException("no typo on the path of " + typed + "/" + meant);
        }
        java.util.Collections.reverse(edits);
        return edits;
    }

    /** Whether a step is a typing mistake (as opposed to a glyph step or the same character). */
    private static boolean isTypo(byte how) {
        return how == SUBSTITUTE || how == EXTRA || how == MISSING || how == SWAP;
    }

    /** The edit of a step other than {@code SAME} that ends at cell ({@code i}, {@code j}). */
    private static Edit edit(byte how, String typed, String meant, int i, int j) {
        switch (how) {
            case SIMILAR:
                return new Edit(Edit.Type.GLYPH, j - 1, typed.substring(i - 1, i), meant.substring(j - 1, j));
            case SUBSTITUTE:
                return new Edit(Edit.Type.SUBSTITUTION, j - 1, typed.substring(i - 1, i), meant.substring(j - 1, j));
            case EXTRA:
                return new Edit(Edit.Type.INSERTION, j, typed.substring(i - 1, i), "");
            case MISSING:
                return new Edit(Edit.Type.OMISSION, j - 1, "", meant.substring(j - 1, j));
            case SWAP:
                return new Edit(Edit.Type.TRANSPOSITION, j - 2, typed.substring(i - 2, i), meant.substring(j - 2, j));
            case TWO_FOR_ONE:
                return new Edit(Edit.Type.GLYPH, j - 1, typed.substring(i - 2, i), meant.substring(j - 1, j),
                    Glyphs.readsAs(typed.charAt(i - 2), typed.charAt(i - 1), meant.charAt(j - 1)));
            case ONE_FOR_TWO:
                return new Edit(Edit.Type.GLYPH, j - 2, typed.substring(i - 1, i), meant.substring(j - 2, j),
                    Glyphs.readsAs(meant.charAt(j - 2), meant.charAt(j - 1), typed.charAt(i - 1)));
            default:
                throw new IllegalStateException("no path at " + i + "," + j + " for " + typed + "/" + meant);
        }
    }
}
