package dev.lookalikeguard.detect.technique;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.google.common.collect.Sets;

import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.TextHashes;
import dev.lookalikeguard.detect.name.Registrable;
import dev.lookalikeguard.detect.score.Evidence;
import dev.lookalikeguard.detect.score.Evidence.Shape;
import dev.lookalikeguard.detect.score.Finding;

/**
 * A protected label under another suffix, any real one (dfas.shop, tricare.online, army.com for army.mil),
 * possibly mistyped (arrmy.com); or a suffix appended to a protected name (army.mil.com). Searched for the
 * names the admin listed (every known name too at paranoid); scored by how distinctive the label is and
 * whether the suffix is real (see {@code Scoring}).
 */
public final class SuffixSwap implements Technique {
    public static final String NAME = "suffix-swap";
    private static final Set<Shape> SHAPES = Sets.immutableEnumSet(Shape.SUFFIX_SWAP, Shape.APPENDED_SUFFIX);
    /** Under a protected suffix {@link #appended} reports nothing: a name there is that registry's own. */
    private static final Set<Shape> SHAPES_UNDER_PROTECTED_SUFFIX = Sets.immutableEnumSet(Shape.SUFFIX_SWAP);
    /** Shorter keys are swapped only when identical (a typo in a short label under another suffix is noise). */
    private static final int MIN_KEY_WITH_TYPO = 5;
    /** Labels this short are swapped only when identical, not with look-alike glyphs (dca.net is not dea.gov). */
    private static final int MAX_EXACT_ONLY = 3;

    private final Set<String> enabled;

    /** @param enabled the names of the techniques switched on (typo kinds and homoglyph, for mistyped labels) */
    public SuffixSwap(Set<String> enabled) {
        this.enabled = Set.copyOf(enabled);
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
    public Set<Shape> shapesUnderProtectedSuffix() {
        return SHAPES_UNDER_PROTECTED_SUFFIX;
    }

    @Override
    public Optional<Finding> examine(Candidate candidate, ProtectedNames names) {
        if (!candidate.hasLabel()) {
            return Optional.empty();
        }
        Optional<Finding> appended = appended(candidate, names);
        return appended.isPresent() ? appended : swapped(candidate, names);
    }

    private Optional<Finding> appended(Candidate candidate, ProtectedNames names) {
        if (candidate.underProtectedSuffix() || !candidate.suffixIsRegistrySuffix()) {
            return Optional.empty();
        }
        TextHashes visual = candidate.visualHashes();
        int coveringStart = names.coveringStart(visual, 0, candidate.start(candidate.suffixStart()) - 1);
        if (coveringStart < 0) {
            return Optional.empty(); // service.gov.scot is no copy of a known name: another country's namespace
        }
        String before = candidate.beforeSuffix();
        return Optional.of(new Finding(before.substring(coveringStart), before, List.of(NAME),
            Evidence.of(Shape.APPENDED_SUFFIX, candidate.placement()).withGlyphs(0, candidate.folded()),
            () -> candidate.display() + " looks like " + before + ": ." + candidate.suffix() + " was added after it"));
    }

    private Optional<Finding> swapped(Candidate candidate, ProtectedNames names) {
        String label = candidate.label();
        String suffix = candidate.suffix();
        Finding best = null;
        for (Registrable target : names.crossSuffixWithKey(candidate.labelKey())) {
            if (target.suffix().equals(suffix)) {
                continue;
            }
            if (label.equals(target.label())) {
                best = better(best, finding(candidate, target, null, names));
            } else if (target.label().length() > MAX_EXACT_ONLY) {
                best = better(best, finding(candidate, target, LabelComparison.of(label, target, 0, enabled), names));
            }
        }
        if (best == null && candidate.labelKey().length() >= MIN_KEY_WITH_TYPO) {
            Finding[] typo = new Finding[1];
            names.crossSuffixCandidates(candidate.labelKey(), candidate.lightKey(candidate.suffixStart() - 1), 1, target -> {
                if (!target.suffix().equals(suffix)) {
                    LabelComparison match = LabelComparison.of(label, target, 1, enabled);
                    if (match != null && match.typos() == 1) {
                        typo[0] = better(typo[0], finding(candidate, target, match, names));
                    }
                }
            });
            best = typo[0];
        }
        return Optional.ofNullable(best);
    }

    /** A swap to {@code target}, with the label identical ({@code match} null) or differing as {@code match} says. */
    private Finding finding(Candidate candidate, Registrable target, LabelComparison match, ProtectedNames names) {
        if (match == null && !candidate.label().equals(target.label())) {
            return null;
        }
        if (names.isProtectedSuffix(target.name())) {
            return namespaceSwap(candidate, target, match, names);
        }
        List<String> techniques = new ArrayList<>();
        techniques.add(NAME);
        Evidence evidence;
        Supplier<String> why;
        if (match == null) {
            evidence = Evidence.of(Shape.SUFFIX_SWAP, candidate.placement()).withGlyphs(0, candidate.folded())
                .withTarget(target.label().length(), target.listed(), target.commonWord());
            why = () -> "the suffix " + target.suffix() + " was replaced by " + candidate.suffix();
        } else {
            techniques.addAll(match.techniques());
            evidence = match.evidence(Shape.SUFFIX_SWAP, candidate.placement(), candidate.folded());
            why = () -> "the suffix " + target.suffix() + " was replaced by " + candidate.suffix() + ", and "
                + match.describe();
        }
        return new Finding(target.name(), candidate.rebuilt(target.label(), target.suffix()), techniques, evidence,
            () -> candidate.display() + " looks like " + target.name() + ": " + why.get());
    }

    /**
     * The label of a protected suffix under another suffix (hmrc.gov.xyz for hmrc.gov.uk, army.mod.co for
     * army.mod.uk): a swap only when the name it rebuilds is a protected one; a bare namespace elsewhere
     * (gov.nl) is another country's.
     */
    private Finding namespaceSwap(Candidate candidate, Registrable target, LabelComparison match, ProtectedNames names) {
        String meant = candidate.rebuilt(target.label(), target.suffix());
        Optional<String> covering = names.coveringName(meant);
        if (covering.isEmpty() || names.isProtectedSuffix(covering.get()) || match != null) {
            return null;
        }
        Optional<Registrable> name = names.registrableOf(covering.get());
        boolean listed = names.exact(covering.get()).map(o -> o == ProtectedNames.Origin.LISTED).orElse(false);
        Evidence evidence = Evidence.of(Shape.SUFFIX_SWAP, candidate.placement()).withGlyphs(0, candidate.folded())
            .withTarget(name.map(r -> r.label().length()).orElse(target.label().length()), listed,
                name.map(Registrable::commonWord).orElse(false));
        return new Finding(covering.get(), meant, List.of(NAME), evidence, () -> candidate.display() + " looks like "
            + meant + ": the suffix " + target.suffix() + " was replaced by " + candidate.suffix());
    }

    private static Finding better(Finding best, Finding candidate) {
        return candidate != null && candidate.beats(best) ? candidate : best;
    }
}
