package dev.lookalikeguard.learn;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.name.GlyphDistance;
import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.PublicSuffixes;
import dev.lookalikeguard.detect.name.TextHashes;
import dev.lookalikeguard.detect.name.VisualName;
import dev.lookalikeguard.detect.score.Evidence;
import dev.lookalikeguard.detect.score.Evidence.Shape;
import dev.lookalikeguard.detect.score.Finding;
import dev.lookalikeguard.detect.score.Scoring;
import dev.lookalikeguard.detect.technique.Candidate;
import dev.lookalikeguard.detect.technique.DotInsertion;
import dev.lookalikeguard.detect.technique.Doppelganger;
import dev.lookalikeguard.detect.technique.Homoglyph;
import dev.lookalikeguard.detect.technique.LabelEdit;
import dev.lookalikeguard.detect.technique.Technique;
import dev.lookalikeguard.detect.technique.TypoKind;

/**
 * The names an organisation writes to, learned from its own outgoing mail, as one immutable snapshot:
 * a learned name is never a look-alike, and a domain nobody here wrote to that is a near miss of one is
 * ({@value #TECHNIQUE}): one typo of a known kind under the same suffix ({@code lockheedmartn.com}), a
 * visual copy ({@code baesysterns.com}), a dot typed inside or left out, or a mistyped suffix
 * ({@code lockheedmartin.co}). Learned names are ordinary commercial domains, densely surrounded by other
 * real ones: no word is added (no combosquatting), no other suffix is tried (a brand's other country is its
 * own), and findings score lower than those of the names the admin protects (see
 * {@link Scoring#forLearnedName}).
 */
public final class LearnedNames {
    /** The technique name in verdicts, before the kind of difference. */
    public static final String TECHNIQUE = "learned-name";
    /**
     * One typing mistake of a known kind, alone: among commercial names an unclassified letter or a typo with a
     * look-alike glyph on top is as often another real name (measured: see the README).
     */
    private static final Set<String> SINGLE_TYPOS = Arrays.stream(TypoKind.values()).filter(k -> k != TypoKind.EDIT_DISTANCE)
        .map(TypoKind::label).collect(Collectors.toUnmodifiableSet());

    private final Set<String> names;
    private final ProtectedNames index;
    private final Map<String, Set<String>> suffixesByLabel;
    private final List<Technique> techniques;

    private LearnedNames(Set<String> names) {
        this.names = ImmutableSet.copyOf(names);
        this.index = ProtectedNames.builder().known(names).privateSuffixes(true).build();
        Map<String, Set<String>> byLabel = new HashMap<>();
        for (String name : names) {
            Optional<String> suffix = index.publicSuffixStrictlyAbove(name);
            if (suffix.isPresent()) {
                String rest = name.substring(0, name.length() - suffix.get().length() - 1);
                byLabel.computeIfAbsent(rest.substring(rest.lastIndexOf('.') + 1), k -> new HashSet<>()).add(suffix.get());
            }
        }
        ImmutableMap.Builder<String, Set<String>> frozen = ImmutableMap.builder();
        byLabel.forEach((label, suffixes) -> frozen.put(label, ImmutableSet.copyOf(suffixes)));
        this.suffixesByLabel = frozen.build();
        this.techniques = List.of(new Homoglyph(), new LabelEdit(SINGLE_TYPOS, false), new DotInsertion(), new Doppelganger());
    }

    /** The snapshot of these learned names (canonical ASCII). */
    public static LearnedNames of(Collection<String> asciiNames) {
        return new LearnedNames(new HashSet<>(asciiNames));
    }

    public static LearnedNames none() {
        return new LearnedNames(Set.of());
    }

    public int size() {
        return names.size();
    }

    public Set<String> names() {
        return names;
    }

    /** The learned name the domain is or is under, if any: such a domain is familiar, never a look-alike. */
    public Optional<String> covering(String ascii) {
        return covering(new TextHashes(ascii));
    }

    /** {@link #covering(String)} for a name whose prefix hashes are at hand. */
    public Optional<String> covering(TextHashes ascii) {
        return names.isEmpty() ? Optional.empty() : index.coveringName(ascii);
    }

    /**
     * The finding when {@code domain} is a near miss of a learned name (and not one itself), scored for a
     * learned name; empty otherwise.
     */
    public Optional<Finding> examine(DomainName domain) {
        return covering(domain.ascii()).isPresent() ? Optional.empty() : examineUnlearned(domain);
    }

    /**
     * {@link #examine} for a domain the caller already found is not a learned name nor under one ({@link #covering}
     * empty): the same finding, without looking the name up again.
     */
    public Optional<Finding> examineUnlearned(DomainName domain) {
        return names.isEmpty() ? Optional.empty() : examineUnlearned(domain, domain.read());
    }

    /**
     * {@link #examineUnlearned(DomainName)} for a domain already {@linkplain VisualName read} (as the detector read
     * it): its labels and keys are not computed again.
     */
    public Optional<Finding> examineUnlearned(DomainName domain, VisualName read) {
        domain.checkReading(read);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        Candidate candidate = Candidate.of(read, index);
        Finding best = null;
        for (Technique technique : techniques) {
            Optional<Finding> finding = technique.examine(candidate, index);
            if (finding.isPresent() && finding.get().beats(best)) {
                best = finding.get();
            }
        }
        Finding suffix = suffixTypo(candidate);
        if (suffix != null && suffix.beats(best)) {
            best = suffix;
        }
        return Optional.ofNullable(best).filter(finding -> !sibling(domain, candidate, finding)).map(LearnedNames::asLearned);
    }

    /**
     * Whether the finding is more likely a sibling of the learned name than a copy: the same label under
     * another country's suffix of a brand learned under several (google.mv for google.nu).
     */
    private boolean sibling(DomainName domain, Candidate candidate, Finding finding) {
        if (!candidate.hasLabel()) {
            return false;
        }
        String typedLabel = domain.labels().get(candidate.suffixStart() - 1);
        String nearestLabel = finding.nearest().substring(0, finding.nearest().indexOf('.'));
        Set<String> suffixes = suffixesByLabel.get(nearestLabel);
        return typedLabel.equals(nearestLabel) && suffixes != null && suffixes.size() > 1;
    }

    /**
     * The learned label under a mistyped suffix: one typo or a look-alike glyph from the one suffix it is learned
     * under (lockheedmartin.co, gmail.con). Other suffixes are not searched: a brand under another country's
     * suffix is as often its own other site (vodafone.de beside vodafone.net) as a copy.
     */
    private Finding suffixTypo(Candidate candidate) {
        if (!candidate.hasLabel()) {
            return null;
        }
        Set<String> suffixes = suffixesByLabel.get(candidate.label());
        // A label learned under several suffixes is a brand with a site per country: google.ps is not google.ws.
        if (suffixes == null || suffixes.size() != 1 || suffixes.contains(candidate.suffix())) {
            return null;
        }
        Finding best = null;
        for (String suffix : suffixes) {
            GlyphDistance.Difference difference = GlyphDistance.between(candidate.suffix(), suffix, 1, 1);
            // One typo or one glyph, not both: two-letter suffixes are all that close to one another (es, cl).
            if (difference == null || difference.isNone() || difference.typos() + Math.min(1, difference.glyphs()) > 1) {
                continue;
            }
            String target = candidate.label() + "." + suffix;
            boolean real = PublicSuffixes.isRegistrySuffix(candidate.suffix());
            Evidence evidence = Evidence.of(Shape.SUFFIX_TYPO, candidate.placement()).withTypedSuffixReal(real)
                .withGlyphs(0, candidate.folded()).withTarget(candidate.label().length(), true, false);
            Finding finding = new Finding(target, candidate.rebuilt(candidate.label(), suffix), List.of("suffix-edit"),
                evidence, () -> candidate.display() + " looks like " + target + ": suffix " + candidate.suffix()
                    + " is one edit from " + suffix);
            best = finding.beats(best) ? finding : best;
        }
        return best;
    }

    private static Finding asLearned(Finding finding) {
        return finding.learned(TECHNIQUE, Scoring.forLearnedName(finding.evidence()),
            () -> finding.explanation().replaceFirst(" looks like ([^:]+):", " looks like $1, a domain this organisation writes to:"));
    }
}
