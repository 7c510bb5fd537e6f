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

class PolicyTest {

    @Nested
    class GoodConditions {

        @Test
        void readsEveryClause() throws Exception {
            Policy policy = Policy.parse("suffixes: mil, gov; domains: army.mil; known: nsa.gov; allow: gouv.ml;"
                + " sensitivity: paranoid; techniques: all -bit-flip");

            assertThat(policy.sensitivity()).isEqualTo(Sensitivity.PARANOID);
            assertThat(policy.enabledTechniques()).doesNotContain("bit-flip").contains("homoglyph");
            assertThat(policy.detector().check("army.ml").kind()).isEqualTo(Verdict.Kind.LOOKALIKE);
            assertThat(policy.detector().check("gouv.ml").kind()).isEqualTo(Verdict.Kind.CLEAN);
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
            "domains: army.mil; sensitivity: extreme    | unknown sensitivity 'extreme'",
            "domains: army.mil; sensitivity: strict lax | clause 'sensitivity' takes one value",
            "domains: army.mil; techniques: -teleport   | unknown technique 'teleport'",
            "domains: army.mil; lists: /nonexistent/x.txt | list file '/nonexistent/x.txt' does not exist",
        })
        void failWithAMessageNamingTheBadPart(String condition, String message) {
            assertThatThrownBy(() -> Policy.parse(condition))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining(message);
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
