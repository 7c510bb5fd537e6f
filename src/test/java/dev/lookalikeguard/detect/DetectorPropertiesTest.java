package dev.lookalikeguard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever it is given, the engine answers, and never calls a real name a look-alike. */
class DetectorPropertiesTest {
    private static final List<String> KNOWN = List.of("army.mil", "navy.mil", "af.mil", "nsa.gov", "nasa.gov", "gsa.gov",
        "ssa.gov", "defense.gov", "state.gov", "mod.uk", "boston.gov", "bostonma.gov", "us.army.mil");
    private static final Detector DETECTOR = Detector.builder()
        .protectSuffix("mil").protectSuffix("gov").protectSuffix("gov.uk").protectSuffix("gouv.fr")
        .protectDomain("army.mil").protectDomain("defense.gov").knownCanonicalDomains(KNOWN)
        .sensitivity(Sensitivity.PARANOID).build();

    @Property(tries = 3000)
    void anyStringGetsOneOfTheFourVerdictsWithoutThrowing(@ForAll String input) {
        assertAnswered(input);
    }

    @Property(tries = 3000)
    void hostileDomainShapedStringsGetOneOfTheFourVerdicts(@ForAll("hostile") String input) {
        assertAnswered(input);
    }

    @Property(tries = 1000)
    void aKnownNameOrASubdomainOfOneIsNeverALookalike(@ForAll("knownVariants") String input) {
        assertThat(DETECTOR.check(input).kind()).as(input).isEqualTo(Verdict.Kind.PROTECTED);
    }

    /** Each kind of verdict carries what it promises, and only that; the same input gets the same verdict. */
    private static void assertAnswered(String input) {
        Verdict verdict = DETECTOR.check(input);
        assertThat(verdict.explanation()).isNotBlank();
        switch (verdict.kind()) {
            case LOOKALIKE:
                assertThat(verdict.nearest()).isPresent();
                assertThat(verdict.suggestion()).isPresent();
                assertThat(verdict.techniques()).isNotEmpty().allMatch(Techniques.NAMES::contains);
                assertThat(verdict.score()).isBetween(DETECTOR.minScore(), 100);
                assertThat(KNOWN).doesNotContain(verdict.domain());
                break;
            case PROTECTED:
                String covering = verdict.nearest().orElseThrow();
                assertThat(verdict.domain().equals(covering) || verdict.domain().endsWith("." + covering)).as(verdict.toString())
                    .isTrue();
                assertThat(verdict.techniques()).isEmpty();
                break;
            default:
                assertThat(verdict.techniques()).isEmpty();
                assertThat(verdict.score()).isZero();
                assertThat(verdict.suggestion()).isEmpty();
        }
        Verdict again = DETECTOR.check(input);
        assertThat(again.kind()).isEqualTo(verdict.kind());
        assertThat(again.nearest()).isEqualTo(verdict.nearest());
        assertThat(again.score()).isEqualTo(verdict.score());
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
            Arbitraries.chars().with("abcdefghijklmnopqrstuvwxyzARMY0123456789-._@[]:%!\"\\ "),
            Arbitraries.of('\u0430', '\u043e', '\u0435', '\u0456'),  // Cyrillic a, o, ie, i
            Arbitraries.of('\u200b', '\u200c', '\u200d', '\ufeff'),  // zero-width space, non-joiner, joiner, BOM
            Arbitraries.of('\u202e', '\u202d', '\u200f', '\u061c'),  // bidi overrides and marks
            Arbitraries.of('\u05d0', '\u0627', '\u4e2d', '\ud83d'),  // Hebrew, Arabic, CJK, lone surrogate
            Arbitraries.chars());
        Arbitrary<String> label = chars.list().ofMinSize(0).ofMaxSize(70)
            .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
        Arbitrary<String> name = label.list().ofMinSize(1).ofMaxSize(6).map(labels -> String.join(".", labels));
        return Arbitraries.oneOf(name,
            name.map(n -> "xn--" + n),
            name.map(n -> n + ".mil"),
            name.map(n -> n + ".gov."),
            Arbitraries.strings().withChars('a', 'b', '.').ofMinLength(240).ofMaxLength(400));
    }

    @Provide
    Arbitrary<String> knownVariants() {
        Arbitrary<String> known = Arbitraries.of(KNOWN);
        Arbitrary<String> sub = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        return Combinators.combine(known, sub, Arbitraries.of(0, 1, 2, 3)).as((name, prefix, form) -> {
            switch (form) {
                case 0:
                    return name.toUpperCase(Locale.ROOT);
                case 1:
                    return name + ".";
                case 2:
                    return prefix + "." + name;
                default:
                    return prefix + ".mail." + name.toUpperCase(Locale.ROOT) + ".";
            }
        });
    }
}
