package dev.lookalikeguard.detect.name;

/**
 * The alignment measure of {@link GlyphDistance} as it was first written (every cell computed until two
 * rows in a row cost too much, glyph pairs looked up by scanning the pair list): the reference the
 * faster one must agree with, cell for cell in its result.
 */
final class GlyphDistanceReference {
    private static final int GLYPH = 1;
    private static final int HYPHEN = 3;
    private static final int TYPO = 4;
    private static final int FAR = Integer.MAX_VALUE / 4;
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

    private GlyphDistanceReference() {
    }

    static long measure(String typed, String meant, int maxTypos, int maxGlyphs) {
        int n = typed.length();
        int m = meant.length();
        // Insertions and omissions move the alignment off the diagonal, and so does each two-for-one glyph.
        int band = maxTypos + Math.min(maxGlyphs, MAX_SHIFTING_GLYPHS);
        if (Math.abs(n - m) > band) {
            return -1;
        }
        int limit = maxTypos * TYPO + maxGlyphs * GLYPH;
        int width = 2 * band + 1;
        int[] cost = new int[(n + 1) * width];
        byte[] step = new byte[(n + 1) * width];
        byte[] typoCount = new byte[(n + 1) * width];
        byte[] glyphCount = new byte[(n + 1) * width];
        java.util.Arrays.fill(cost, 0, (n + 1) * width, FAR);
        int previousRowBest = FAR;
        for (int i = 0; i <= n; i++) {
            int rowBest = FAR;
            int from = Math.max(0, i - band);
            int to = Math.min(m, i + band);
            for (int j = from; j <= to; j++) {
                int cell = i * width + (j - i + band);
                if (i == 0 && j == 0) {
                    cost[cell] = 0;
                    typoCount[cell] = 0;
                    glyphCount[cell] = 0;
                    rowBest = 0;
                    continue;
                }
                int best = FAR;
                byte how = NONE;
                int from2 = -1;
                int addTypos = 0;
                int addGlyphs = 0;
                if (i > 0 && j > 0) {
                    char a = typed.charAt(i - 1);
                    char b = meant.charAt(j - 1);
                    int previous = cell - width;
                    int c = cost[previous];
                    int add = a == b ? 0 : Glyphs.similar(a, b) ? GLYPH : TYPO;
                    if (c + add < best) {
                        best = c + add;
                        how = a == b ? SAME : add == GLYPH ? SIMILAR : SUBSTITUTE;
                        from2 = previous;
                        addTypos = add == TYPO ? 1 : 0;
                        addGlyphs = add == GLYPH ? 1 : 0;
                    }
                }
                if (i > 0 && j - (i - 1) + band < width) {
                    int previous = cell - width + 1;
                    int add = typed.charAt(i - 1) == '-' ? HYPHEN : TYPO;
                    int c = cost[previous] + add;
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
                    int add = meant.charAt(j - 1) == '-' ? HYPHEN : TYPO;
                    int c = cost[previous] + add;
                    if (c < best) {
                        best = c;
                        how = MISSING;
                        from2 = previous;
                        addTypos = 1;
                        addGlyphs = 0;
                    }
                }
                if (i > 1 && j > 1 && typed.charAt(i - 1) == meant.charAt(j - 2) && typed.charAt(i - 2) == meant.charAt(j - 1)
                    && typed.charAt(i - 1) != typed.charAt(i - 2)) {
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
                if (i > 1 && j > 0 && j - (i - 2) - 1 + band < width) {
                    int steps = Glyphs.readsAsByPairs(typed.charAt(i - 2), typed.charAt(i - 1), meant.charAt(j - 1));
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
                if (i > 0 && j > 1 && j - 2 - (i - 1) + band >= 0) {
                    int steps = Glyphs.readsAsByPairs(meant.charAt(j - 2), meant.charAt(j - 1), typed.charAt(i - 1));
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
                }
                rowBest = Math.min(rowBest, best);
            }
            // A swap or a two-for-one glyph steps over a row: give up only when two rows in a row are too far.
            if (rowBest > limit && previousRowBest > limit) {
                return -1;
            }
            previousRowBest = rowBest;
        }
        int last = n * width + (m - n + band);
        int total = cost[last];
        if (total > limit || typoCount[last] > maxTypos || glyphCount[last] > maxGlyphs) {
            return -1;
        }
        return ((long) typoCount[last] << 40) | ((long) glyphCount[last] << 32) | total;
    }
}
