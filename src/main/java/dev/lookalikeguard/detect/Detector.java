package dev.lookalikeguard.detect;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableSet;

/**
 * The detection engine: gives every recipient domain one {@link Verdict}. Immutable and thread-safe;
 * build it once (at matcher start-up, or in the command-line checker) and share it.
 *
 * <p>Order of decisions, so that a real domain is never called a look-alike:
 * <ol>
 *   <li>not a host name: {@code invalid};</li>
 *   <li>a protected or known name, or under one: {@code protected};</li>
 *   <li>on the allow-list, or under an entry of it: {@code clean};</li>
 *   <li>a near miss by any enabled technique: {@code lookalike} (the highest score wins);</li>
 *   <li>under a protected suffix (an unknown .mil name is not stopped for being unknown): {@code protected};</li>
 *   <li>otherwise {@code clean}.</li>
 * </ol>
 */
public final class Detector {
    private final ProtectedNames names;
    private final Set<String> allowed;
    private final Sensitivity sensitivity;
    private final List<Technique> techniques;

    private Detector(ProtectedNames names, Set<String> allowed, Sensitivity sensitivity, Set<String> enabledTechniques,
                     boolean scan) {
        this.names = names;
        this.allowed = ImmutableSet.copyOf(allowed);
        this.sensitivity = sensitivity;
        this.techniques = Techniques.create(enabledTechniques, scan);
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
            return Verdict.invalid(rawDomain == null ? "" : rawDomain.strip(), String.valueOf(rawDomain).strip()
                + " is " + e.getMessage());
        }
        return check(domain);
    }

    public Verdict check(DomainName domain) {
        String ascii = domain.ascii();
        Optional<String> covering = names.coveringName(ascii);
        if (covering.isPresent()) {
            String origin = names.exact(covering.get()).orElseThrow().description();
            return Verdict.protectedName(ascii, covering.get(), covering.get().equals(ascii)
                ? ascii + " is a " + origin
                : ascii + " is under the " + origin + " " + covering.get());
        }
        if (names.isProtectedSuffix(ascii)) {
            return Verdict.protectedName(ascii, ascii, ascii + " is a protected suffix");
        }
        Optional<String> allowance = allowedBy(ascii);
        if (allowance.isPresent()) {
            return Verdict.clean(ascii, ascii + " is allowed by the allow-list entry " + allowance.get());
        }
        Candidate candidate = Candidate.of(domain, names);
        Finding best = null;
        for (Technique technique : techniques) {
            Optional<Finding> finding = technique.examine(candidate, names, sensitivity);
            if (finding.isPresent() && finding.get().beats(best)) {
                best = finding.get();
            }
        }
        if (best != null) {
            return Verdict.lookalike(ascii, best);
        }
        if (candidate.underProtectedSuffix()) {
            return Verdict.protectedName(ascii, candidate.suffix(), ascii + " is under the protected suffix "
                + candidate.suffix() + " and is not a near miss of a protected name");
        }
        return Verdict.clean(ascii, ascii + " is not near any protected name");
    }

    private Optional<String> allowedBy(String ascii) {
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        String tail = ascii;
        while (true) {
            if (allowed.contains(tail)) {
                return Optional.of(tail);
            }
            int dot = tail.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            tail = tail.substring(dot + 1);
        }
    }

    public Sensitivity sensitivity() {
        return sensitivity;
    }

    public ProtectedNames names() {
        return names;
    }

    /** Collects the configuration; names are parsed with {@link DomainName} (IDN accepted). */
    public static final class Builder {
        private final ProtectedNames.Builder names = ProtectedNames.builder();
        private final Set<String> allowed = new HashSet<>();
        private Sensitivity sensitivity = Sensitivity.BALANCED;
        private final Set<String> enabled = new LinkedHashSet<>(Techniques.NAMES);
        private boolean scan;

        public Builder protectSuffix(String suffix) {
            names.suffix(canonical(suffix));
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
         * Compare each recipient with every protected label of its suffix instead of using the deletion
         * index. Same verdicts, cost proportional to the list: the test oracle and benchmark baseline.
         */
        public Builder naiveScan() {
            this.scan = true;
            return this;
        }

        public Detector build() {
            return new Detector(names.build(), allowed, sensitivity, enabled, scan);
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
