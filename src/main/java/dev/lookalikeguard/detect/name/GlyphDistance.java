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
    /** Two-for-one glyphs that may move one alignment off the diagonal (more are rare and cost the band). */
    private static final int MAX_SHIFTING_GLYPHS = 2;

    private static final byte NONE = 0;
    private static final byte SAME = 1;
    private static final byte SUBSTITUTE = 2;
    private static final byte EXTRA = 3;
    private static final byte MISSING = 4;
    private static final byte SWAP = 5;
    private static final byte SIMILAR = 6;
    private static final byte TWO_FOR_ONE = 7;
    private static final byte ONE_FOR_TWO = 8;

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
        Scratch scratch = SCRATCH.get();
        // Most calls follow a measure() of the same pair (ranking, then explaining the best): its table is still there.
        long measure = scratch.holds(typed, meant, maxTypos, maxGlyphs) ? scratch.measure
            : measure(scratch, typed, meant, maxTypos, maxGlyphs);
        if (measure < 0) {
            return null;
        }
        return new Difference(backtrack(typed, meant, scratch.step, scratch.width, scratch.band), cost(measure));
    }

    /**
     * How many typos and glyph steps the cheapest alignment takes, without listing its edits: packed as
     * {@link #typos(long)}, {@link #glyphs(long)} and {@link #cost(long)}, or -1 beyond the limits. For
     * ranking many candidates cheaply before {@link #between} explains the best.
     */
    public static long measure(String typed, String meant, int maxTypos, int maxGlyphs) {
        return measure(SCRATCH.get(), typed, meant, maxTypos, maxGlyphs);
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
        int[] cost = new int[0];
        byte[] step = new byte[0];
        byte[] typos = new byte[0];
        byte[] glyphs = new byte[0];
        int width;
        int band;
        String typed;
        String meant;
        int maxTypos;
        int maxGlyphs;
        long measure;

        /** Whether the arrays hold the complete alignment of exactly these strings (the same instances) and limits. */
        boolean holds(String typed, String meant, int maxTypos, int maxGlyphs) {
            return typed == this.typed && meant == this.meant && maxTypos == this.maxTypos && maxGlyphs == this.maxGlyphs;
        }

        long remember(String typed, String meant, int maxTypos, int maxGlyphs, long measure) {
            this.typed = typed;
            this.meant = meant;
            this.maxTypos = maxTypos;
            this.maxGlyphs = maxGlyphs;
            this.measure = measure;
            return measure;
        }

        char[] typedChars = new char[0];
        char[] meantChars = new char[0];
        boolean[] typedPairs = new boolean[0];
        boolean[] meantPairs = new boolean[0];
        /** The string whose characters {@link #typedChars} (or {@link #meantChars}) hold: a look-up aligns one typed label with many. */
        String typedHeld;
        String meantHeld;

        /** The characters of the typed (or meant) string, with which of them take part in two-for-one glyphs. */
        char[] chars(String text, boolean isTyped) {
            if (isTyped ? text == typedHeld : text == meantHeld) {
                return isTyped ? typedChars : meantChars;
            }
            int n = text.length();
            char[] chars = isTyped ? typedChars : meantChars;
            boolean[] pairs = isTyped ? typedPairs : meantPairs;
            if (chars.length < n) {
                chars = new char[Math.max(n, 2 * chars.length)];
                pairs = new boolean[chars.length];
            }
            text.getChars(0, n, chars, 0);
            for (int k = 0; k < n; k++) {
                pairs[k] = Glyphs.takesPartInPairs(chars[k]);
            }
            if (isTyped) {
                typedChars = chars;
                typedPairs = pairs;
                typedHeld = text;
            } else {
                meantChars = chars;
                meantPairs = pairs;
                meantHeld = text;
            }
            return chars;
        }

        void ensure(int cells) {
            if (cost.length < cells) {
                cost = new int[cells];
                step = new byte[cells];
                typos = new byte[cells];
                glyphs = new byte[cells];
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static long measure(Scratch scratch, String typed, String meant, int maxTypos, int maxGlyphs) {
        // Forget the last pair first: the arrays are about to change, and this alignment may stop half-way.
        scratch.remember(null, null, 0, 0, -1);
        long measure = align(scratch, typed, meant, maxTypos, maxGlyphs);
        return measure < 0 ? -1 : scratch.remember(typed, meant, maxTypos, maxGlyphs, measure);
    }

    /**
     * The banded alignment. A cell is <em>dead</em> when the cheapest path to it already costs more than the
     * limit or holds more typos or glyph steps than allowed: counts only grow along a path, and the path
     * that is finally backtracked passes through the cheapest path of every cell it visits. Every path
     * visits one of any two adjacent rows (no step skips more than one), so two dead rows in a row end the
     * alignment: the answer would be -1 anyway. (Cost alone, as first written, stopped later: a second typo
     * costs no more than the limit allows for glyphs; see GlyphDistanceReference in the tests.)
     */
    private static long align(Scratch scratch, String typed, String meant, int maxTypos, int maxGlyphs) {
        int n = typed.length();
        int m = meant.length();
        // Insertions and omissions move the alignment off the diagonal, and so does each two-for-one glyph.
        int band = maxTypos + Math.min(maxGlyphs, MAX_SHIFTING_GLYPHS);
        if (Math.abs(n - m) > band) {
            return -1;
        }
        int limit = maxTypos * TYPO + maxGlyphs * GLYPH;
        int width = 2 * band + 1;
        scratch.ensure((n + 1) * width);
        scratch.width = width;
        scratch.band = band;
        int[] cost = scratch.cost;
        byte[] step = scratch.step;
        byte[] typoCount = scratch.typos;
        byte[] glyphCount = scratch.glyphs;
        // The characters, and whether each may take part in a two-for-one glyph, once per pair (not per cell).
        char[] t = scratch.chars(typed, true);
        char[] mt = scratch.chars(meant, false);
        boolean[] tPairs = scratch.typedPairs;
        boolean[] mPairs = scratch.meantPairs;
        java.util.Arrays.fill(cost, 0, (n + 1) * width, FAR);
        boolean previousRowAlive = false;
        // The columns of the cells within the cost limit in the last two rows (lo > hi: none). A cell can only
        // be within the limit if one of the cells it steps from is, so only those are computed; the others
        // keep FAR. That changes no cell within the limit (its cheapest step comes from a cell within it, and
        // every step from beyond the limit costs more than any within), so not the answer either.
        int lo1 = 0;
        int hi1 = -1;
        int lo2 = 0;
        int hi2 = -1;
        for (int i = 0; i <= n; i++) {
            boolean rowAlive = false;
            int from = Math.max(0, i - band);
            int to = Math.min(m, i + band);
            int reach = 0;
            if (i > 0) {
                // Steps come from the row above (j-1, j, j-2) or the one above it (j-2, j-1), or from the left.
                int start = Math.min(lo1 <= hi1 ? lo1 : Integer.MAX_VALUE, lo2 <= hi2 ? lo2 + 1 : Integer.MAX_VALUE);
                if (start == Integer.MAX_VALUE) {
                    return -1; // two rows in a row with no cell within the limit: nothing is alive either
                }
                from = Math.max(from, start);
                reach = Math.max(lo1 <= hi1 ? hi1 + 2 : -1, lo2 <= hi2 ? hi2 + 2 : -1);
            }
            int rowLo = 0;
            int rowHi = -1;
            char ti1 = i > 0 ? t[i - 1] : 0;
            char ti2 = i > 1 ? t[i - 2] : 0;
            int typedExtra = ti1 == '-' ? HYPHEN : TYPO;
            // Glyphs.readsAs is 0 unless both characters of the pair take part in some two-for-one glyph.
            boolean twoForOne = i > 1 && tPairs[i - 2] && tPairs[i - 1];
            boolean oneForTwo = i > 0 && Glyphs.isDoubleTarget(ti1);
            for (int j = from; j <= to; j++) {
                if (j > reach && rowHi != j - 1) {
                    break; // nothing within the limit to step from, above or to the left
                }
                int cell = i * width + (j - i + band);
                if (i == 0 && j == 0) {
                    cost[cell] = 0;
                    typoCount[cell] = 0;
                    glyphCount[cell] = 0;
                    rowAlive = true;
                    rowLo = 0;
                    rowHi = 0;
                    continue;
                }
                int best = FAR;
                byte how = NONE;
                int from2 = -1;
                int addTypos = 0;
                int addGlyphs = 0;
                char mj1 = j > 0 ? mt[j - 1] : 0;
                if (i > 0 && j > 0) {
                    int previous = cell - width;
                    int c = cost[previous];
                    int add = ti1 == mj1 ? 0 : Glyphs.similar(ti1, mj1) ? GLYPH : TYPO;
                    if (c + add < best) {
                        best = c + add;
                        how = ti1 == mj1 ? SAME : add == GLYPH ? SIMILAR : SUBSTITUTE;
                        from2 = previous;
                        addTypos = add == TYPO ? 1 : 0;
                        addGlyphs = add == GLYPH ? 1 : 0;
                    }
                }
                if (i > 0 && j - (i - 1) + band < width) {
                    int previous = cell - width + 1;
                    int c = cost[previous] + typedExtra;
                    if (c < best) {
                        best = c;
                        how = EXTRA;
                        from2 = previous;
                        addTypos = 1;
                        addGlyphs = 0;
                    }
                }
                if (j > 0 && j - 1 - i + band >= 0) {
                    int previous = cell - 1;
                    int add = mj1 == '-' ? HYPHEN : TYPO;
                    int c = cost[previous] + add;
                    if (c < best) {
                        best = c;
                        how = MISSING;
                        from2 = previous;
                        addTypos = 1;
                        addGlyphs = 0;
                    }
                }
                if (i > 1 && j > 1 && ti1 == mt[j - 2] && ti2 == mj1 && ti1 != ti2) {
                    int previous = cell - 2 * width;
                    int c = cost[previous] + TYPO;
                    if (c < best) {
                        best = c;
                        how = SWAP;
                        from2 = previous;
                        addTypos = 1;
                        addGlyphs = 0;
                    }
                }
                if (twoForOne && j > 0 && j - (i - 2) - 1 + band < width) {
                    int steps = Glyphs.readsAs(ti2, ti1, mj1);
                    if (steps > 0) {
                        int previous = cell - 2 * width + 1;
                        int c = cost[previous] + GLYPH * steps;
                        if (c < best) {
                            best = c;
                            how = TWO_FOR_ONE;
                            from2 = previous;
                            addTypos = 0;
                            addGlyphs = steps;
                        }
                    }
                }
                if (oneForTwo && j > 1 && mPairs[j - 2] && mPairs[j - 1] && j - 2 - (i - 1) + band >= 0) {
                    int steps = Glyphs.readsAs(mt[j - 2], mj1, ti1);
                    if (steps > 0) {
                        int previous = cell - width - 1;
                        int c = cost[previous] + GLYPH * steps;
                        if (c < best) {
                            best = c;
                            how = ONE_FOR_TWO;
                            from2 = previous;
                            addTypos = 0;
                            addGlyphs = steps;
                        }
                    }
                }
                cost[cell] = best;
                step[cell] = how;
                if (from2 >= 0 && best < FAR) {
                    typoCount[cell] = (byte) Math.min(100, typoCount[from2] + addTypos);
                    glyphCount[cell] = (byte) Math.min(100, glyphCount[from2] + addGlyphs);
                    rowAlive |= best <= limit && typoCount[cell] <= maxTypos && glyphCount[cell] <= maxGlyphs;
                }
                if (best <= limit) {
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
        int last = n * width + (m - n + band);
        int total = cost[last];
        if (total > limit || typoCount[last] > maxTypos || glyphCount[last] > maxGlyphs) {
            return -1;
        }
        return ((long) typoCount[last] << 40) | ((long) glyphCount[last] << 32) | total;
    }

    private static List<Edit> backtrack(String typed, String meant, byte[] step, int width, int band) {
        List<Edit> edits = new ArrayList<>();
        int i = typed.length();
        int j = meant.length();
        while (i > 0 || j > 0) {
            byte how = step[i * width + (j - i + band)];
            switch (how) {
                case SAME:
                    i--;
                    j--;
                    break;
                case SIMILAR:
                    edits.add(new Edit(Edit.Type.GLYPH, j - 1, typed.substring(i - 1, i), meant.substring(j - 1, j)));
                    i--;
                    j--;
                    break;
                case SUBSTITUTE:
                    edits.add(new Edit(Edit.Type.SUBSTITUTION, j - 1, typed.substring(i - 1, i), meant.substring(j - 1, j)));
                    i--;
                    j--;
                    break;
                case EXTRA:
                    edits.add(new Edit(Edit.Type.INSERTION, j, typed.substring(i - 1, i), ""));
                    i--;
                    break;
                case MISSING:
                    edits.add(new Edit(Edit.Type.OMISSION, j - 1, "", meant.substring(j - 1, j)));
                    j--;
                    break;
                case SWAP:
                    edits.add(new Edit(Edit.Type.TRANSPOSITION, j - 2, typed.substring(i - 2, i), meant.substring(j - 2, j)));
                    i -= 2;
                    j -= 2;
                    break;
                case TWO_FOR_ONE:
                    edits.add(new Edit(Edit.Type.GLYPH, j - 1, typed.substring(i - 2, i), meant.substring(j - 1, j),
                        Glyphs.readsAs(typed.charAt(i - 2), typed.charAt(i - 1), meant.charAt(j - 1))));
                    i -= 2;
                    j--;
                    break;
                case ONE_FOR_TWO:
                    edits.add(new Edit(Edit.Type.GLYPH, j - 2, typed.substring(i - 1, i), meant.substring(j - 2, j),
                        Glyphs.readsAs(meant.charAt(j - 2), meant.charAt(j - 1), typed.charAt(i - 1))));
                    i--;
                    j -= 2;
                    break;
                default:
                    throw new IllegalStateException("no path at " + i + "," + j + " for " + typed + "/" + meant);
            }
        }
        java.util.Collections.reverse(edits);
        return edits;
    }
}
