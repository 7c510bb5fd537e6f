package dev.lookalikeguard.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lookalikeguard.detect.score.Scoring;

class DetectorTest {

    /** The protection most deployments start from: military and government suffixes and a few names. */
    private static final Detector DETECTOR = Detector.builder()
        .protectSuffix("mil").protectSuffix("gov").protectSuffix("gov.uk").protectSuffix("mod.uk")
        .protectSuffix("gouv.fr")
        .protectDomain("army.mil").protectDomain("navy.mil").protectDomain("af.mil").protectDomain("mail.mil")
        .protectDomain("defense.gov").protectDomain("state.gov").protectDomain("nasa.gov")
        .protectDomain("mod.uk")
        .knownDomain("nsa.gov").knownDomain("us.army.mil")
        .allow("gouv.ml")
        .build();

    @Nested
    class RealDomainsAreNeverLookalikes {

        @ParameterizedTest
        @ValueSource(strings = {"army.mil", "mail.army.mil", "ARMY.MIL.", "us.army.mil", "nasa.gov", "nsa.gov",
            "state.gov", "mod.uk", "www.gov.uk", "defence.gov.uk", "interieur.gouv.fr", "mil", "gov.uk"})
        void protectedNamesAndTheirSubdomains(String domain) {
            assertThat(DETECTOR.check(domain).kind()).isEqualTo(Verdict.Kind.PROTECTED);
        }

        @Test
        void nsaAndNasaAreBothProtectedWhenBothAreKnown() {
            assertThat(DETECTOR.check("nsa.gov").kind()).isEqualTo(Verdict.Kind.PROTECTED);
            assertThat(DETECTOR.check("nasa.gov").kind()).isEqualTo(Verdict.Kind.PROTECTED);
        }

        @Test
        void anUnknownNameUnderAProtectedSuffixIsNotStoppedForBeingUnknown() {
            Verdict verdict = DETECTOR.check("usace.mil");

            assertThat(verdict.kind()).isEqualTo(Verdict.Kind.PROTECTED);
            assertThat(verdict.explanation()).contains("under the protected suffix mil");
        }

        @ParameterizedTest
        @ValueSource(strings = {"gmail.com", "example.org", "orange.fr", "bbc.co.uk", "service.gov.uk.example.com",
            "justice.gov.il", "gob.mx", "mindefensa.gov.co"})
        void ordinaryDomainsAreClean(String domain) {
            assertThat(DETECTOR.check(domain).kind()).isEqualTo(Verdict.Kind.CLEAN);
        }

        @Test
        void theAllowListWinsOverATechnique() {
            Verdict verdict = DETECTOR.check("gouv.ml");

            assertThat(verdict.kind()).isEqualTo(Verdict.Kind.CLEAN);
            assertThat(verdict.explanation()).contains("allow-list");
        }
    }

    @Nested
    class NearMisses {

        @ParameterizedTest(name = "{0} looks like {1} by {2}")
        @CsvSource({
            "army.ml,        army.mil,    suffix-edit",
            "army.mi,        army.mil,    suffix-edit",
            "army.mill,      army.mil,    suffix-edit",
            "army.il,        army.mil,    suffix-edit",
            "mail.army.ml,   army.mil,    suffix-edit",
            "defense.gv,     defense.gov, suffix-edit",
            "defense.gob,    defense.gov, suffix-edit",
            "mod.gov.uj,     mod.gov.uk,  suffix-edit",
            "amry.mil,       army.mil,    transposition",
            "defesne.gov,    defense.gov, transposition",
            "defnese.gov,    defense.gov, transposition",
            "armmy.mil,      army.mil,    repetition",
            "armys.mil,      army.mil,    plural",
            "de-fense.gov,   defense.gov, hyphenation",
            "defanse.gov,    defense.gov, vowel-swap",
            "dwfense.gov,    defense.gov, keyboard",
            "denense.gov,    defense.gov, bit-flip",
            "defens.gov,     defense.gov, omission",
            "army.com,       army.mil,    suffix-swap",
            "army.mil.com,   army.mil,    suffix-swap",
            "armymil.com,    army.mil,    doppelganger",
            "usarmymil.com,  us.army.mil, doppelganger",
            "usarmy-mil.com, us.army.mil, doppelganger",
            "defensegov.com, defense.gov, doppelganger",
            "m0d.uk,         mod.uk,      homoglyph",
            "arrny.mil,      army.mil,    homoglyph",
        })
        void areCaughtWithTheNearestProtectedName(String domain, String nearest, String technique) {
            Verdict verdict = DETECTOR.check(domain);

            assertThat(verdict.kind()).as(verdict.toString()).isEqualTo(Verdict.Kind.LOOKALIKE);
            assertThat(verdict.nearest()).contains(nearest);
            assertThat(verdict.techniques()).as(verdict.toString()).first().isEqualTo(technique);
            assertThat(verdict.score()).isBetween(1, 100);
        }

        @Test
        void cyrillicLookalikeIsAHomoglyphEvenInUnicodeOrPunycodeForm() {
            // "аrmy.mil" starts with U+0430 CYRILLIC SMALL LETTER A
            Verdict unicode = DETECTOR.check("аrmy.mil");
            Verdict punycode = DETECTOR.check(unicode.domain());

            assertThat(unicode.domain()).startsWith("xn--");
            assertThat(unicode.kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
            assertThat(unicode.techniques()).containsExactly("homoglyph");
            assertThat(unicode.explanation()).contains("U+0430 CYRILLIC SMALL LETTER A");
            assertThat(punycode.kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
            assertThat(punycode.nearest()).isEqualTo(unicode.nearest());
        }

        @Test
        void aLabelEditCombinesWithASuffixEdit() {
            Verdict verdict = DETECTOR.check("amry.ml");

            assertThat(verdict.kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
            assertThat(verdict.nearest()).contains("army.mil");
            assertThat(verdict.techniques()).containsExactly("suffix-edit", "transposition");
        }

        @Test
        void theExplanationSaysWhatItResemblesAndWhy() {
            Verdict verdict = DETECTOR.check("army.ml");

            assertThat(verdict.explanation()).startsWith("army.ml looks like army.mil: suffix ml is one edit from mil");
            assertThat(verdict.suggestion()).contains("army.mil");
        }

        @Test
        void aSubdomainGetsAFullSuggestion() {
            assertThat(DETECTOR.check("mail.army.ml").suggestion()).contains("mail.army.mil");
        }
    }

    @Nested
    class WhatLeaks {

        /** Names directly under open suffixes, a complete .gov registry, and labels that are common words. */
        private final Detector detector = Detector.builder()
            .protectSuffix("mil").protectSuffix("gov").protectSuffix("gov.uk").protectSuffix("mod.uk")
            .protectDomain("dfas.mil").protectDomain("tricare.mil").protectDomain("army.mil").protectDomain("navy.mil")
            .protectDomain("nsa.gov").protectDomain("police.uk").protectDomain("nhs.uk").protectDomain("army.mod.uk")
            .knownDomain("nasa.gov").knownDomain("boston.gov").knownDomain("whitehouse.gov")
            .completeSuffix("gov")
            .build();

        private Verdict check(String domain) {
            return detector.check(domain);
        }

        @ParameterizedTest(name = "{0} looks like {1} by {2}")
        @CsvSource({
            "dfas.shop,          dfas.mil,     suffix-swap",
            "tricare.online,     tricare.mil,  suffix-swap",
            "nsa.tk,             nsa.gov,      suffix-swap",
            "dfas-login.com,     dfas.mil,     combosquatting",
            "tricareportal.net,  tricare.mil,  combosquatting",
            "po.lice.uk,         police.uk,    dot-insertion",
            "polce.uk,           police.uk,    omission",
            "nhz.uk,             nhs.uk,       keyboard",
            "army.nob.uk,        army.mod.uk,  homoglyph",
            "vvhitehousc.gov,    whitehouse.gov, homoglyph",
            "arrny-rnil.com,     army.mil,     doppelganger",
        })
        void areCaught(String domain, String nearest, String technique) {
            Verdict verdict = check(domain);

            assertThat(verdict.kind()).as(verdict.toString()).isEqualTo(Verdict.Kind.LOOKALIKE);
            assertThat(verdict.nearest()).as(verdict.toString()).contains(nearest);
            assertThat(verdict.techniques()).as(verdict.toString()).first().isEqualTo(technique);
        }

        @Test
        void aDotTypedInsideALabel() {
            Detector withAfricom = Detector.builder().protectSuffix("mil").protectDomain("africom.mil").build();

            Verdict verdict = withAfricom.check("afr.icom.mil");

            assertThat(verdict.kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
            assertThat(verdict.techniques()).containsExactly("dot-insertion");
            assertThat(verdict.suggestion()).contains("africom.mil");
        }

        @Test
        void accentedAndIdnLookAlikesAreFoldedToWhatTheyReadAs() {
            // ármy.ml: U+00E1 LATIN SMALL LETTER A WITH ACUTE, and a mistyped suffix
            Verdict accented = check("ármy.ml");
            // navỵ.com: U+1EF5 LATIN SMALL LETTER Y WITH DOT BELOW, under another suffix
            Verdict swapped = check("navỵ.com");

            assertThat(accented.kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
            assertThat(accented.nearest()).contains("army.mil");
            assertThat(swapped.kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
            assertThat(swapped.nearest()).contains("navy.mil");
            assertThat(swapped.techniques()).containsExactly("suffix-swap", "homoglyph");
            assertThat(swapped.explanation()).contains("U+1EF5");
        }

        @Test
        void anInternationalisedNameUnderMilIsNeverProtected() {
            // dfǎs.mil: U+01CE LATIN SMALL LETTER A WITH CARON; .mil registers no internationalised names
            assertThat(check("dfǎs.mil").kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
            // 例え.mil reads as nothing protected: not a look-alike, and not protected either
            assertThat(check("例え.mil").kind()).isEqualTo(Verdict.Kind.CLEAN);
        }

        @Test
        void aGovNameMissingFromTheCompleteRegistryIsATypoEvenWhenShort() {
            Verdict verdict = check("nsq.gov");

            assertThat(verdict.kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
            assertThat(verdict.nearest()).contains("nsa.gov");
            assertThat(check("nsa.gov").kind()).isEqualTo(Verdict.Kind.PROTECTED);
        }

        @Test
        void aShortMilTypoScoresLowerThanAGovOne() {
            Detector withDha = Detector.builder().protectSuffix("mil").protectSuffix("gov").protectDomain("dha.mil")
                .protectDomain("nsa.gov").completeSuffix("gov").build();

            assertThat(withDha.check("dhq.mil").score()).isLessThan(withDha.check("nsq.gov").score());
        }

        @Test
        void aSwapOfACommonWordIsOnlyPossibleAndAWordAddedToItElsewhereIsNotStopped() {
            assertThat(check("police.shop").band()).isEqualTo(Scoring.Band.POSSIBLE);
            assertThat(check("dfas.shop").band()).isEqualTo(Scoring.Band.LIKELY);
            assertThat(check("policeoffice.com").kind()).isEqualTo(Verdict.Kind.CLEAN);
            assertThat(check("police-pay.uk").kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
        }

        @Test
        void knownNamesAreSwappedOnlyAtParanoid() {
            Detector paranoid = Detector.builder().protectSuffix("gov").knownDomain("boston.gov")
                .sensitivity(Sensitivity.PARANOID).build();

            assertThat(check("boston.com").kind()).isEqualTo(Verdict.Kind.CLEAN);
            assertThat(paranoid.check("boston.com").kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
            assertThat(paranoid.check("boston.com").band()).isEqualTo(Scoring.Band.WEAK);
        }
    }

    @Nested
    class Sensitivities {

        private Detector at(Sensitivity sensitivity) {
            return Detector.builder().protectSuffix("mil").protectDomain("army.mil").protectDomain("marines.mil")
                .protectDomain("dha.mil").sensitivity(sensitivity).build();
        }

        @Test
        void strictLeavesOneEditOfAThreeLetterLabelAlone() {
            // dhq for dha: a neighbouring key, but three letters leave room for coincidence (score 65, possible)
            assertThat(at(Sensitivity.STRICT).check("dhq.mil").kind()).isEqualTo(Verdict.Kind.PROTECTED);
            assertThat(at(Sensitivity.BALANCED).check("dhq.mil").kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
            assertThat(at(Sensitivity.STRICT).check("marnies.mil").kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
        }

        @Test
        void aMinimumScoreReplacesTheSensitivitysThreshold() {
            Detector strictest = Detector.builder().protectSuffix("mil").protectDomain("army.mil").minScore(95).build();

            assertThat(strictest.check("army.ml").kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
            assertThat(strictest.check("amry.mil").kind()).isEqualTo(Verdict.Kind.PROTECTED);
            assertThat(strictest.check("amry.mil").explanation()).contains("below the minimum score 95");
        }

        @Test
        void strictDoesNotSwapSuffixes() {
            assertThat(at(Sensitivity.STRICT).check("army.com").kind()).isEqualTo(Verdict.Kind.CLEAN);
            assertThat(at(Sensitivity.BALANCED).check("army.com").kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
        }

        @Test
        void onlyParanoidFlagsAnyNameUnderARealSuffixNextToAProtectedOne() {
            assertThat(at(Sensitivity.BALANCED).check("orange.ml").kind()).isEqualTo(Verdict.Kind.CLEAN);
            assertThat(at(Sensitivity.PARANOID).check("orange.ml").kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
        }

        @Test
        void aSwitchedOffTechniqueDoesNotFire() {
            Detector detector = Detector.builder().protectDomain("army.mil").disable("suffix-swap").build();

            assertThat(detector.check("army.com").kind()).isEqualTo(Verdict.Kind.CLEAN);
        }

        @Test
        void anUnknownTechniqueIsRefused() {
            assertThatThrownBy(() -> Detector.builder().disable("teleport"))
                .hasMessageContaining("unknown technique 'teleport'");
        }
    }

    @Nested
    class BadInput {

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "xn--zz", "[192.0.2.1]", "a..b", "-army.mil", "under_score.mil"})
        void isInvalidNeverAnException(String domain) {
            assertThat(DETECTOR.check(domain).kind()).isEqualTo(Verdict.Kind.INVALID);
        }

        @ParameterizedTest
        @ValueSource(strings = {"mail.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.com",
            "x.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.mil"})
        void longNamesAreCheckedLikeAnyOther(String domain) {
            // The last three labels are longer than any label: the suffix search once indexed past its tables.
            assertThat(DETECTOR.check(domain).kind()).isIn(Verdict.Kind.CLEAN, Verdict.Kind.PROTECTED);
        }

        @Test
        void tooLongLabelsAreInvalid() {
            assertThat(DETECTOR.check("a".repeat(64) + ".mil").kind()).isEqualTo(Verdict.Kind.INVALID);
        }
    }
}
