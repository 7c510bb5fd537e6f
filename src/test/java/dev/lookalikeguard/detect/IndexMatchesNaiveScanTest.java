package dev.lookalikeguard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.lookalikeguard.policy.ReferenceList;

/**
 * The indexed engine must give exactly the verdicts of the straightforward one (every protected label
 * of the suffix compared with Damerau-Levenshtein), on random and on real inputs.
 */
class IndexMatchesNaiveScanTest {
    private static final long SEED = 7L;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789-";

    /*
     * Sensitivities differ in two ways only: the minimum score (no effect on what the indexes find) and,
     * at paranoid, the known names searched across suffixes. Balanced and paranoid cover both.
     */
    @ParameterizedTest
    @EnumSource(value = Sensitivity.class, names = {"BALANCED", "PARANOID"})
    void onASyntheticListOfTwentyThousandNames(Sensitivity sensitivity) {
        Random random = new Random(SEED);
        Set<String> names = new TreeSet<>();
        while (names.size() < 20_000) {
            names.add(randomLabel(random, 3, 16) + (random.nextInt(4) == 0 ? ".mil" : ".gov"));
        }
        assertSameVerdicts(new ArrayList<>(names), sensitivity, random);
    }

    @ParameterizedTest
    @EnumSource(value = Sensitivity.class, names = {"BALANCED", "PARANOID"})
    void onTheRealGovAndMilLists(Sensitivity sensitivity) throws Exception {
        List<String> names = new ArrayList<>(ReferenceList.load(SharedData.dotGov()).domains());
        names.addAll(ReferenceList.load(SharedData.milDomains()).domains());
        names.sort(null);
        assertSameVerdicts(names, sensitivity, new Random(SEED));
    }

    /**
     * A typed suffix one edit from two protected ones (mov.uk: mod.uk and gov.uk): the suffix search's consumer
     * searches labels under the first while the search still reads its own look-up (army.mov.uk once came out as
     * army.gov.uk, score 70, instead of army.mod.uk, 90).
     */
    @Test
    void whenATypedSuffixIsNearSeveralProtectedOnes() {
        Random random = new Random(SEED);
        List<String> names = new ArrayList<>(List.of("army.mod.uk", "navy.mod.uk", "hmrc.gov.uk", "dvla.gov.uk", "army.mil"));
        while (names.size() < 2_000) {
            names.add(randomLabel(random, 3, 10) + List.of(".gov.uk", ".mod.uk", ".mil", ".gov").get(random.nextInt(4)));
        }
        Detector.Builder builder = Detector.builder().protectSuffix("mil").protectSuffix("gov").protectSuffix("gov.uk")
            .protectSuffix("mod.uk").protectDomain("army.mod.uk").protectDomain("hmrc.gov.uk").knownCanonicalDomains(names);
        Detector indexed = builder.build();
        Detector naive = builder.naiveScan().build();
        List<String> suffixes = List.of("mov.uk", "god.uk", "gov.ul", "mod.ul", "mil.uk", "gov.mk", "mil", "mol", "gob");
        int compared = 0;
        for (String name : names.subList(0, 200)) {
            String label = name.substring(0, name.indexOf('.'));
            for (String suffix : suffixes) {
                for (String typed : List.of(label, mutate(label, random))) {
                    String input = typed + "." + suffix;
                    assertThat(describe(indexed.check(input))).as(input).isEqualTo(describe(naive.check(input)));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(3_600);
        assertThat(indexed.check("army.mov.uk").nearest()).contains("army.mod.uk");
    }

    private static void assertSameVerdicts(List<String> names, Sensitivity sensitivity, Random random) {
        Detector indexed = detector(names, sensitivity, false);
        Detector naive = detector(names, sensitivity, true);
        List<String> inputs = inputs(names, random);

        for (String input : inputs) {
            Verdict expected = naive.check(input);
            Verdict actual = indexed.check(input);
            assertThat(describe(actual)).as(input).isEqualTo(describe(expected));
        }
        assertThat(inputs).hasSizeGreaterThan(3000);
    }

    private static Detector detector(List<String> names, Sensitivity sensitivity, boolean scan) {
        Detector.Builder builder = Detector.builder().protectSuffix("mil").protectSuffix("gov").protectSuffix("gov.uk")
            .protectDomain("army.mil").protectDomain("defense.gov").knownCanonicalDomains(names).sensitivity(sensitivity);
        if (scan) {
            builder.naiveScan();
        }
        return builder.build();
    }

    /** Look-alikes of every generated kind, doubly mistyped names and random labels under real and near suffixes. */
    static List<String> inputs(List<String> names, Random random) {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String source = names.get(random.nextInt(names.size()));
            int dot = source.indexOf('.');
            for (LookalikeGenerator.Kind kind : LookalikeGenerator.Kind.values()) {
                Optional<String> lookalike = LookalikeGenerator.generate(kind, source.substring(0, dot),
                    source.substring(dot + 1), random);
                lookalike.ifPresent(inputs::add);
            }
            inputs.add(mutate(mutate(source, random), random));
        }
        for (int i = 0; i < 500; i++) {
            inputs.add(randomLabel(random, 1, 20) + "." + List.of("gov", "mil", "com", "ml", "gv", "org", "gov.uk")
                .get(random.nextInt(7)));
        }
        return inputs;
    }

    private static String mutate(String name, Random random) {
        int at = random.nextInt(name.length());
        char c = LETTERS.charAt(random.nextInt(LETTERS.length()));
        switch (random.nextInt(3)) {
            case 0:
                return name.substring(0, at) + name.substring(at + 1);
            case 1:
                return name.substring(0, at) + c + name.substring(at + 1);
            default:
                return name.substring(0, at) + c + name.substring(at);
        }
    }

    static String randomLabel(Random random, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(LETTERS.charAt(random.nextInt(26)));
        }
        return b.toString();
    }

    private static String describe(Verdict v) {
        return v.kind() + " " + v.nearest().orElse("") + " " + v.suggestion().orElse("") + " " + v.techniques() + " "
            + v.score() + " " + v.explanation();
    }
}
