package dev.lookalikeguard.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import dev.lookalikeguard.state.DeployedMatcher;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.state.LookalikeAttributes;
import dev.lookalikeguard.state.RecipientVerdict;
import dev.lookalikeguard.state.RecipientVerdicts;
import dev.lookalikeguard.testing.MemoryStores;

class RecipientIsLookalikeTest {

    private static RecipientIsLookalike matcher(String condition) throws Exception {
        RecipientIsLookalike matcher = new RecipientIsLookalike(MemoryStores.registry());
        matcher.init(FakeMatcherConfig.builder().matcherName("RecipientIsLookalike").condition(condition).build());
        return matcher;
    }

    private static final String CONDITION = "suffixes: mil, gov; domains: army.mil, defense.gov";

    @Nested
    class Matching {

        @Test
        void returnsOnlyTheLookalikeRecipients() throws Exception {
            FakeMail mail = FakeMail.builder().name("m1")
                .recipients("a@army.mil", "b@army.ml", "c@gmail.com", "d@defnese.gov").build();

            assertThat(matcher(CONDITION).match(mail))
                .containsExactly(new MailAddress("b@army.ml"), new MailAddress("d@defnese.gov"));
        }

        @Test
        void recordsEachStoppedRecipientsVerdict() throws Exception {
            FakeMail mail = FakeMail.builder().name("m1").recipients("a@army.mil", "b@army.ml").build();

            matcher(CONDITION).match(mail);

            RecipientVerdicts verdicts = RecipientVerdicts.recordedOn(mail);
            assertThat(verdicts.asMap()).containsOnlyKeys(new MailAddress("b@army.ml"));
            RecipientVerdict verdict = verdicts.forRecipient(new MailAddress("b@army.ml")).orElseThrow();
            assertThat(verdict.status()).isEqualTo(RecipientVerdict.Status.LOOKALIKE);
            assertThat(verdict.nearest()).contains("army.mil");
            assertThat(verdict.suggestion()).contains("army.mil");
            assertThat(verdict.techniques()).containsExactly("suffix-edit");
            assertThat(verdict.score()).isBetween(90, 100);
            assertThat(verdict.explanation()).contains("army.ml looks like army.mil");
        }

        @Test
        void matchesARepeatedRecipientOnce() throws Exception {
            FakeMail mail = FakeMail.builder().name("m1").recipients("b@army.ml", "b@army.ml").build();

            assertThat(matcher(CONDITION).match(mail)).containsExactly(new MailAddress("b@army.ml"));
        }

        @Test
        void doesNotMatchAMailReleasedFromTheQuarantine() throws Exception {
            FakeMail mail = FakeMail.builder().name("m1").recipients("b@army.ml")
                .attribute(new Attribute(LookalikeAttributes.RELEASED, AttributeValue.of(true))).build();

            assertThat(matcher(CONDITION).match(mail)).isEmpty();
        }

        @Test
        void matchesNothingOnACleanMail() throws Exception {
            FakeMail mail = FakeMail.builder().name("m1").recipients("a@army.mil", "c@gmail.com").build();

            assertThat(matcher(CONDITION).match(mail)).isEmpty();
            assertThat(mail.getAttribute(LookalikeAttributes.VERDICTS)).isEmpty();
        }

        @Test
        void ignoresAddressLiterals() throws Exception {
            FakeMail mail = FakeMail.builder().name("m1").recipients("user@[192.0.2.1]").build();

            assertThat(matcher(CONDITION).match(mail)).isEmpty();
        }
    }

    /** One matcher per score band: conditions that differ only by minScore share one parsed index. */
    @Nested
    class OneIndexForSeveralBands {
        private final GuardRegistry registry;

        OneIndexForSeveralBands() throws Exception {
            registry = MemoryStores.registry();
        }

        private RecipientIsLookalike deploy(String condition) throws Exception {
            RecipientIsLookalike matcher = new RecipientIsLookalike(registry);
            matcher.init(FakeMatcherConfig.builder().matcherName("RecipientIsLookalike").condition(condition).build());
            return matcher;
        }

        @Test
        void twoMatchersThatDifferOnlyByMinScoreShareTheirNamesAndIndexes() throws Exception {
            RecipientIsLookalike certainAndLikely = deploy(CONDITION + "; minScore: 75");
            RecipientIsLookalike possible = deploy(" suffixes: mil,  gov;\n    domains: army.mil defense.gov ");

            assertThat(possible.deployed().policy().detector().names())
                .isSameAs(certainAndLikely.deployed().policy().detector().names());
            assertThat(possible.deployed().sharesIndexWith()).contains("RecipientIsLookalike #1");
            assertThat(certainAndLikely.deployed().minScore()).isEqualTo(75);
            assertThat(possible.deployed().minScore()).as("the sensitivity's").isEqualTo(60);
        }

        @Test
        void eachCallsLookalikesFromItsOwnScore() throws Exception {
            RecipientIsLookalike possible = deploy(CONDITION);
            RecipientIsLookalike certainAndLikely = deploy(CONDITION + "; minScore: 75");
            // army.com: suffix-swap, score 71
            FakeMail mail = FakeMail.builder().name("m1").recipients("a@army.com", "b@army.ml").build();

            assertThat(certainAndLikely.match(mail)).containsExactly(new MailAddress("b@army.ml"));
            assertThat(possible.match(mail)).containsExactly(new MailAddress("a@army.com"), new MailAddress("b@army.ml"));
            assertThat(certainAndLikely.deployed().policy().detector().names())
                .isSameAs(possible.deployed().policy().detector().names());
            assertThat(possible.deployed().minScore()).isEqualTo(60);
        }

        @Test
        void otherConditionsGetTheirOwnIndex() throws Exception {
            RecipientIsLookalike army = deploy(CONDITION);
            RecipientIsLookalike navy = deploy("suffixes: mil; domains: navy.mil; minScore: 75");
            RecipientIsLookalike strict = deploy(CONDITION + "; sensitivity: strict");

            assertThat(navy.deployed().policy().detector().names()).isNotSameAs(army.deployed().policy().detector().names());
            assertThat(strict.deployed().policy().detector().names()).isNotSameAs(army.deployed().policy().detector().names());
            assertThat(registry.matchers()).extracting(DeployedMatcher::name)
                .containsExactly("RecipientIsLookalike #1", "RecipientIsLookalike #2", "RecipientIsLookalike #3");
        }
    }

    @Nested
    class Configuration {

        @Test
        void aBadConditionFailsInitNamingTheBadPart() {
            assertThatThrownBy(() -> matcher("sufixes: mil"))
                .isInstanceOf(LookalikeConfigurationError.class)
                .hasMessageContaining("RecipientIsLookalike: bad condition: unknown clause 'sufixes'");
        }

        @Test
        void anEmptyConditionFailsInit() {
            assertThatThrownBy(() -> matcher(""))
                .isInstanceOf(LookalikeConfigurationError.class)
                .hasMessageContaining("protects nothing");
        }
    }
}
