package dev.lookalikeguard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.lookalikeguard.detect.score.Evidence.Shape;
import dev.lookalikeguard.detect.score.Finding;
import dev.lookalikeguard.detect.score.Scoring;
import dev.lookalikeguard.detect.technique.Candidate;
import dev.lookalikeguard.detect.technique.LabelEdit;
import dev.lookalikeguard.detect.technique.Technique;
import dev.lookalikeguard.detect.technique.TypoKind;
import dev.lookalikeguard.policy.ReferenceList;

/**
 * The engine does not run a technique once the best finding ranks above what that technique can find (its
 * shapes' {@link Scoring#ceiling}). That is exact only if every finding of every technique has one of the
 * shapes the technique declares and scores no more than the ceiling: checked here on every technique's
 * findings for look-alikes of all generated kinds, internationalised copies, mistyped names and random labels,
 * against synthetic and real lists, at paranoid (every technique searches the most there).
 */
class FindingsStayUnderTheirCeilingsTest {
    /** Internationalised copies, and a name of each shape the generator does not make (a suffix added, a dot typed). */
    private static final List<String> MORE = List.of("аrmy.mil", "nаvy.mil", "dеfense.gov", "ａrmy.mil",
        "xn--rmy-5cd.mil", "аrmy.ml", "arмy.mil", "dfаs.shop", "nаvy-mail.com", "uѕarmymil.com", "pοlice.uk",
        "army.mil.com", "defense.gov.co", "ar.my.mil", "de.fense.gov", "armymil.com", "army-mail.com", "navyfcu.org",
        "army.gov.uj", "orange.ml", "polise.uk", "army.mil.gov", "army.mil.mil", "defense.gov.mil");

    @Test
    void onASyntheticList() {
        Random random = new Random(13);
        Set<String> names = new TreeSet<>();
        while (names.size() < 5_000) {
            names.add(IndexMatchesNaiveScanTest.randomLabel(random, 3, 16) + (random.nextInt(4) == 0 ? ".mil" : ".gov"));
        }
        assertUnderCeilings(new ArrayList<>(names), random);
    }

    @Test
    void onTheRealGovAndMilLists() throws Exception {
        List<String> names = new ArrayList<>(ReferenceList.load(SharedData.dotGov()).domains());
        names.addAll(ReferenceList.load(SharedData.milDomains()).domains());
        names.sort(null);
        assertUnderCeilings(names, new Random(13));
    }

    private static void assertUnderCeilings(List<String> names, Random random) {
        Detector detector = Detector.builder().protectSuffix("mil").protectSuffix("gov").protectSuffix("gov.uk")
            .protectDomain("army.mil").protectDomain("navy.mil").protectDomain("defense.gov").protectDomain("dfas.mil")
            .protectDomain("police.uk").knownCanonicalDomains(names).sensitivity(Sensitivity.PARANOID).build();
        List<Technique> techniques = Techniques.create(Set.copyOf(Techniques.NAMES));
        List<String> inputs = new ArrayList<>(IndexMatchesNaiveScanTest.inputs(names, random));
        inputs.addAll(MORE);
        Set<String> found = new TreeSet<>();
        Set<Shape> shapes = EnumSet.noneOf(Shape.class);
        Set<String> underProtectedSuffix = new TreeSet<>();
        int highestWithTypos = Scoring.highestWithTypos(TypoKind.highestScore());
        int findings = 0;
        int bounded = 0;
        for (String input : inputs) {
            DomainName domain;
            try {
                domain = DomainName.parse(input);
            } catch (InvalidDomainException e) {
                continue;
            }
            Candidate candidate = Candidate.of(domain.read(), detector.names());
            List<Optional<Finding>> all = new ArrayList<>();
            for (Technique technique : techniques) {
                Optional<Finding> finding = technique.examine(candidate, detector.names());
                all.add(finding);
                if (finding.isEmpty()) {
                    continue;
                }
                if (technique.name().equals(LabelEdit.NAME)) {
                    assertThat(finding.get().score()).as(input).isLessThanOrEqualTo(finding.get().evidence().typos() > 0
                        ? highestWithTypos : Scoring.highestWithoutTypos(candidate.placement(), candidate.folded()));
                }
                findings++;
                found.add(technique.name());
                shapes.add(finding.get().evidence().shape());
                String what = technique.name() + " on " + input + ": " + finding.get().evidence();
                assertThat(technique.shapes()).as(what).contains(finding.get().evidence().shape());
                assertThat(finding.get().evidence().placement()).as(what).isEqualTo(candidate.placement());
                assertThat(finding.get().score()).as(what)
                    .isLessThanOrEqualTo(Scoring.ceiling(finding.get().evidence().shape(), candidate.placement()));
                assertThat(finding.get().rank()).as(what)
                    .isLessThanOrEqualTo(Finding.highestRank(technique.shapes(), candidate.placement()));
                if (candidate.underProtectedSuffix()) {
                    assertThat(technique.shapesUnderProtectedSuffix()).as(what).contains(finding.get().evidence().shape());
                    assertThat(finding.get().rank()).as(what).isLessThanOrEqualTo(
                        Finding.highestRank(technique.shapesUnderProtectedSuffix(), candidate.placement()));
                    underProtectedSuffix.add(technique.name());
                }
            }
            bounded += assertBoundsChangeNothingThatCouldWin(input, candidate, detector, techniques, all);
        }
        assertThat(bounded).as("label searches told of a finding no typo can beat").isGreaterThan(20);
        assertThat(findings).isGreaterThan(2_000);
        assertThat(found).as("techniques that found something").hasSize(techniques.size());
        assertThat(shapes).as("shapes found").containsExactlyInAnyOrder(Shape.values());
        assertThat(underProtectedSuffix).as("techniques that found something under a protected suffix").contains("suffix-swap");
    }

    /**
     * A technique told the finding to beat (every other technique's finding in turn, as the engine holds them) answers
     * as without it wherever either answer beats that finding: what the bound drops could not have won. Returns how
     * often the label search was told of a finding no label typo can beat (where it searches without typos).
     */
    private static int assertBoundsChangeNothingThatCouldWin(String input, Candidate candidate, Detector detector,
                                                            List<Technique> techniques, List<Optional<Finding>> all) {
        int bounded = 0;
        for (Optional<Finding> toBeat : all) {
            if (toBeat.isEmpty()) {
                continue;
            }
            for (int t = 0; t < techniques.size(); t++) {
                Technique technique = techniques.get(t);
                Optional<Finding> free = all.get(t);
                Optional<Finding> told = technique.examine(candidate, detector.names(), toBeat.get());
                String what = technique.name() + " on " + input + " told of " + toBeat.get().nearest() + " "
                    + toBeat.get().evidence();
                if (free.map(f -> f.beats(toBeat.get())).orElse(false) || told.map(f -> f.beats(toBeat.get())).orElse(false)) {
                    assertThat(told.map(FindingsStayUnderTheirCeilingsTest::describe)).as(what)
                        .isEqualTo(free.map(FindingsStayUnderTheirCeilingsTest::describe));
                }
                if (technique.name().equals(LabelEdit.NAME)
                    && toBeat.get().rank() > Scoring.highestWithTypos(TypoKind.highestScore()) + Finding.LISTED_PREFERENCE) {
                    bounded++;
                }
            }
        }
        return bounded;
    }

    private static String describe(Finding finding) {
        return finding.nearest() + " " + finding.score() + " " + finding.techniques() + " " + finding.evidence()
            + " " + finding.explanation();
    }
}
