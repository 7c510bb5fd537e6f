package dev.lookalikeguard.detect;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import com.google.common.base.Suppliers;

import dev.lookalikeguard.detect.score.Finding;
import dev.lookalikeguard.detect.score.Scoring;

/**
 * What the engine says about one recipient domain, and why. Immutable.
 *
 * <p>A {@link Kind#LOOKALIKE} verdict always carries the nearest protected name, the technique(s)
 * that explain the difference, a score from 0 to 100 and a one-line explanation such as
 * {@code army.ml looks like army.mil: suffix ml is one edit from mil}.
 */
public final class Verdict {

    public enum Kind {
        /** A protected or known-real domain, a subdomain of one, or a name under a protected suffix. */
        PROTECTED,
        /** A near miss of a protected name. */
        LOOKALIKE,
        /** Nothing protected is near. */
        CLEAN,
        /** Not a usable host name (bad IDN, address literal, too long, ...). */
        INVALID;

        private final String label = name().toLowerCase(Locale.ROOT);

        /** The kind's name in output, lower case ({@code lookalike}). */
        public String label() {
            return label;
        }
    }

    private final String domain;
    private final Kind kind;
    private final String nearest;
    private final String suggestion;
    private final List<String> techniques;
    private final int score;
    private final Supplier<String> explanation;

    private Verdict(String domain, Kind kind, String nearest, String suggestion, List<String> techniques,
                    int score, Supplier<String> explanation) {
        this.domain = Objects.requireNonNull(domain);
        this.kind = Objects.requireNonNull(kind);
        this.nearest = nearest;
        this.suggestion = suggestion;
        this.techniques = List.copyOf(techniques);
        this.score = score;
        this.explanation = Suppliers.memoize(Objects.requireNonNull(explanation)::get);
    }

    /** A look-alike verdict from a finding (the detector's own, or a learned name's: see {@code learn.LearnedNames}). */
    public static Verdict lookalike(String domain, Finding finding) {
        return new Verdict(domain, Kind.LOOKALIKE, finding.nearest(), finding.suggestion(), finding.techniques(),
            finding.score(), finding.lazyExplanation());
    }

    static Verdict protectedName(String domain, String matched, Supplier<String> explanation) {
        return new Verdict(domain, Kind.PROTECTED, matched, null, List.of(), 0, explanation);
    }

    /** A clean verdict (nothing protected or learned is near), with its explanation. */
    public static Verdict clean(String domain, Supplier<String> explanation) {
        return new Verdict(domain, Kind.CLEAN, null, null, List.of(), 0, explanation);
    }

    static Verdict invalid(String domain, Supplier<String> explanation) {
        return new Verdict(domain, Kind.INVALID, null, null, List.of(), 0, explanation);
    }

    /** The domain checked, in canonical ASCII form when it could be parsed, as given otherwise. */
    public String domain() {
        return domain;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isLookalike() {
        return kind == Kind.LOOKALIKE;
    }

    /** For a look-alike, the protected name it resembles; for a protected domain, the name that protects it. */
    public Optional<String> nearest() {
        return Optional.ofNullable(nearest);
    }

    /** For a look-alike: the domain the sender most probably meant (e.g. mail.army.mil for mail.army.ml). */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }

    public List<String> techniques() {
        return techniques;
    }

    /** The techniques joined with '+', or empty. */
    public Optional<String> technique() {
        return techniques.isEmpty() ? Optional.empty() : Optional.of(String.join("+", techniques));
    }

    /** 0 to 100: how surely this is a near miss (0 unless a look-alike). */
    public int score() {
        return score;
    }

    /** The score's band (see {@link Scoring.Band}); meaningful for look-alikes. */
    public Scoring.Band band() {
        return Scoring.Band.of(score);
    }

    /** Why, in one line (built on first use: most verdicts are never explained). */
    public String explanation() {
        return explanation.get();
    }

    @Override
    public String toString() {
        return kind.label() + " " + domain + " (" + explanation() + ")";
    }
}
