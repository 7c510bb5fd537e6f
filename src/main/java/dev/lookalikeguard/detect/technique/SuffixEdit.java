package dev.lookalikeguard.detect.technique;

import java.util.List;
import java.util.Optional;

import dev.lookalikeguard.detect.Candidate;
import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.EditDistance;
import dev.lookalikeguard.detect.Finding;
import dev.lookalikeguard.detect.ProtectedNames;
import dev.lookalikeguard.detect.PublicSuffixes;
import dev.lookalikeguard.detect.Sensitivity;
import dev.lookalikeguard.detect.Technique;

/**
 * The suffix one edit from a protected suffix: army.ml, army.mil, army.mill for army.mil; defense.gv;
 * mod.gov.uj. Typo tools that only edit the label miss these. Also combined with one label edit
 * (amry.ml) where the sensitivity allows.
 */
public final class SuffixEdit implements Technique {
    public static final String NAME = "suffix-edit";
    private static final int MAX_SUFFIX_LABELS = 3;
    private static final int COMBINATION_PENALTY = 15;

    private final Optional<LabelEdit> labelEdit;

    /** @param labelEdit label edits to combine with, or empty when combinations are switched off */
    public SuffixEdit(Optional<LabelEdit> labelEdit) {
        this.labelEdit = labelEdit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Finding> examine(Candidate candidate, ProtectedNames names, Sensitivity sensitivity) {
        if (candidate.underProtectedSuffix()) {
            return Optional.empty();
        }
        DomainName domain = candidate.name();
        int count = domain.labels().size();
        Finding best = null;
        for (int k = 1; k <= Math.min(MAX_SUFFIX_LABELS, count - 1); k++) {
            int start = count - k;
            String typed = domain.tail(start);
            for (String suffix : names.suffixes()) {
                if (EditDistance.bounded(typed, suffix, 1) == 1) {
                    Finding finding = examine(candidate, start, typed, suffix, names, sensitivity);
                    if (finding != null && finding.beats(best)) {
                        best = finding;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private Finding examine(Candidate candidate, int start, String typed, String suffix, ProtectedNames names,
                            Sensitivity sensitivity) {
        DomainName domain = candidate.name();
        String head = domain.head(start);
        String meant = head + "." + suffix;
        String label = domain.labels().get(start - 1);
        boolean real = PublicSuffixes.isRegistrySuffix(typed);
        String why = "suffix " + typed + " is one edit from " + suffix + (real
            ? ", and " + typed + " is a real suffix anyone can register under"
            : " (" + typed + " is not a real suffix)");
        String opening = domain.display() + " looks like ";

        Optional<String> covering = names.coveringName(meant);
        if (covering.isPresent()) {
            return new Finding(covering.get(), meant, List.of(NAME), real ? 95 : 90, opening + meant + ": " + why);
        }
        if (sensitivity.combinesEdits() && labelEdit.isPresent()) {
            Optional<LabelEdit.Match> match = labelEdit.get().nearest(label, suffix, names, sensitivity);
            if (match.isPresent()) {
                LabelEdit.Match m = match.get();
                String prefix = start > 1 ? domain.head(start - 1) + "." : "";
                return new Finding(m.target().name(), prefix + m.target().name(), List.of(NAME, m.technique()),
                    Math.min(95, m.score()) - COMBINATION_PENALTY,
                    opening + m.target().name() + ": " + why + "; and " + m.description());
            }
        }
        String registrable = label + "." + suffix;
        if (!real) {
            return new Finding(registrable, meant, List.of(NAME), 70, opening + meant + ": " + why);
        }
        // Outside protected suffixes, the candidate's suffix is its registry suffix when it has one.
        boolean registeredThere = candidate.suffixIsRegistrySuffix() && candidate.suffix().equals(typed);
        if (sensitivity.flagsAnyNameUnderNearSuffix() && registeredThere) {
            return new Finding(registrable, meant, List.of(NAME), 60, opening + meant + ": " + why);
        }
        return null;
    }
}
