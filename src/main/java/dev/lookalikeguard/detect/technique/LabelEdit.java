package dev.lookalikeguard.detect.technique;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.google.common.collect.Sets;

import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.Registrable;
import dev.lookalikeguard.detect.score.Evidence.Shape;
import dev.lookalikeguard.detect.score.Finding;
import dev.lookalikeguard.detect.score.Scoring;

/**
 * Label edits under the same suffix (amry.mil for army.mil, polce.uk for police.uk): typing mistakes,
 * possibly with look-alike glyphs, each named by its {@link TypoKind} ({@value #NAME} for several). Under
 * a protected suffix whose registry is complete (.gov), a name one edit from a registered one is a typo
 * whatever its length; elsewhere short labels score lower (see {@code Scoring}).
 */
public final class LabelEdit implements Technique {
    public static final String NAME = "edit-distance";
    private static final Set<Shape> SHAPES = Sets.immutableEnumSet(Shape.VISUAL_COPY, Shape.LABEL_TYPO);
    /** Keys this long are also searched two edits away when nothing is one edit away. */
    private static final int TWO_EDIT_SEARCH_KEY = 6;
    /** The highest rank of a finding of this technique with a typing mistake (a listed name's, see {@link Finding#rank()}). */
    private static final int HIGHEST_RANK_WITH_TYPOS = Scoring.highestWithTypos(TypoKind.highestScore())
        + Finding.LISTED_PREFERENCE;

    private final Set<String> enabled;
    private final boolean twoEdits;

    /** @param enabled the names of the techniques switched on (typo kinds, {@value Homoglyph#NAME}) */
    public LabelEdit(Set<String> enabled) {
        this(enabled, true);
    }

    /**
     * @param enabled the names of the techniques switched on (typo kinds, {@value Homoglyph#NAME})
     * @param twoEdits whether keys are also searched two edits away when nothing is one edit away (off where
     *                 only single typos count, as for learned names: the search would find nothing it may report)
     */
    public LabelEdit(Set<String> enabled, boolean twoEdits) {
        this.enabled = Set.copyOf(enabled);
        this.twoEdits = twoEdits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Shape> shapes() {
        return SHAPES;
    }

    @Override
    public Optional<Finding> examine(Candidate candidate, ProtectedNames names) {
        return examine(candidate, names, null);
    }

    /**
     * When no label typo can beat {@code toBeat} (a visual copy found by the homoglyph technique, whose evidence counts
     * as listed: most internationalised look-alikes), only differences without typos are searched for (see
     * {@link #nearestWithoutTypos}): their alignments stop far sooner, and no typing mistake is named. A difference
     * without typos ranks at most as a visual copy with one glyph step (and the characters folded) of a listed name:
     * below {@code toBeat}, nothing is searched; level with it, only a listed name that wins the tie can beat it
     * ({@link #mayTie}), and with none among the candidates one edit away (and no search two edits away for a label
     * this short) none is aligned.
     */
    @Override
    public Optional<Finding> examine(Candidate candidate, ProtectedNames names, Finding toBeat) {
        if (!candidate.hasLabel()) {
            return Optional.empty();
        }
        String label = candidate.label();
        String key = candidate.labelKey();
        String lightKey = candidate.lightKey(candidate.suffixStart() - 1);
        LabelComparison match;
        if (toBeat != null && toBeat.rank() > HIGHEST_RANK_WITH_TYPOS) {
            // A difference without typos has a glyph step at least (LabelComparison drops one that costs nothing).
            int highest = Scoring.highestWithoutTypos(candidate.placement(), candidate.folded()) + Finding.LISTED_PREFERENCE;
            if (highest < toBeat.rank() || (highest == toBeat.rank() && !toBeat.evidence().listed())) {
                return Optional.empty();
            }
            // Above toBeat cannot happen today (the bound's rank, 104, is a visual copy's highest), but would need no filter.
            Predicate<Registrable> mayWin = highest > toBeat.rank() ? target -> true : target -> mayTie(target, toBeat);
            match = nearestWithoutTypos(label, key, lightKey, candidate.suffix(), names, mayWin);
        } else {
            match = nearest(label, key, lightKey, candidate.suffix(), names);
        }
        if (match == null) {
            return Optional.empty();
        }
        Registrable target = match.target();
        Shape shape = match.typos() == 0 ? Shape.VISUAL_COPY : Shape.LABEL_TYPO;
        return Optional.of(new Finding(target.name(), candidate.rebuilt(target.label(), target.suffix()),
            match.techniques(), match.evidence(shape, candidate.placement(), candidate.folded()),
            () -> candidate.display() + " looks like " + target.name() + ": " + match.describe()));
    }

    /**
     * The best match for {@code label} (whose full and light glyph keys are given) among the protected labels
     * under {@code suffix}: typing mistakes, or look-alike glyphs whose keys differ (nn for m), or null.
     */
    LabelComparison nearest(String label, String key, String lightKey, String suffix, ProtectedNames names) {
        List<Registrable> candidates = new ArrayList<>(4);
        names.sameSuffixCandidates(key, lightKey, suffix, 1, candidates);
        LabelComparison best = LabelSearch.best(label, candidates, enabled, null);
        if (searchesTwoEditsAway(key) && (best == null || best.typos() > 1)) {
            best = LabelSearch.best(label, twoEditsAway(key, lightKey, suffix, names, candidates), enabled, best);
        }
        return best;
    }

    /** Whether a label with this key is searched two edits away when nothing one edit away is within one typo. */
    private boolean searchesTwoEditsAway(String key) {
        return twoEdits && key.length() >= TWO_EDIT_SEARCH_KEY;
    }

    /**
     * The candidates two edits away that the search one edit away did not find (the rest was compared), added to
     * {@code candidates}.
     */
    private static List<Registrable> twoEditsAway(String key, String lightKey, String suffix, ProtectedNames names,
                                                  List<Registrable> candidates) {
        int oneEditAway = candidates.size();
        names.sameSuffixCandidates(key, lightKey, suffix, 2, candidates);
        return candidates.subList(oneEditAway, candidates.size());
    }

    /**
     * What {@link #nearest} gives when it is a difference without typos, else null, comparing the candidates only
     * within no typo: {@code nearest}'s best has the fewest typos, so it has none exactly when such a difference
     * exists, and it is the best of those. The search two edits away runs when {@code nearest}'s would: when no
     * candidate one edit away is within one typo (asked only when none is within none). Null, too, when no candidate
     * one edit away satisfies {@code mayWin} and the label is too short to be searched two edits away: the answer, if
     * any, is then one of those, which the caller knows cannot win ({@code target -> true}: none is ruled out).
     */
    LabelComparison nearestWithoutTypos(String label, String key, String lightKey, String suffix, ProtectedNames names,
                                        Predicate<Registrable> mayWin) {
        List<Registrable> candidates = new ArrayList<>(4);
        names.sameSuffixCandidates(key, lightKey, suffix, 1, candidates);
        boolean farther = searchesTwoEditsAway(key);
        if (!farther && candidates.stream().noneMatch(mayWin)) {
            return null;
        }
        LabelComparison best = LabelSearch.bestWithoutTypos(label, candidates, enabled, null);
        if (best == null && farther && !LabelSearch.anyWithinOneTypo(label, candidates, enabled)) {
            best = LabelSearch.bestWithoutTypos(label, twoEditsAway(key, lightKey, suffix, names, candidates), enabled, null);
        }
        return best;
    }

    /**
     * Whether a finding of {@code target} without typos that ranks and scores level with {@code toBeat} (a listed
     * name's, as a listed visual copy is) would still beat it ({@link Finding#beats}): it names one technique
     * ({@value Homoglyph#NAME}), so it must be listed and name fewer techniques, or as few and come first by name.
     * (Today's {@code toBeat} is the homoglyph technique's, which names one technique: name order decides.)
     */
    private static boolean mayTie(Registrable target, Finding toBeat) {
        return target.listed() && (toBeat.techniques().size() > 1 || target.name().compareTo(toBeat.nearest()) < 0);
    }

    /** The highest rank a finding of this technique with a typing mistake can have: above it, typos are not searched. */
    static int highestRankWithTypos() {
        return HIGHEST_RANK_WITH_TYPOS;
    }

    /** The names of the techniques this one reports: the typo kinds and {@value #NAME}. */
    public static List<String> names() {
        return java.util.Arrays.stream(TypoKind.values()).map(TypoKind::label).collect(java.util.stream.Collectors.toList());
    }
}
