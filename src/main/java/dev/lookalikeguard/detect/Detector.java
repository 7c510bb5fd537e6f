package dev.lookalikeguard.detect;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.google.common.collect.ImmutableMap;

import dev.lookalikeguard.detect.name.NameTable;
import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.TextHashes;
import dev.lookalikeguard.detect.name.VisualName;
import dev.lookalikeguard.detect.score.Evidence.Placement;
import dev.lookalikeguard.detect.score.Evidence.Shape;
import dev.lookalikeguard.detect.score.Finding;
import dev.lookalikeguard.detect.technique.Candidate;
import dev.lookalikeguard.detect.technique.Homoglyph;
import dev.lookalikeguard.detect.technique.Technique;

/**
 * The detection engine: gives every recipient domain one {@link Verdict}. Immutable and thread-safe;
 * build it once (at matcher start-up, or in the command-line checker) and share it.
 *
 * <p>Order of decisions, so that a real domain is never called a look-alike:
 * <ol>
 *   <li>not a host name: {@code invalid};</li>
 *   <li>a protected or known name, or under one: {@code protected};</li>
 *   <li>on the allow-list, or under an entry of it: {@code clean};</li>
 *   <li>a near miss by any enabled technique scoring at least the minimum score: {@code lookalike} (the
 *       highest score wins);</li>
 *   <li>under a protected suffix (an unknown .mil name is not stopped for being unknown): {@code protected},
 *       unless it is an internationalised name there (government registries register none): {@code clean};</li>
 *   <li>otherwise {@code clean}.</li>
 * </ol>
 */
public final class Detector {
    private final ProtectedNames names;
    /** The allow-list, looked up tail by tail (see {@link NameTable}). */
    private final NameTable<Boolean> allowed;
    private final Sensitivity sensitivity;
    private final int minScore;
    private final List<Technique> techniques;
    /**
     * For each technique (in order) and placement (by ordinal), the highest rank its findings can have: once the
     * best finding ranks above it, the technique cannot change the verdict and is not run.
     */
    private final int[][] highestRanks;
    /** The same for candidates under a protected suffix (see {@link Technique#shapesUnderProtectedSuffix()}). */
    private final int[][] highestRanksUnderProtectedSuffix;
    /** Whether internationalised names are compared by what they read as (the homoglyph technique is on). */
    private final boolean folds;

    private Detector(Builder builder) {
        this.names = builder.names.crossSuffixForKnown(builder.sensitivity.searchesKnownNamesEverywhere())
            .scan(builder.scan).build();
        this.allowed = new NameTable<>(builder.allowed.stream().collect(ImmutableMap.toImmutableMap(a -> a, a -> true)));
        this.sensitivity = builder.sensitivity;
        this.minScore = builder.minScore.orElse(builder.sensitivity.minScore());
        this.techniques = Techniques.create(builder.enabled);
        this.highestRanks = highestRanks(techniques, false);
        this.highestRanksUnderProtectedSuffix = highestRanks(techniques, true);
        this.folds = builder.enabled.contains(Homoglyph.NAME);
    }

    private Detector(Detector shared, int minScore) {
        this.names = shared.names;
        this.allowed = shared.allowed;
        this.sensitivity = shared.sensitivity;
        this.minScore = minScore;
        this.techniques = shared.techniques;
        this.highestRanks = shared.highestRanks;
        this.highestRanksUnderProtectedSuffix = shared.highestRanksUnderProtectedSuffix;
        this.folds = shared.folds;
    }

    /**
     * The same detector (the same names, indexes and techniques, shared, not copied) calling look-alikes from
     * another score: two matchers, one per band, cost one index.
     */
    public Detector withMinScore(int value) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("minimum score " + value + " is not between 0 and 100");
        }
        return value == minScore ? this : new Detector(this, value);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The verdict for a domain (case-insensitive, trailing dot allowed, IDN in Unicode or xn-- form). */
    public Verdict check(String rawDomain) {
        DomainName domain;
        try {
            domain = DomainName.parse(rawDomain);
        } catch (InvalidDomainException e) {
            return Verdict.invalid(rawDomain == null ? "" : rawDomain.strip(), () -> String.valueOf(rawDomain).strip()
                + " is " + e.getMessage());
        }
        return check(domain);
    }

    public Verdict check(DomainName domain) {
        TextHashes hashes = new TextHashes(domain.ascii());
        Verdict settled = settledByName(hashes);
        return settled != null ? settled : examine(domain, VisualName.of(hashes, domain.unicode()));
    }

    /**
     * {@link #check(DomainName)} for a domain already {@linkplain VisualName read}: for a caller that compares the
     * same reading with another index too (the learned names), so that its labels and keys are computed once.
     */
    public Verdict check(DomainName domain, VisualName read) {
        domain.checkReading(read);
        Verdict settled = settledByName(read.asciiHashes());
        return settled != null ? settled : examine(domain, read);
    }

    /** The verdict when the name alone settles it (protected, under a protected name, allowed), else null. */
    private Verdict settledByName(TextHashes hashes) {
        String ascii = hashes.text();
        int covering = names.coveringStart(hashes, 0, ascii.length());
        if (covering >= 0) {
            String name = covering == 0 ? ascii : ascii.substring(covering);
            return Verdict.protectedName(ascii, name, () -> {
                String origin = names.exact(name).orElseThrow().description();
                return name.equals(ascii) ? ascii + " is a " + origin : ascii + " is under the " + origin + " " + name;
            });
        }
        if (names.isProtectedSuffix(hashes, 0, ascii.length())) {
            return Verdict.protectedName(ascii, ascii, () -> ascii + " is a protected suffix");
        }
        Optional<String> allowance = allowedBy(hashes);
        if (allowance.isPresent()) {
            return Verdict.clean(ascii, () -> ascii + " is allowed by the allow-list entry " + allowance.get());
        }
        return null;
    }

    /** What the techniques find in a domain the name alone does not settle. */
    private Verdict examine(DomainName domain, VisualName read) {
        String ascii = read.ascii();
        Candidate candidate = Candidate.of(read, names);
        Finding best = null;
        Finding bestBelow = null;
        int placement = candidate.placement().ordinal();
        int[][] ranks = candidate.underProtectedSuffix() ? highestRanksUnderProtectedSuffix : highestRanks;
        int count = candidate.folded() > 0 && !folds ? 0 : techniques.size();
        for (int t = 0; t < count; t++) {
            if (best != null && best.rank() > ranks[t][placement]) {
                continue; // whatever it finds loses to the best (and what is below the minimum is only told without one)
            }
            Optional<Finding> finding = techniques.get(t).examine(candidate, names, best);
            if (finding.isEmpty()) {
                continue;
            }
            if (finding.get().score() >= minScore) {
                best = finding.get().beats(best) ? finding.get() : best;
            } else if (bestBelow == null || finding.get().score() > bestBelow.score()) {
                bestBelow = finding.get();
            }
        }
        if (best != null) {
            return Verdict.lookalike(ascii, candidate.folded() == 0 ? best : best.folded(Homoglyph.NAME, candidate::foldNote));
        }
        Finding weak = bestBelow;
        Supplier<String> below = () -> weak == null ? "" : " (it resembles " + weak.nearest() + " with score "
            + weak.score() + ", below the minimum score " + minScore + ")";
        String suffix = candidate.asciiProtectedSuffix();
        if (suffix != null) {
            if (domain.isInternationalized() && candidate.placement() == Placement.INSIDE_UNREGISTERED) {
                return Verdict.clean(ascii, () -> ascii + " is under the protected suffix " + suffix
                    + ", where internationalised names are not registered, and is not near any protected name"
                    + below.get());
            }
            return Verdict.protectedName(ascii, suffix, () -> ascii + " is under the protected suffix " + suffix
                + " and is not a near miss of a protected name" + below.get());
        }
        return Verdict.clean(ascii, () -> ascii + " is not near any protected name" + below.get());
    }

    private static int[][] highestRanks(List<Technique> techniques, boolean underProtectedSuffix) {
        Placement[] placements = Placement.values();
        int[][] ranks = new int[techniques.size()][placements.length];
        for (int t = 0; t < techniques.size(); t++) {
            Technique technique = techniques.get(t);
            Set<Shape> shapes = underProtectedSuffix ? technique.shapesUnderProtectedSuffix() : technique.shapes();
            for (Placement placement : placements) {
                ranks[t][placement.ordinal()] = Finding.highestRank(shapes, placement);
            }
        }
        return ranks;
    }

    private Optional<String> allowedBy(TextHashes hashes) {
        if (allowed.size() == 0) {
            return Optional.empty();
        }
        String ascii = hashes.text();
        for (int start = 0; start < ascii.length(); start++) {
            if ((start == 0 || ascii.charAt(start - 1) == '.') && allowed.contains(hashes, start, ascii.length())) {
                return Optional.of(ascii.substring(start));
            }
        }
        return Optional.empty();
    }

    public Sensitivity sensitivity() {
        return sensitivity;
    }

    /** The lowest score called a look-alike (the sensitivity's, or the condition's {@code minScore}). */
    public int minScore() {
        return minScore;
    }

    public ProtectedNames names() {
        return names;
    }

    /** Collects the configuration; names are parsed with {@link DomainName} (IDN accepted). */
    public static final class Builder {
        private final ProtectedNames.Builder names = ProtectedNames.builder();
        private final Set<String> allowed = new HashSet<>();
        private Sensitivity sensitivity = Sensitivity.BALANCED;
        private Optional<Integer> minScore = Optional.empty();
        private final Set<String> enabled = new LinkedHashSet<>(Techniques.NAMES);
        private boolean scan;

        public Builder protectSuffix(String suffix) {
            names.suffix(canonical(suffix));
            return this;
        }

        /**
         * Declares that the known names hold the complete registry of this protected suffix (as the public
         * .gov registry does for gov): a name under it that is not known is not registered.
         */
        public Builder completeSuffix(String suffix) {
            names.completeSuffix(canonical(suffix));
            return this;
        }

        public Builder protectDomain(String domain) {
            names.listed(canonical(domain));
            return this;
        }

        public Builder knownDomain(String domain) {
            names.known(canonical(domain));
            return this;
        }

        /** Known domains already in canonical ASCII form (from a loaded list): no re-parsing. */
        public Builder knownCanonicalDomains(Collection<String> asciiDomains) {
            names.known(asciiDomains);
            return this;
        }

        /** Never flag this domain or anything under it. */
        public Builder allow(String domainOrSuffix) {
            allowed.add(canonical(domainOrSuffix));
            return this;
        }

        public Builder sensitivity(Sensitivity value) {
            this.sensitivity = value;
            return this;
        }

        /** The lowest score called a look-alike, instead of the sensitivity's (0 to 100). */
        public Builder minScore(int value) {
            if (value < 0 || value > 100) {
                throw new IllegalArgumentException("minimum score " + value + " is not between 0 and 100");
            }
            this.minScore = Optional.of(value);
            return this;
        }

        /** Switch a technique off by name (see {@link Techniques#NAMES}). */
        public Builder disable(String technique) {
            if (!Techniques.NAMES.contains(technique)) {
                throw new IllegalArgumentException("unknown technique '" + technique + "': expected one of "
                    + String.join(", ", Techniques.NAMES));
            }
            enabled.remove(technique);
            return this;
        }

        /**
         * Compare each recipient with every protected label instead of using the deletion indexes. Same
         * verdicts, cost proportional to the list: the test oracle and benchmark baseline.
         */
        public Builder naiveScan() {
            this.scan = true;
            return this;
        }

        public Detector build() {
            return new Detector(this);
        }

        private static String canonical(String name) {
            try {
                return DomainName.parse(name).ascii();
            } catch (InvalidDomainException e) {
                throw new IllegalArgumentException("'" + name + "' is " + e.getMessage(), e);
            }
        }
    }
}
