package dev.lookalikeguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.lookalikeguard.detect.Sensitivity;
import dev.lookalikeguard.detect.Techniques;
import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.learn.LearnedNames;
import dev.lookalikeguard.learn.LearningRule;

class PolicyTest {

    @Nested
    class GoodConditions {

        @Test
        void readsEveryClause() throws Exception {
            Policy policy = Policy.parse("suffixes: mil, gov; domains: army.mil; known: nsa.gov; allow: navy.com;"
                + " sensitivity: paranoid; techniques: all -bit-flip");

            assertThat(policy.sensitivity()).isEqualTo(Sensitivity.PARANOID);
            assertThat(policy.enabledTechniques()).doesNotContain("bit-flip").contains("homoglyph");
            assertThat(policy.detector().check("army.ml").kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
            assertThat(policy.detector().check("navy.com").kind()).isEqualTo(Verdict.Kind.CLEAN);
        }

        @Test
        void protectsRealSuffixesAndNamesThatAreAlikeButNotNearMissesOfEachOther() throws Exception {
            // Two real government suffixes one letter apart; names under different protected suffixes; a name of
            // another country whose own name is not protected under the suffix it resembles.
            Policy policy = Policy.parse("suffixes: gov.uk, gov.ua, mil, gov; domains: army.mil, army.gov.uk, partner.ml");

            assertThat(policy.detector().names().suffixes()).contains("gov.uk", "gov.ua");
            assertThat(policy.detector().check("army.ml").kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
        }

        @Test
        void warnsOfAProtectedNameUnderARealTopLevelDomainThatIsASuffixEditOfAnother() throws Exception {
            Policy policy = Policy.parse("domains: army.mil, army.ml");

            assertThat(policy.warnings()).singleElement().asString()
                .contains("'army.ml' is a near miss of army.mil (ml for mil), and is protected as given");
            assertThat(Policy.parse("domains: army.mil; known: hq.army.ml").warnings()).singleElement().asString()
                .contains("'hq.army.ml' is a near miss of army.mil (ml for mil)");
            // A real organisation may hold both (NATO's .int and .it): accepted, with the warning.
            assertThat(Policy.parse("suffixes: int; domains: nato.int, nato.it").warnings()).hasSize(1);
        }

        @Test
        void aCompleteSuffixIsFoundHoweverItIsWritten() throws Exception {
            Policy upper = Policy.parse("suffixes: MIL, GOV.; complete: gov; known: dea.gov");
            Policy lower = Policy.parse("suffixes: mil, gov; complete: gov; known: dea.gov");
            Policy incomplete = Policy.parse("suffixes: mil, gov; known: dea.gov");

            // A complete registry scores a typo of a short name higher: dda.gov cannot be someone else's.
            assertThat(upper.detector().check("dda.gov").score()).isEqualTo(lower.detector().check("dda.gov").score())
                .isGreaterThan(incomplete.detector().check("dda.gov").score());
        }

        @Test
        void acceptsRealSuffixesOfTopLevelDomainsThePublicSuffixListNamesOnlyBelowThemselves() throws Exception {
            // South Africa's and Bangladesh's: the list has gov.za and *.bd, not za or bd.
            Policy policy = Policy.parse("suffixes: mil, gov, gov.za, mil.za, mil.bd; domains: dod.mil.za");

            assertThat(policy.detector().names().suffixes()).contains("gov.za", "mil.za", "mil.bd");
            assertThat(policy.warnings()).isEmpty();
        }

        @Test
        void warnsOfANameThatIsASuffixEditOfAnotherWhenBothMayBeReal() throws Exception {
            // Israel's and India's defence ministries, their suffixes not protected here: the admin's to judge.
            Policy policy = Policy.parse("domains: mod.gov.il, mod.gov.in");

            assertThat(policy.warnings()).as("once a pair").hasSize(1).first().asString()
                .contains("'mod.gov.il' is a near miss of mod.gov.in (gov.il for gov.in)");
            assertThat(Policy.parse("suffixes: gov.il, gov.in; domains: mod.gov.il, mod.gov.in").warnings())
                .as("each under a protected suffix of its own").isEmpty();
            assertThat(Policy.parse("suffixes: mil; domains: army.mil, navy.mil, army.com").warnings()).isEmpty();
        }

        @Test
        void toleratesLineBreaksTabsAndIndentationAsJamesHandsThemOver() throws Exception {
            // James turns each newline or tab of the XML attribute into one space and keeps the indentation.
            Policy policy = Policy.parse("   suffixes: mil gov ;     domains:  army.mil ,  navy.mil ;   ");

            assertThat(policy.detector().check("navy.ml").nearest()).contains("navy.mil");
        }

        @Test
        void defaultsToBalancedWithEveryTechnique() throws Exception {
            Policy policy = Policy.parse("domains: army.mil");

            assertThat(policy.sensitivity()).isEqualTo(Sensitivity.BALANCED);
            assertThat(policy.enabledTechniques()).containsExactlyInAnyOrderElementsOf(Techniques.NAMES).hasSize(16);
        }

        @Test
        void aListOfNamedTechniquesSwitchesOnOnlyThose() throws Exception {
            Policy policy = Policy.parse("domains: army.mil; techniques: suffix-edit homoglyph");

            assertThat(policy.enabledTechniques()).containsExactlyInAnyOrder("suffix-edit", "homoglyph");
            assertThat(policy.detector().check("amry.mil").kind()).isEqualTo(Verdict.Kind.CLEAN);
        }

        @Test
        void acceptsUnicodeNames() throws Exception {
            // "défense.gouv.fr" has U+00E9 LATIN SMALL LETTER E WITH ACUTE
            Policy policy = Policy.parse("domains: défense.gouv.fr");

            assertThat(policy.detector().check("xn--dfense-bva.gouv.fr").kind()).isEqualTo(Verdict.Kind.PROTECTED);
        }

        @Test
        void loadsTextAndGovCsvLists(@TempDir Path dir) throws Exception {
            Path text = Files.writeString(dir.resolve("mil.txt"), "# .mil names\narmy.mil\n\nnavy.mil  # sea\n");
            Path csv = Files.writeString(dir.resolve("gov.csv"),
                "Domain name,Domain type,Organization name\nNSA.GOV,Federal,\"National Security Agency, The\"\nnasa.gov,Federal,NASA\n");

            Policy policy = Policy.parse("suffixes: mil gov; lists: " + text + ", " + csv);

            assertThat(policy.lists()).hasSize(2);
            assertThat(policy.lists().get(0).domains()).containsExactlyInAnyOrder("army.mil", "navy.mil");
            assertThat(policy.lists().get(1).domains()).containsExactlyInAnyOrder("nsa.gov", "nasa.gov");
            assertThat(policy.detector().check("nsa.gov").kind()).isEqualTo(Verdict.Kind.PROTECTED);
            assertThat(policy.detector().check("navy.ml").nearest()).contains("navy.mil");
        }
    }

    @Nested
    class OptionalLists {

        @Test
        void aMissingOptionalListIsReportedNotFatal() throws Exception {
            Policy policy = Policy.parse("suffixes: mil; lists: ?/nonexistent/extra.txt");

            assertThat(policy.lists()).isEmpty();
            assertThat(policy.missingOptionalLists()).containsExactly("/nonexistent/extra.txt");
        }

        @Test
        void aPresentOptionalListIsLoaded(@TempDir Path dir) throws Exception {
            Path file = Files.writeString(dir.resolve("extra.txt"), "army.mil\n");

            assertThat(Policy.parse("lists: ?" + file).lists()).hasSize(1);
        }
    }

    @Nested
    class BadConditions {

        @ParameterizedTest(name = "\"{0}\" fails with a message naming \"{1}\"")
        @CsvSource(delimiter = '|', value = {
            "''                                         | protects nothing",
            "sensitivity: balanced                      | protects nothing",
            "sufixes: mil                               | unknown clause 'sufixes'",
            "mil, gov                                   | clause 'mil, gov' has no ':'",
            "domains: army.mil; domains: navy.mil       | clause 'domains' appears twice",
            "domains: ;                                 | clause 'domains' has no values",
            "domains: army..mil                         | clause 'domains': 'army..mil' is",
            "suffixes: xn--zz                           | clause 'suffixes': 'xn--zz' is",
            "suffixes: mil, ml, gov                     | clause 'suffixes': 'ml' is a near miss of the protected suffix 'mil'",
            "suffixes: gov, gv                          | clause 'suffixes': 'gv' is under no real top-level domain",
            "suffixes: mil, gov.ukk                     | clause 'suffixes': 'gov.ukk' is under no real top-level domain ('ukk' is none)",
            "suffixes: gov; known: defense.gov, defense.gv | clause 'known': 'defense.gv' is a near miss of defense.gov (gv for gov), under no real top-level domain ('gv' is none)",
            "domains: army.mil; known: hq.army.mi       | clause 'known': 'hq.army.mi' is a near miss of army.mil (mi for mil), under no real",
            "suffixes: mil; known: ml                   | clause 'known': 'ml' is a top-level domain, not a name",
            "domains: army.mil, MIL.                    | clause 'domains': 'mil' is a top-level domain, not a name",
            "domains: army.mil; sensitivity: extreme    | unknown sensitivity 'extreme'",
            "domains: army.mil; sensitivity: strict lax | clause 'sensitivity' takes one value",
            "domains: army.mil; techniques: -teleport   | unknown technique 'teleport'",
            "domains: army.mil; lists: /nonexistent/x.txt | list file '/nonexistent/x.txt' does not exist",
            "domains: army.mil; learn: yes              | clause 'learn' takes one value, on or off (e.g. 'learn: on'), not 'yes'",
            "domains: army.mil; learn: on off           | clause 'learn' takes one value",
            "domains: army.mil; learnThreshold: 3 days  | clause 'learnThreshold' is given but learning is off",
            "domains: army.mil; learn: on; learnThreshold: 3 dayz | clause 'learnThreshold': unknown unit 'dayz'",
            "domains: army.mil; learn: on; learnThreshold: 100 days | clause 'learnThreshold': days and senders must be between 1 and 64",
            "domains: army.mil; learn: on; learnThreshold: 0 days idle | clause 'learnThreshold': idle days must be at least 1",
            "suffixes: mil; allow: navy.com, ml              | clause 'allow': 'ml' is a bare public suffix or top-level name",
            "suffixes: mil; allow: MIL.                      | clause 'allow': 'MIL.' is a bare public suffix or top-level name",
            "suffixes: mil, gov.uk; allow: gov.uk            | clause 'allow': 'gov.uk' is a bare public suffix",
            "domains: mod.gov.uk; allow: gov.uk              | clause 'allow': 'gov.uk' is a bare public suffix",
            "domains: army.mil; allow: co.uk                 | clause 'allow': 'co.uk' is a bare public suffix",
            "domains: army.mil; allow: com.ml                | clause 'allow': 'com.ml' is a bare public suffix",
            "domains: army.mil; allow: gouv.ml               | clause 'allow': 'gouv.ml' is a bare public suffix",
            "domains: army.mil; allow: army                  | clause 'allow': 'army' is a bare public suffix or top-level name",
        })
        void failWithAMessageNamingTheBadPart(String condition, String message) {
            assertThatThrownBy(() -> Policy.parse(condition))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining(message);
        }
    }

    @Nested
    class Learning {
        private final LearnedNames learned = LearnedNames.of(java.util.List.of("lockheedmartin.com", "baesystems.com"));

        @Test
        void isOffByDefaultAndOnWithTheDefaultThresholdOrTheGivenOne() throws PolicyException {
            assertThat(Policy.parse("domains: army.mil").learning()).isEmpty();
            assertThat(Policy.parse("domains: army.mil; learn: off").learning()).isEmpty();
            assertThat(Policy.parse("domains: army.mil; learn: on").learning().orElseThrow().toString())
                .isEqualTo(LearningRule.defaults().toString());
            LearningRule rule = Policy.parse("domains: army.mil; learn: on; learnThreshold: 3 days, 2 senders, 30 days idle")
                .learning().orElseThrow();
            assertThat(rule.days()).isEqualTo(3);
            assertThat(rule.senders()).isEqualTo(2);
            assertThat(rule.forgetAfter()).isEqualTo(java.time.Duration.ofDays(30));
            assertThat(Policy.parse("domains: army.mil; learn: on; learnThreshold: 2 senders").learning().orElseThrow().senders())
                .isEqualTo(2);
        }

        @Test
        void aNearMissOfALearnedNameIsALookalikeWithTheSuggestion() throws PolicyException {
            Policy policy = Policy.parse("suffixes: mil; domains: army.mil; learn: on");

            Verdict verdict = policy.check("lockheedmartn.com", learned);

            assertThat(verdict.isLookalike()).isTrue();
            assertThat(verdict.nearest()).contains("lockheedmartin.com");
            assertThat(verdict.suggestion()).contains("lockheedmartin.com");
            assertThat(verdict.techniques()).startsWith("learned-name");
            assertThat(verdict.score()).isGreaterThanOrEqualTo(policy.detector().minScore());
            assertThat(verdict.explanation()).contains("a domain this organisation writes to");
        }

        @Test
        void learnedNamesAndNamesUnderThemAreNeverFlaggedByLearning() throws PolicyException {
            Policy policy = Policy.parse("suffixes: mil; domains: army.mil; learn: on");

            assertThat(policy.check("lockheedmartin.com", learned).kind()).isEqualTo(Verdict.Kind.CLEAN);
            assertThat(policy.check("mail.lockheedmartin.com", learned).explanation())
                .contains("under the learned name lockheedmartin.com");
        }

        @Test
        void theProtectedRulesAndTheAllowClauseStillApply() throws PolicyException {
            Policy policy = Policy.parse("suffixes: mil; domains: army.mil; allow: lockheedmartn.com; learn: on");
            LearnedNames withALookalike = LearnedNames.of(java.util.List.of("army.ml", "lockheedmartin.com"));

            assertThat(policy.check("army.ml", withALookalike).isLookalike()).as("a protected name's look-alike").isTrue();
            assertThat(policy.check("army.mil", withALookalike).kind()).isEqualTo(Verdict.Kind.PROTECTED);
            assertThat(policy.check("lockheedmartn.com", withALookalike).isLookalike()).as("allowed").isFalse();
        }

        @Test
        void withLearningOffLearnedNamesAreNotConsulted() throws PolicyException {
            Policy policy = Policy.parse("suffixes: mil; domains: army.mil");

            assertThat(policy.check("lockheedmartn.com", learned).isLookalike()).isFalse();
        }

        @Test
        void theMinimumScoreAppliesToLearnedNamesToo() throws PolicyException {
            Policy policy = Policy.parse("suffixes: mil; domains: army.mil; learn: on");
            int score = policy.check("lockheedmartn.com", learned).score();

            assertThat(policy.withMinScore(score + 1).check("lockheedmartn.com", learned).isLookalike()).isFalse();
            assertThat(policy.withMinScore(score).check("lockheedmartn.com", learned).isLookalike()).isTrue();
        }
    }

    @Nested
    class OneIndexForSeveralBands {

        @Test
        void conditionsThatDifferOnlyByTheirMinimumScoreShareAKey() throws PolicyException {
            String bounce = "suffixes: mil; domains: army.mil; minScore: 75";
            String confirm = "domains:army.mil;suffixes:mil";

            assertThat(Policy.sharingKey(bounce)).isEqualTo(Policy.sharingKey("suffixes: mil; domains: army.mil"));
            assertThat(Policy.sharingKey(confirm)).isNotEqualTo(Policy.sharingKey(bounce)); // clause order counts
            assertThat(Policy.minScoreOf(bounce)).contains(75);
            assertThat(Policy.minScoreOf("suffixes: mil")).isEmpty();
        }

        @Test
        void aPolicyWithAnotherMinimumScoreSharesTheIndex() throws PolicyException {
            Policy shared = Policy.parse("suffixes: mil; domains: army.mil");
            Policy strict = shared.withMinScore(75);

            assertThat(strict.detector().names()).isSameAs(shared.detector().names());
            assertThat(strict.detector().minScore()).isEqualTo(75);
            assertThat(shared.detector().check("dhq.mil").kind()).isEqualTo(strict.detector().check("dhq.mil").kind());
            assertThat(strict.detector().check("army.ml").isLookalike()).isTrue();
        }
    }
}
