package dev.lookalikeguard.detect.technique;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.lookalikeguard.detect.name.GlyphDistance;
import dev.lookalikeguard.detect.name.GlyphDistance.Difference;
import dev.lookalikeguard.detect.name.GlyphDistance.Edit;
import dev.lookalikeguard.detect.name.Registrable;
import dev.lookalikeguard.detect.score.Evidence;
import dev.lookalikeguard.detect.score.Evidence.Placement;
import dev.lookalikeguard.detect.score.Evidence.Shape;

/**
 * A typed label compared with a protected one: the {@link GlyphDistance} between them, named by the
 * techniques switched on ({@link TypoKind}s for a typing mistake, {@value Homoglyph#NAME} for glyph
 * steps) and explained in words. Immutable.
 */
final class LabelComparison {
    /** Glyph steps allowed in one label besides its typing mistakes. */
    static final int MAX_GLYPHS = 4;
    /** Protected labels this long (with keys of {@code DeletionIndex.DOUBLE_EDIT_LABEL}+) may take two typos. */
    static final int TWO_TYPO_LABEL = 8;
    private static final int TWO_TYPO_KEY = 7;

    private final Registrable target;
    private final String typed;
    /** The typos the difference was measured within, to list its edits again when it is explained. */
    private final int maxTypos;
    /** Typos, glyph steps and cost of the difference (see {@link GlyphDistance#measure}). */
    private final long measure;
    private final TypoKind kind;
    private final List<String> techniques;

    private LabelComparison(Registrable target, String typed, int maxTypos, long measure, TypoKind kind,
                            List<String> techniques) {
        this.target = target;
        this.typed = typed;
        this.maxTypos = maxTypos;
        this.measure = measure;
        this.kind = kind;
        this.techniques = techniques;
    }

    /** How many typing mistakes a look-alike of this protected label may have. */
    static int maxTypos(Registrable target) {
        return target.label().length() >= TWO_TYPO_LABEL && target.key().length() >= TWO_TYPO_KEY ? 2 : 1;
    }

    /**
     * The comparison of {@code typed} with the target's label, or null when they are equal, too far apart,
     * or the techniques that would name the difference are switched off.
     */
    static LabelComparison of(String typed, Registrable target, int maxTypos, Set<String> enabled) {
        return of(typed, target, maxTypos, maxTypos, GlyphDistance.highestCost(maxTypos, MAX_GLYPHS), enabled);
    }

    /**
     * Like {@link #of(String, Registrable, int, Set)}, but null too beyond the lower limits (see
     * {@link GlyphDistance#between(String, String, int, int, int, int)}). The edits of the difference are listed only
     * when it is explained ({@link #describe()}): a search compares many candidates and explains one.
     */
    private static LabelComparison of(String typed, Registrable target, int maxTypos, int typoLimit, int costLimit,
                                      Set<String> enabled) {
        String meant = target.label();
        long measure = GlyphDistance.measure(typed, meant, maxTypos, MAX_GLYPHS, typoLimit, costLimit);
        if (measure < 0 || GlyphDistance.cost(measure) == 0) {
            return null;
        }
        int typos = GlyphDistance.typos(measure);
        TypoKind kind = typos == 0 ? null : typos == 1
            ? TypoKind.of(GlyphDistance.onlyTypo(typed, meant, maxTypos, MAX_GLYPHS, typoLimit, costLimit), meant)
            : TypoKind.EDIT_DISTANCE;
        List<String> techniques = kind == null ? List.of(Homoglyph.NAME)
            : GlyphDistance.glyphs(measure) > 0 ? List.of(kind.label(), Homoglyph.NAME) : List.of(kind.label());
        return enabled.containsAll(techniques)
            ? new LabelComparison(target, typed, maxTypos, measure, kind, techniques) : null;
    }

    /**
     * The typos a difference with a label of {@code maxTypos} may take and still beat {@code best} (any it may
     * take when there is none): only such a difference can win, and the alignment stops sooner.
     */
    static int typoLimit(int maxTypos, LabelComparison best) {
        return best == null ? maxTypos : Math.min(maxTypos, best.typos());
    }

    /** The cost a difference may have and still beat {@code best} (see {@link #typoLimit}). */
    static int costLimit(int maxTypos, LabelComparison best) {
        return best == null ? GlyphDistance.highestCost(maxTypos, MAX_GLYPHS) : best.costLimit();
    }

    /**
     * Like {@link #of}, but null as soon as the cheap measure shows it cannot beat {@code best} (see
     * {@link #beats}), by the measure alone: most candidates of a look-up are dropped before their typo is named.
     * Measured within the limits given, {@link #typoLimit} and {@link #costLimit} or lower ones: null too when the
     * difference is beyond them.
     */
    static LabelComparison ofIfBetter(String typed, Registrable target, int maxTypos, Set<String> enabled,
                                      LabelComparison best, int typoLimit, int costLimit) {
        if (typed.equals(target.label())) {
            // No difference (an internationalised name that reads as the protected label: the homoglyph
            // technique's, not an edit): the alignment would say cost 0, so it is not run. 0.6 index candidates
            // per homoglyph look-alike of eval-dev are such a label.
            return null;
        }
        long measure = GlyphDistance.measure(typed, target.label(), maxTypos, MAX_GLYPHS, typoLimit, costLimit);
        if (measure < 0 || GlyphDistance.cost(measure) == 0) {
            return null;
        }
        if (best != null) {
            int typos = GlyphDistance.typos(measure);
            int glyphs = GlyphDistance.glyphs(measure);
            if (typos != best.typos()) {
                if (typos > best.typos()) {
                    return null;
                }
            } else if (glyphs != best.glyphs()) {
                if (glyphs > best.glyphs()) {
                    return null;
                }
            } else if (target.listed() != best.target.listed()) {
                if (!target.listed()) {
                    return null;
                }
            } else if (GlyphDistance.cost(measure) > best.cost()) {
                return null;
            }
        }
        LabelComparison comparison = of(typed, target, maxTypos, typoLimit, costLimit, enabled);
        return comparison != null && comparison.beats(best) ? comparison : null;
    }

    /**
     * The highest cost of a difference that could {@linkplain #beats beat} this one: as many typos and at most as
     * many glyph steps, or fewer typos and any glyph steps allowed (a typo costs as much as the glyph steps a
     * label may take today; the larger of the two keeps this right if {@link #MAX_GLYPHS} grows).
     */
    private int costLimit() {
        int typos = typos();
        int same = GlyphDistance.highestCost(typos, glyphs());
        return typos == 0 ? same : Math.max(same, GlyphDistance.highestCost(typos - 1, MAX_GLYPHS));
    }

    Registrable target() {
        return target;
    }

    /**
     * The difference with its edits, listed again from the typed and the protected label: under the full limits,
     * which give the very difference lower ones found (see {@link GlyphDistance#measure(String, String, int, int, int, int)}).
     */
    Difference difference() {
        return GlyphDistance.between(typed, target.label(), maxTypos, MAX_GLYPHS);
    }

    int typos() {
        return GlyphDistance.typos(measure);
    }

    /** Look-alike glyph steps. */
    int glyphs() {
        return GlyphDistance.glyphs(measure);
    }

    /** Weighted cost (see {@link Difference#cost()}). */
    int cost() {
        return GlyphDistance.cost(measure);
    }

    /** The techniques naming the difference: the typo kind first, then homoglyph if glyphs differ too. */
    List<String> techniques() {
        return techniques;
    }

    /** Evidence of the given shape with this label difference and target. */
    Evidence evidence(Shape shape, Placement placement, int folded) {
        return Evidence.of(shape, placement)
            .withTypos(typos(), kind == null ? 0 : kind.score())
            .withGlyphs(glyphs(), folded)
            .withTarget(target.label().length(), target.listed(), target.commonWord());
    }

    /**
     * Whether this comparison names the likelier intended label than {@code other}: fewer typing mistakes,
     * then fewer glyph steps, then a name the admin listed, then the cheaper and likelier mistake.
     */
    boolean beats(LabelComparison other) {
        if (other == null) {
            return true;
        }
        if (typos() != other.typos()) {
            return typos() < other.typos();
        }
        if (glyphs() != other.glyphs()) {
            return glyphs() < other.glyphs();
        }
        if (target.listed() != other.target.listed()) {
            return target.listed();
        }
        if (cost() != other.cost()) {
            return cost() < other.cost();
        }
        int mine = kind == null ? 0 : kind.score();
        int theirs = other.kind == null ? 0 : other.kind.score();
        if (mine != theirs) {
            return mine > theirs;
        }
        return target.name().compareTo(other.target.name()) < 0;
    }

    /** Why, in words: "amry is army with 'rm' swapped", "p0licc is police with '0' for 'o' and 'c' for 'e'". */
    String describe() {
        String meant = target.label();
        Difference difference = difference();
        List<String> glyphs = new ArrayList<>();
        for (Edit edit : difference.edits()) {
            if (edit.isGlyph()) {
                glyphs.add("'" + edit.typed() + "' for '" + edit.meant() + "'");
            }
        }
        String glyphText = glyphs.isEmpty() ? "" : "look-alike " + String.join(" and ", glyphs);
        if (difference.typos() == 0) {
            return typed + " is " + meant + " with " + glyphText;
        }
        String typo = difference.typos() == 1 ? kind.describe(difference.onlyTypo(), typed, meant)
            : typed + " is " + difference.typos() + " edits from " + meant;
        return glyphs.isEmpty() ? typo : typo + ", and " + glyphText;
    }
}
