package dev.lookalikeguard.detect.technique;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableList;

import dev.lookalikeguard.detect.Candidate;
import dev.lookalikeguard.detect.EditDistance;
import dev.lookalikeguard.detect.Finding;
import dev.lookalikeguard.detect.LabelTechnique;
import dev.lookalikeguard.detect.ProtectedNames;
import dev.lookalikeguard.detect.Registrable;
import dev.lookalikeguard.detect.Sensitivity;
import dev.lookalikeguard.detect.Technique;

/**
 * Label edits under the same suffix (amry.mil for army.mil). A pair one edit apart is named by the
 * first {@link LabelTechnique} that recognises it; anything else within the distance that the
 * sensitivity allows for the protected label's length is named {@value #NAME}.
 */
public final class LabelEdit implements Technique {
    public static final String NAME = "edit-distance";
    private static final int SHORT_LABEL = 4;
    private static final int SHORT_LABEL_PENALTY = 5;

    private final List<LabelTechnique> kinds;
    private final Set<String> enabled;
    private final boolean scan;

    /**
     * @param kinds every label technique, in order of preference (the first that recognises a pair names it)
     * @param enabled the names of the techniques switched on, {@value #NAME} included
     * @param scan compare with every protected label under the suffix instead of asking the deletion
     *             index: the straightforward implementation, kept as the test oracle and benchmark baseline
     */
    public LabelEdit(List<LabelTechnique> kinds, Set<String> enabled, boolean scan) {
        this.kinds = ImmutableList.copyOf(kinds);
        this.enabled = Set.copyOf(enabled);
        this.scan = scan;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Finding> examine(Candidate candidate, ProtectedNames names, Sensitivity sensitivity) {
        if (!candidate.hasLabel()) {
            return Optional.empty();
        }
        return nearest(candidate.label(), candidate.suffix(), names, sensitivity)
            .map(match -> new Finding(match.target.name(), candidate.rebuilt(match.target.label(), match.target.suffix()),
                List.of(match.technique), match.score,
                candidate.name().display() + " looks like " + match.target.name() + ": " + match.description));
    }

    /**
     * The best label match for {@code label} among the protected labels under {@code suffix}: highest
     * score, then first name. Internationalised labels ({@code xn--}) are left to the homoglyph technique:
     * an edit distance between punycode strings says nothing about how alike the names look.
     */
    public Optional<Match> nearest(String label, String suffix, ProtectedNames names, Sensitivity sensitivity) {
        if (isPunycode(label)) {
            return Optional.empty();
        }
        if (scan) {
            return Optional.ofNullable(best(label, names.registrablesUnder(suffix).values(), sensitivity));
        }
        // A one-edit match always outscores a two-edit one (at least 70 against at most 60), so the
        // wider two-deletion neighbourhood is searched only when no one-edit match exists.
        Match oneEdit = best(label, names.labelCandidates(label, suffix, 1), sensitivity);
        if (oneEdit != null && oneEdit.distance == 1) {
            return Optional.of(oneEdit);
        }
        if (sensitivity.maxEdits() < 2 || label.length() < sensitivity.doubleEditMinLength() - 2) {
            return Optional.ofNullable(oneEdit);
        }
        return Optional.ofNullable(best(label, names.labelCandidates(label, suffix, 2), sensitivity));
    }

    private Match best(String label, Collection<Registrable> candidates, Sensitivity sensitivity) {
        Match best = null;
        for (Registrable target : candidates) {
            Match match = compare(label, target, sensitivity);
            if (match != null && (best == null || match.score > best.score
                || (match.score == best.score && target.name().compareTo(best.target.name()) < 0))) {
                best = match;
            }
        }
        return best;
    }

    private static boolean isPunycode(String label) {
        return label.startsWith("xn--");
    }

    private Match compare(String label, Registrable target, Sensitivity sensitivity) {
        String original = target.label();
        int allowed = sensitivity.allowedEdits(original.length());
        if (allowed == 0 || isPunycode(original)) {
            return null;
        }
        int distance = EditDistance.bounded(label, original, allowed);
        if (distance == 0 || distance > allowed) {
            return null;
        }
        int penalty = original.length() <= SHORT_LABEL ? SHORT_LABEL_PENALTY : 0;
        if (distance == 1) {
            for (LabelTechnique kind : kinds) {
                if (kind.recognizes(label, original)) {
                    return enabled.contains(kind.name())
                        ? new Match(target, kind.name(), kind.score() - penalty, kind.describe(label, original), 1)
                        : null;
                }
            }
        }
        if (!enabled.contains(NAME)) {
            return null;
        }
        return new Match(target, NAME, (distance == 1 ? 75 : 60) - penalty,
            label + " is " + distance + (distance == 1 ? " edit" : " edits") + " from " + original, distance);
    }

    /** A protected label close to a candidate label, and how. */
    public static final class Match {
        private final Registrable target;
        private final String technique;
        private final int score;
        private final String description;
        private final int distance;

        Match(Registrable target, String technique, int score, String description, int distance) {
            this.target = target;
            this.technique = technique;
            this.score = score;
            this.description = description;
            this.distance = distance;
        }

        public Registrable target() {
            return target;
        }

        public String technique() {
            return technique;
        }

        public int score() {
            return score;
        }

        public String description() {
            return description;
        }
    }
}
