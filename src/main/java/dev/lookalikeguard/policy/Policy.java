package dev.lookalikeguard.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.common.collect.ImmutableSet;

import dev.lookalikeguard.detect.Detector;
import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.detect.Sensitivity;
import dev.lookalikeguard.detect.Techniques;
import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.PublicSuffixes;
import dev.lookalikeguard.detect.name.VisualName;
import dev.lookalikeguard.detect.score.Finding;
import dev.lookalikeguard.detect.technique.SuffixEdit;
import dev.lookalikeguard.learn.LearnedNames;
import dev.lookalikeguard.learn.LearningRule;

/**
 * The matcher condition, parsed once into an immutable policy and its {@link Detector}.
 *
 * <p>A condition is a list of clauses separated by {@code ;}, each {@code name: values}, values
 * separated by commas and/or white space (line breaks inside the XML attribute are fine):
 * <pre>
 * suffixes: mil, gov, gov.uk, mod.uk, gouv.fr;     protected suffixes: any name under them is real
 * domains: army.mil, navy.mil, defense.gov;        protected domains (also checked for suffix swaps)
 * known: nsa.gov, nasa.gov;                        further real domains, never flagged
 * lists: /opt/james/conf/dotgov.csv;               files of real domains (text or .gov CSV); a missing
 *                                                  file stops start-up, unless written ?/path (optional)
 * complete: gov;                                   protected suffixes whose whole registry the lists hold
 *                                                  (implied for the suffix of a .gov registry CSV)
 * allow: navy.com;                                 never flag these domains or anything under them
 * sensitivity: balanced;                           strict | balanced | paranoid
 * minScore: 75;                                    the lowest score called a look-alike (default: the sensitivity's)
 * techniques: all -bit-flip;                       all, a list of names, and/or -name to switch one off
 * learn: on;                                       also protect the names this organisation writes to, learned
 *                                                  from its outgoing mail (off by default)
 * learnThreshold: 15 days, 8 senders, 180 days idle when a recipient domain becomes a learned name (with learn: on;
 *                                                  see {@link LearningRule#parse})
 * </pre>
 * At least one of suffixes, domains, known or lists is required.
 *
 * <p>With {@code learn: on}, {@link #check(String, LearnedNames)} checks a domain against the learned names too: a
 * domain that is (or is under) a learned name is never a look-alike of one, and a domain the protected rules leave
 * clean that is a near miss of a learned name is a look-alike with technique {@value LearnedNames#TECHNIQUE}, scored
 * against the same {@code minScore}. The protected names and the condition's {@code allow:} always win.
 */
public final class Policy {
    /**
     * The top-level domains whose registries take only governments, armed forces, schools or treaty organisations: a
     * protected suffix may be one of them; another top-level domain near a protected suffix is a near miss of it.
     */
    private static final Set<String> RESTRICTED_TOP_LEVEL = Set.of("gov", "mil", "edu", "int");
    public static final List<String> CLAUSES = List.of("suffixes", "domains", "known", "lists", "complete", "allow",
        "sensitivity", "minScore", "techniques", "learn", "learnThreshold");
    private static final Pattern VALUE_SEPARATOR = Pattern.compile("[,\\s]+");

    private final Sensitivity sensitivity;
    private final Set<String> enabledTechniques;
    private final List<ReferenceList> lists;
    private final List<String> missingOptionalLists;
    private final Detector detector;
    private final Optional<LearningRule> learning;
    /** The condition's allow: entries (canonical): never flagged, by learned names either. */
    private final Set<String> allowed;
    /** What in the condition may be a mistake, for the admin to judge (see {@link #warnings()}). */
    private final List<String> warnings;

    private Policy(Sensitivity sensitivity, Set<String> enabledTechniques, List<ReferenceList> lists,
                   List<String> missingOptionalLists, Detector detector, Optional<LearningRule> learning,
                   Set<String> allowed, List<String> warnings) {
        this.sensitivity = sensitivity;
        this.enabledTechniques = Set.copyOf(enabledTechniques);
        this.lists = List.copyOf(lists);
        this.missingOptionalLists = List.copyOf(missingOptionalLists);
        this.detector = detector;
        this.learning = learning;
        this.allowed = ImmutableSet.copyOf(allowed);
        this.warnings = List.copyOf(warnings);
    }

    /** The same policy, sharing its detector's names and indexes, calling look-alikes from another score. */
    public Policy withMinScore(int value) {
        return new Policy(sensitivity, enabledTechniques, lists, missingOptionalLists, detector.withMinScore(value),
            learning, allowed, warnings);
    }

    /**
     * The condition without its {@code minScore} clause, clauses in a canonical form: conditions with the same
     * key differ only by their minimum score, so their matchers can share one parsed policy (see
     * {@link #withMinScore}) instead of indexing the same lists twice.
     */
    public static String sharingKey(String condition) throws PolicyException {
        StringBuilder key = new StringBuilder();
        clauses(condition == null ? "" : condition).forEach((name, values) -> {
            if (!name.equals("minscore")) {
                key.append(name).append(": ").append(String.join(", ", values)).append("; ");
            }
        });
        return key.toString().strip();
    }

    /** The condition's {@code minScore}, if it has one. */
    public static Optional<Integer> minScoreOf(String condition) throws PolicyException {
        return minScore(clauses(condition == null ? "" : condition).get("minscore"));
    }

    /** Parses a condition; every error message names the bad clause or value and the expected form. */
    public static Policy parse(String condition) throws PolicyException {
        Map<String, List<String>> clauses = clauses(condition == null ? "" : condition);
        Detector.Builder builder = Detector.builder();
        add(clauses, "suffixes", builder::protectSuffix);
        add(clauses, "domains", builder::protectDomain);
        add(clauses, "known", builder::knownDomain);
        for (String value : clauses.getOrDefault("allow", List.of())) {
            try {
                builder.allow(allowable(value));
            } catch (InvalidDomainException e) {
                throw new PolicyException("clause 'allow': '" + value + "' is " + e.getMessage(), e);
            }
        }

        // The protected suffixes as the engine has them (canonical: MIL. is mil), for the clauses that name one again.
        Set<String> protectedSuffixes = new LinkedHashSet<>();
        for (String suffix : clauses.getOrDefault("suffixes", List.of())) {
            protectedSuffixes.add(canonical("suffixes", suffix));
        }
        List<ReferenceList> lists = new ArrayList<>();
        List<String> missingOptional = new ArrayList<>();
        for (String file : clauses.getOrDefault("lists", List.of())) {
            boolean optional = file.startsWith("?");
            Path path = Path.of(optional ? file.substring(1) : file);
            if (optional && !java.nio.file.Files.isReadable(path)) {
                missingOptional.add(path.toString());
                continue;
            }
            ReferenceList list = ReferenceList.load(path);
            lists.add(list);
            builder.knownCanonicalDomains(list.domains());
            if (list.isRegistry()) {
                list.commonSuffix().filter(protectedSuffixes::contains).ifPresent(builder::completeSuffix);
            }
        }
        for (String suffix : clauses.getOrDefault("complete", List.of())) {
            if (!protectedSuffixes.contains(canonical("complete", suffix))) {
                throw new PolicyException("clause 'complete': '" + suffix + "' is not one of the protected suffixes; "
                    + "list it in 'suffixes:' too");
            }
            builder.completeSuffix(suffix);
        }
        if (!clauses.containsKey("suffixes") && !clauses.containsKey("domains") && !clauses.containsKey("known")
            && lists.isEmpty() && missingOptional.isEmpty()) {
            throw new PolicyException("condition protects nothing: give at least one of 'suffixes:', 'domains:', "
                + "'known:' or 'lists:' (e.g. \"suffixes: mil, gov; domains: army.mil\")");
        }

        Sensitivity sensitivity = sensitivity(clauses.get("sensitivity"));
        builder.sensitivity(sensitivity);
        minScore(clauses.get("minscore")).ifPresent(builder::minScore);
        Set<String> enabled = techniques(clauses.get("techniques"));
        Techniques.NAMES.stream().filter(name -> !enabled.contains(name)).forEach(builder::disable);
        Set<String> allowed = new LinkedHashSet<>();
        for (String value : clauses.getOrDefault("allow", List.of())) {
            allowed.add(canonical(value));
        }
        Detector detector = builder.build();
        List<String> warnings = refuseNearMisses(clauses, detector.names());
        return new Policy(sensitivity, enabled, lists, missingOptional, detector,
            learning(clauses.get("learn"), clauses.get("learnthreshold")), allowed, warnings);
    }

    /**
     * Refuses a protected entry that is surely a near miss of what it protects, and warns of one that may be: a
     * look-alike made protected is let through, and every name under a protected suffix is protected. Near as the
     * suffix-edit technique has it: one typo, or two glyph steps. Refused, as sure mistakes:
     * <ul>
     *   <li>a suffix under no real top-level domain ({@code gv});</li>
     *   <li>a top-level domain anyone registers under (any but {@link #RESTRICTED_TOP_LEVEL}) protected as a suffix
     *       beside a restricted one it is near ({@code ml} beside {@code mil}): every name under it would be protected;</li>
     *   <li>a {@code domains:} or {@code known:} name that is a suffix edit of a protected name (or of one under it)
     *       under no real top-level domain ({@code defense.gv} beside {@code defense.gov});</li>
     *   <li>a {@code domains:} or {@code known:} entry that is a bare top-level domain ({@code ml}): everything under
     *       it would be protected.</li>
     * </ul>
     * A name under a real top-level domain that is a suffix edit of a protected name ({@code army.ml} beside
     * {@code army.mil}) is returned as a warning, once a pair: both may be real ({@code nato.int} and {@code nato.it},
     * {@code mod.gov.il} and {@code mod.gov.in}), so it is the admin's to judge. Names under a protected suffix of their
     * own are neither (the registry vouches for them); {@code lists:} files are not read for this (they are the
     * registries).
     */
    private static List<String> refuseNearMisses(Map<String, List<String>> clauses, ProtectedNames names)
            throws PolicyException {
        Set<String> suffixes = names.suffixes();
        for (String suffix : suffixes) {
            String topLevel = PublicSuffixes.topLevelOf(suffix);
            if (!PublicSuffixes.isTopLevelDomain(topLevel)) {
                throw new PolicyException("clause 'suffixes': '" + suffix + "' is under no real top-level domain ('" + topLevel
                    + "' is none): misspelt? every name under a protected suffix is taken as real");
            }
        }
        for (String suffix : suffixes) {
            if (suffix.indexOf('.') >= 0 || RESTRICTED_TOP_LEVEL.contains(suffix)) {
                continue;
            }
            for (String other : suffixes) {
                if (RESTRICTED_TOP_LEVEL.contains(other) && SuffixEdit.isSuffixEdit(suffix, other)) {
                    throw new PolicyException("clause 'suffixes': '" + suffix + "' is a near miss of the protected suffix '"
                        + other + "', and a top-level domain anyone can register under: protecting it would take its "
                        + "names (the look-alikes of " + other + "'s) as real; misspelt?");
                }
            }
        }
        // The suffixes a mistyped one may stand for: the protected ones, the restricted top-level domains, and the public
        // suffixes of the names listed.
        Map<String, String> listed = new LinkedHashMap<>();
        for (String clause : List.of("domains", "known")) {
            for (String value : clauses.getOrDefault(clause, List.of())) {
                listed.put(canonical(clause, value), clause);
            }
        }
        Set<String> meantSuffixes = new LinkedHashSet<>(suffixes);
        meantSuffixes.addAll(RESTRICTED_TOP_LEVEL);
        listed.keySet().forEach(domain -> PublicSuffixes.registrySuffixStrictlyAbove(domain).ifPresent(meantSuffixes::add));
        List<String> warnings = new ArrayList<>();
        Set<Set<String>> warned = new LinkedHashSet<>();
        for (Map.Entry<String, String> entry : listed.entrySet()) {
            String domain = entry.getKey();
            String clause = entry.getValue();
            if (domain.indexOf('.') < 0) {
                throw new PolicyException("clause '" + clause + "': '" + domain + "' is a top-level domain, not a name: every "
                    + "name under it would be protected; name the domain (army.mil), or protect a government namespace "
                    + "with 'suffixes:'");
            }
            if (names.longestProtectedSuffixStrictlyAbove(domain).isPresent()) {
                continue;
            }
            for (String suffix : meantSuffixes) {
                String meant = suffixEditOf(domain, suffix);
                // Written right, it would be a protected name, or under one.
                Optional<String> protectedMeant = meant == null ? Optional.empty() : names.coveringName(meant);
                if (protectedMeant.isEmpty()) {
                    continue;
                }
                String typed = domain.substring(meant.length() - suffix.length());
                String nearMiss = "clause '" + clause + "': '" + domain + "' is a near miss of " + protectedMeant.get()
                    + " (" + typed + " for " + suffix + ")";
                String topLevel = PublicSuffixes.topLevelOf(typed);
                if (RESTRICTED_TOP_LEVEL.contains(topLevel) && !RESTRICTED_TOP_LEVEL.contains(PublicSuffixes.topLevelOf(suffix))) {
                    continue; // army.mil beside army.ml: the pair is told from army.ml's side, the likely mistake
                }
                if (!PublicSuffixes.isTopLevelDomain(topLevel)) {
                    throw new PolicyException(nearMiss + ", under no real top-level domain ('" + topLevel + "' is none): "
                        + "misspelt?");
                }
                // Both may be real (nato.int and nato.it, mod.gov.il and mod.gov.in): the admin's to judge, once a pair.
                if (warned.add(Set.of(domain, protectedMeant.get()))) {
                    warnings.add(nearMiss + ", and is protected as given: if it is misspelt, mail to it is let through");
                }
            }
        }
        return warnings;
    }

    /**
     * The name {@code domain} would be with its last labels, a near miss of {@code suffix}, written as it; else null.
     */
    private static String suffixEditOf(String domain, String suffix) {
        int labels = suffix.split("\\.").length;
        int cut = domain.length();
        for (int i = 0; i < labels && cut > 0; i++) {
            cut = domain.lastIndexOf('.', cut - 1);
        }
        if (cut <= 0) {
            return null;
        }
        String typed = domain.substring(cut + 1);
        return SuffixEdit.isSuffixEdit(typed, suffix) ? domain.substring(0, cut) + "." + suffix : null;
    }

    private static String canonical(String domain) throws PolicyException {
        return canonical("allow", domain);
    }

    private static String canonical(String clause, String domain) throws PolicyException {
        try {
            return DomainName.parse(domain).ascii();
        } catch (InvalidDomainException e) {
            throw new PolicyException("clause '" + clause + "': '" + domain + "' is " + e.getMessage(), e);
        }
    }

    /**
     * A domain that may be allowed ({@code allow:}, or the run-time allow-list), in canonical form: a name somebody
     * registered, or one under it. A bare public suffix or a top-level name ({@code ml}, {@code mil}, {@code co.uk},
     * {@code gouv.ml}) is refused: allowing it would switch off the protection for every name under it, and dropping
     * a label ({@code co.uk} for {@code partner.co.uk}) is an easy mistake.
     */
    public static String allowable(String domain) throws InvalidDomainException {
        return DomainName.parseBelowPublicSuffix(domain, "a bare public suffix or top-level name: allowing it would "
            + "switch off the protection for every name under it; allow a name registered under it instead, such as "
            + "partner.ml");
    }

    private static Optional<LearningRule> learning(List<String> learn, List<String> threshold) throws PolicyException {
        boolean on = false;
        if (learn != null) {
            String expected = "clause 'learn' takes one value, on or off (e.g. 'learn: on')";
            if (learn.size() != 1) {
                throw new PolicyException(expected);
            }
            switch (learn.get(0).toLowerCase(Locale.ROOT)) {
                case "on":
                    on = true;
                    break;
                case "off":
                    break;
                default:
                    throw new PolicyException(expected + ", not '" + learn.get(0) + "'");
            }
        }
        if (threshold == null) {
            return on ? Optional.of(LearningRule.defaults()) : Optional.empty();
        }
        if (!on) {
            throw new PolicyException("clause 'learnThreshold' is given but learning is off; add 'learn: on' or remove "
                + "'learnThreshold'");
        }
        // The clause's values were split at commas and spaces: put the commas back before each number.
        String text = String.join(" ", threshold).replaceAll("\\s+(?=[0-9])", ", ");
        try {
            return Optional.of(LearningRule.parse(text));
        } catch (IllegalArgumentException e) {
            throw new PolicyException("clause 'learnThreshold': " + e.getMessage(), e);
        }
    }

    private static Map<String, List<String>> clauses(String condition) throws PolicyException {
        Map<String, List<String>> clauses = new LinkedHashMap<>();
        for (String clause : condition.split(";")) {
            if (clause.isBlank()) {
                continue;
            }
            int colon = clause.indexOf(':');
            if (colon < 0) {
                throw new PolicyException("clause '" + clause.strip() + "' has no ':'; expected 'name: values' with name one of "
                    + String.join(", ", CLAUSES));
            }
            String name = clause.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (CLAUSES.stream().noneMatch(known -> known.toLowerCase(Locale.ROOT).equals(name))) {
                throw new PolicyException("unknown clause '" + name + "'; expected one of " + String.join(", ", CLAUSES));
            }
            if (clauses.containsKey(name)) {
                throw new PolicyException("clause '" + name + "' appears twice; list all its values in one clause");
            }
            List<String> values = new ArrayList<>();
            for (String value : VALUE_SEPARATOR.split(clause.substring(colon + 1).strip())) {
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
            if (values.isEmpty()) {
                throw new PolicyException("clause '" + name + "' has no values");
            }
            clauses.put(name, values);
        }
        return clauses;
    }

    private interface Adder {
        void add(String value);
    }

    private static void add(Map<String, List<String>> clauses, String clause, Adder adder) throws PolicyException {
        for (String value : clauses.getOrDefault(clause, List.of())) {
            try {
                adder.add(value);
            } catch (IllegalArgumentException e) {
                throw new PolicyException("clause '" + clause + "': " + e.getMessage(), e);
            }
        }
    }

    private static Sensitivity sensitivity(List<String> values) throws PolicyException {
        if (values == null) {
            return Sensitivity.BALANCED;
        }
        if (values.size() != 1) {
            throw new PolicyException("clause 'sensitivity' takes one value: strict, balanced or paranoid");
        }
        try {
            return Sensitivity.parse(values.get(0));
        } catch (IllegalArgumentException e) {
            throw new PolicyException("clause 'sensitivity': " + e.getMessage(), e);
        }
    }

    private static Optional<Integer> minScore(List<String> values) throws PolicyException {
        if (values == null) {
            return Optional.empty();
        }
        String expected = "clause 'minScore' takes one whole number from 0 to 100 (e.g. 'minScore: 75')";
        if (values.size() != 1) {
            throw new PolicyException(expected);
        }
        try {
            int value = Integer.parseInt(values.get(0));
            if (value < 0 || value > 100) {
                throw new PolicyException(expected + ", not " + value);
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            throw new PolicyException(expected + ", not '" + values.get(0) + "'", e);
        }
    }

    private static Set<String> techniques(List<String> values) throws PolicyException {
        if (values == null) {
            return new LinkedHashSet<>(Techniques.NAMES);
        }
        boolean fromAll = values.stream().allMatch(v -> v.startsWith("-") || v.equalsIgnoreCase("all"));
        Set<String> enabled = new LinkedHashSet<>(fromAll ? Techniques.NAMES : List.of());
        for (String value : values) {
            if (value.equalsIgnoreCase("all")) {
                continue;
            }
            boolean off = value.startsWith("-");
            String name = (off ? value.substring(1) : value).toLowerCase(Locale.ROOT);
            if (!Techniques.NAMES.contains(name)) {
                throw new PolicyException("clause 'techniques': unknown technique '" + name + "'; expected 'all', "
                    + "names to switch on, or -name to switch one off, with names among " + String.join(", ", Techniques.NAMES));
            }
            if (off) {
                enabled.remove(name);
            } else {
                enabled.add(name);
            }
        }
        if (enabled.isEmpty()) {
            throw new PolicyException("clause 'techniques' switches every technique off; remove the matcher instead");
        }
        return enabled;
    }

    public Detector detector() {
        return detector;
    }

    /** When recipient domains become learned names: present when the condition has {@code learn: on}. */
    public Optional<LearningRule> learning() {
        return learning;
    }

    /**
     * The verdict for a domain: the detector's, and with {@code learn: on} the learned names' too (see the class
     * comment). Without learning, or with no learned name yet, exactly {@code detector().check(rawDomain)}.
     */
    public Verdict check(String rawDomain, LearnedNames learned) {
        if (learning.isEmpty() || learned.size() == 0) {
            return detector.check(rawDomain);
        }
        DomainName domain;
        try {
            domain = DomainName.parse(rawDomain);
        } catch (InvalidDomainException e) {
            return detector.check(rawDomain);
        }
        // Read once: the detector and the learned names compare the same labels and keys with their indexes.
        VisualName read = domain.read();
        Verdict verdict = detector.check(domain, read);
        if (verdict.kind() != Verdict.Kind.CLEAN || isAllowed(domain.ascii())) {
            return verdict;
        }
        String ascii = domain.ascii();
        Optional<String> covering = learned.covering(read.asciiHashes());
        if (covering.isPresent()) {
            String name = covering.get();
            return Verdict.clean(ascii, () -> name.equals(ascii) ? ascii + " is a learned name (this organisation writes "
                + "to it)" : ascii + " is under the learned name " + name + " (this organisation writes to it)");
        }
        Optional<Finding> finding = learned.examineUnlearned(domain, read).filter(found -> found.score() >= detector.minScore());
        return finding.isPresent() ? Verdict.lookalike(ascii, finding.get()) : verdict;
    }

    private boolean isAllowed(String ascii) {
        String tail = ascii;
        while (!allowed.isEmpty()) {
            if (allowed.contains(tail)) {
                return true;
            }
            int dot = tail.indexOf('.');
            if (dot < 0) {
                return false;
            }
            tail = tail.substring(dot + 1);
        }
        return false;
    }

    public Sensitivity sensitivity() {
        return sensitivity;
    }

    public Set<String> enabledTechniques() {
        return enabledTechniques;
    }

    public List<ReferenceList> lists() {
        return lists;
    }

    /**
     * What in the condition may be a mistake but may be meant (a protected name that is a suffix edit of another), one
     * sentence each: the matcher logs them at start-up, the checker prints them.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** Optional list files ({@code ?/path}) that were missing or unreadable, and so not loaded. */
    public List<String> missingOptionalLists() {
        return missingOptionalLists;
    }

    /** One line for the start-up log. */
    public String summary() {
        return "sensitivity=" + sensitivity.label() + " min_score=" + detector.minScore() + " protected_suffixes=" + detector.names().suffixes().size()
            + " protected_names=" + (detector.names().size() - detector.names().suffixes().size())
            + " techniques=" + enabledTechniques.size() + "/" + Techniques.NAMES.size()
            + " learn=" + learning.map(rule -> "on (" + rule + ")").orElse("off");
    }
}
