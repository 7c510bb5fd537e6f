package dev.lookalikeguard.detect.technique;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.google.common.collect.Sets;

import dev.lookalikeguard.detect.name.GlyphDistance;
import dev.lookalikeguard.detect.name.Glyphs;
import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.PublicSuffixes;
import dev.lookalikeguard.detect.score.Evidence;
import dev.lookalikeguard.detect.score.Evidence.Shape;
import dev.lookalikeguard.detect.score.Finding;

/**
 * The suffix one edit (or a few look-alike glyphs) from a protected suffix: army.ml, army.mi, army.mill for
 * army.mil; defense.gv; mod.gov.uj; army.nob.uk for army.mod.uk. Typo tools that only edit the label miss
 * these. Also combined with a label edit (amry.ml), and, scored weak (paranoid only), any name under a real
 * suffix next to a protected one (orange.ml).
 */
public final class SuffixEdit implements Technique {
    public static final String NAME = "suffix-edit";
    private static final Set<Shape> SHAPES = Sets.immutableEnumSet(Shape.SUFFIX_TYPO, Shape.NEAR_SUFFIX);
    private static final int MAX_SUFFIX_LABELS = 3;
    private static final int SUFFIX_GLYPHS = 2;

    private final Optional<LabelEdit> labelEdit;

    /** @param labelEdit label edits to combine with, or empty when they are switched off */
    public SuffixEdit(Optional<LabelEdit> labelEdit) {
        this.labelEdit = labelEdit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Shape> shapes() {
        return SHAPES;
    }

    /** None: a name under a protected suffix has no suffix to mistype (see {@link #examine}). */
    @Override
    public Set<Shape> shapesUnderProtectedSuffix() {
        return Set.of();
    }

    @Override
    public Optional<Finding> examine(Candidate candidate, ProtectedNames names) {
        if (candidate.underProtectedSuffix()) {
            return Optional.empty();
        }
        int count = candidate.labelCount();
        Finding best = null;
        for (int k = 1; k <= Math.min(MAX_SUFFIX_LABELS, count - 1); k++) {
            int start = count - k;
            // The light key of a tail is as long as the tail: most tails are too long (or short) for any suffix.
            if (!names.maySuffixKeyBeNear(candidate.tailKeyLength(start))
                && !names.maySuffixKeyBeNear(candidate.visual().length() - candidate.start(start))) {
                continue;
            }
            Finding[] found = {best};
            String typed = candidate.tail(start);
            names.suffixesNear(candidate.tailKey(start), Glyphs.lightKey(typed), suffix -> {
                // The measure alone (no edits listed): only whether the suffix was mistyped or glyphs stand in is told.
                long measure = measure(typed, suffix);
                if (measure >= 0 && GlyphDistance.cost(measure) > 0) {
                    Finding finding = examine(candidate, start, typed, suffix, GlyphDistance.typos(measure), names);
                    if (finding != null && finding.beats(found[0])) {
                        found[0] = finding;
                    }
                }
            });
            best = found[0];
        }
        return Optional.ofNullable(best);
    }

    /** How a typed suffix differs from a protected one within a suffix edit (one typo, or glyph steps), or -1. */
    private static long measure(String typed, String suffix) {
        return GlyphDistance.measure(typed, suffix, 1, SUFFIX_GLYPHS);
    }

    /** Whether a typed suffix is a suffix edit of a protected one: different, within one typo or the glyph steps allowed. */
    public static boolean isSuffixEdit(String typed, String suffix) {
        long measure = measure(typed, suffix);
        return measure >= 0 && GlyphDistance.cost(measure) > 0;
    }

    private Finding examine(Candidate candidate, int start, String typed, String suffix,
                            int typos, ProtectedNames names) {
        String head = candidate.head(start);
        String meant = head + "." + suffix;
        String label = candidate.label(start - 1);
        boolean real = PublicSuffixes.isRegistrySuffix(typed);
        Supplier<String> why = () -> "suffix " + typed + " is " + (typos == 0 ? "a look-alike of " : "one edit from ")
            + suffix + (real ? ", and " + typed + " is a real suffix anyone can register under"
                : " (" + typed + " is not a real suffix)");
        Evidence base = Evidence.of(Shape.SUFFIX_TYPO, candidate.placement()).withTypedSuffixReal(real)
            .withGlyphs(0, candidate.folded());

        Optional<String> covering = names.coveringName(meant);
        if (covering.isPresent()) {
            boolean listed = names.exact(covering.get()).map(o -> o == ProtectedNames.Origin.LISTED).orElse(false);
            return new Finding(covering.get(), meant, List.of(NAME), base.withTarget(label.length(), listed, false),
                () -> candidate.display() + " looks like " + meant + ": " + why.get());
        }
        if (labelEdit.isPresent()) {
            LabelComparison match = labelEdit.get().nearest(label, candidate.key(start - 1), candidate.lightKey(start - 1),
                suffix, names);
            if (match != null) {
                String prefix = start > 1 ? candidate.head(start - 1) + "." : "";
                List<String> techniques = new ArrayList<>();
                techniques.add(NAME);
                techniques.addAll(match.techniques());
                Evidence evidence = match.evidence(Shape.SUFFIX_TYPO, candidate.placement(), candidate.folded())
                    .withTypedSuffixReal(real);
                return new Finding(match.target().name(), prefix + match.target().name(), techniques, evidence,
                    () -> candidate.display() + " looks like " + match.target().name() + ": " + why.get() + "; and "
                        + match.describe());
            }
        }
        // Any other name: under a suffix that is not real it cannot exist, so it is surely a typo; under a real
        // suffix (orange.ml) it may be a real name there. Outside protected suffixes, the candidate's suffix is
        // its registry suffix when it has one.
        boolean registeredThere = candidate.suffixIsRegistrySuffix() && candidate.suffix().equals(typed);
        if (!real || registeredThere) {
            return new Finding(label + "." + suffix, meant, List.of(NAME), Evidence.of(Shape.NEAR_SUFFIX,
                candidate.placement()).withTypedSuffixReal(real), () -> candidate.display() + " looks like " + meant + ": "
                + why.get());
        }
        return null;
    }
}
