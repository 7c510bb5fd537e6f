package dev.lookalikeguard.detect.technique;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.lookalikeguard.detect.Candidate;
import dev.lookalikeguard.detect.Finding;
import dev.lookalikeguard.detect.ProtectedNames;
import dev.lookalikeguard.detect.Registrable;
import dev.lookalikeguard.detect.Sensitivity;
import dev.lookalikeguard.detect.Technique;

/**
 * The protected suffix swapped for a common TLD (army.com for army.mil), or a common suffix appended
 * to a protected name (army.mil.com, defense.gov.co where that is not a real registry structure).
 */
public final class SuffixSwap implements Technique {
    public static final String NAME = "suffix-swap";
    /** TLDs people type out of habit. */
    public static final Set<String> COMMON_TLDS = Set.of("com", "net", "org", "info", "biz", "co", "io", "us", "me", "cc");
    private static final int MIN_SWAPPED_LABEL = 4;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Finding> examine(Candidate candidate, ProtectedNames names, Sensitivity sensitivity) {
        if (candidate.underProtectedSuffix() || !candidate.hasLabel()) {
            return Optional.empty();
        }
        Optional<Finding> appended = appended(candidate, names);
        return appended.isPresent() ? appended : swapped(candidate, names, sensitivity);
    }

    private Optional<Finding> appended(Candidate candidate, ProtectedNames names) {
        if (!candidate.suffixIsRegistrySuffix()) {
            return Optional.empty();
        }
        String before = candidate.beforeSuffix();
        Optional<String> covering = names.coveringName(before);
        if (covering.isEmpty() && names.longestProtectedSuffixStrictlyAbove(before).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(covering.orElse(before), before, List.of(NAME), 90,
            candidate.name().display() + " looks like " + before + ": ." + candidate.suffix() + " was added after it"));
    }

    private Optional<Finding> swapped(Candidate candidate, ProtectedNames names, Sensitivity sensitivity) {
        if (!COMMON_TLDS.contains(candidate.suffix()) || candidate.label().length() < MIN_SWAPPED_LABEL) {
            return Optional.empty();
        }
        Registrable best = null;
        for (Registrable target : names.registrablesLabelled(candidate.label())) {
            if (!target.suffix().equals(candidate.suffix()) && sensitivity.swapsSuffixOf(target.listed())
                && (best == null || (target.listed() && !best.listed())
                    || (target.listed() == best.listed() && target.name().compareTo(best.name()) < 0))) {
                best = target;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new Finding(best.name(), candidate.rebuilt(best.label(), best.suffix()), List.of(NAME), 80,
            candidate.name().display() + " looks like " + best.name() + ": the suffix " + best.suffix()
                + " was replaced by " + candidate.suffix()));
    }
}
