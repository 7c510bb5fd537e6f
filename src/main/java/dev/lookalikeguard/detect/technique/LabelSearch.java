package dev.lookalikeguard.detect.technique;

import java.util.List;
import java.util.Set;

import dev.lookalikeguard.detect.name.GlyphDistance;
import dev.lookalikeguard.detect.name.Registrable;

/**
 * The best of a label search's candidates (see {@link LabelComparison#beats}), compared in two rounds.
 *
 * <p>The first round compares every candidate within one typo and what one typo costs: that is where most searches
 * end (a look-alike with one typing mistake, or with glyph steps only), and under limits that low each alignment
 * stops far sooner, the winning candidate's too, wherever it comes in the list. The second round runs only for what
 * could still beat the best found beyond those limits (nothing was found; or the best takes two typos, or a typo and
 * glyph steps): it compares again the candidates the first round cut short, under the limits the best allows.
 *
 * <p>The answer is the one comparing every candidate under its full limits gives: a difference within lower limits
 * is measured exactly ({@link GlyphDistance#measure(String, String, int, int, int, int)}); once a best is held, a
 * better one allows no higher limits ({@link LabelComparison#typoLimit}, {@link LabelComparison#costLimit}; with none
 * held every candidate is cut short anyway); and {@code beats} is a total order over candidates with distinct names
 * (the index gives each cut of a name once), so the winner does not depend on the order of comparison.
 */
final class LabelSearch {
    /** The typos of the first round. */
    static final int FIRST_TYPOS = 1;
    /** The cost of the first round: one typo, or the glyph steps a label may take without one. */
    static final int FIRST_COST = Math.max(GlyphDistance.highestCost(1, 0),
        GlyphDistance.highestCost(0, LabelComparison.MAX_GLYPHS));
    /** Candidates marked for the second round are bits of a long: longer lists are compared in one round. */
    private static final int TWO_ROUNDS_AT_MOST = Long.SIZE;

    private LabelSearch() {
    }

    /**
     * The best comparison of {@code typed} with the candidates that beats {@code best} (null: none yet), or
     * {@code best} when none does.
     */
    static LabelComparison best(String typed, List<Registrable> candidates, Set<String> enabled, LabelComparison best) {
        int count = candidates.size();
        if (count > TWO_ROUNDS_AT_MOST) {
            for (Registrable target : candidates) {
                best = better(typed, target, enabled, best, Integer.MAX_VALUE, Integer.MAX_VALUE);
            }
            return best;
        }
        long again = 0;
        for (int i = 0; i < count; i++) {
            Registrable target = candidates.get(i);
            int maxTypos = LabelComparison.maxTypos(target);
            int typoLimit = LabelComparison.typoLimit(maxTypos, best);
            int costLimit = LabelComparison.costLimit(maxTypos, best);
            LabelComparison match = LabelComparison.ofIfBetter(typed, target, maxTypos, enabled, best,
                Math.min(FIRST_TYPOS, typoLimit), Math.min(FIRST_COST, costLimit));
            if (match != null) {
                best = match;
            } else if (typoLimit > FIRST_TYPOS || costLimit > FIRST_COST) {
                again |= 1L << i; // cut short: the limits a difference may take to beat the best are above the round's
            }
        }
        for (long rest = again; rest != 0; rest &= rest - 1) {
            Registrable target = candidates.get(Long.numberOfTrailingZeros(rest));
            // A candidate within the first round's limits lost there to a best no better than the current one; one
            // beyond them can only win within the limits the current best allows, which may have fallen to the
            // first round's: then it is beyond those too.
            if (cutShort(target, best)) {
                best = better(typed, target, enabled, best, Integer.MAX_VALUE, Integer.MAX_VALUE);
            }
        }
        return best;
    }

    /**
     * The best comparison of {@code typed} with the candidates among those without a typo that beats {@code best}
     * (null: none yet), or {@code best} when none does: what {@link #best} gives when that is a difference without
     * typos (each is measured within no typo, the same difference, found sooner), else null or {@code best}.
     */
    static LabelComparison bestWithoutTypos(String typed, List<Registrable> candidates, Set<String> enabled,
                                            LabelComparison best) {
        for (Registrable target : candidates) {
            best = better(typed, target, enabled, best, 0, GlyphDistance.highestCost(0, LabelComparison.MAX_GLYPHS));
        }
        return best;
    }

    /** Whether some candidate is within one typo of {@code typed} (whether {@link #best} finds one with at most one). */
    static boolean anyWithinOneTypo(String typed, List<Registrable> candidates, Set<String> enabled) {
        for (Registrable target : candidates) {
            if (better(typed, target, enabled, null, 1, Integer.MAX_VALUE) != null) {
                return true;
            }
        }
        return false;
    }

    /** The comparison with {@code target} if it beats {@code best} within the limits, capped as given; else {@code best}. */
    private static LabelComparison better(String typed, Registrable target, Set<String> enabled, LabelComparison best,
                                          int typoCap, int costCap) {
        int maxTypos = LabelComparison.maxTypos(target);
        LabelComparison match = LabelComparison.ofIfBetter(typed, target, maxTypos, enabled, best,
            Math.min(typoCap, LabelComparison.typoLimit(maxTypos, best)),
            Math.min(costCap, LabelComparison.costLimit(maxTypos, best)));
        return match == null ? best : match;
    }

    /** Whether the first round's limits are below those a difference with {@code target} may take to beat {@code best}. */
    private static boolean cutShort(Registrable target, LabelComparison best) {
        int maxTypos = LabelComparison.maxTypos(target);
        return LabelComparison.typoLimit(maxTypos, best) > FIRST_TYPOS
            || LabelComparison.costLimit(maxTypos, best) > FIRST_COST;
    }
}
