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
    class Learning {
        private static final String LEARNING = CONDITION + "; learn: on; learnThreshold: 2 days, 2 senders";
        private GuardRegistry registry;

        @org.junit.jupiter.api.BeforeEach
        void setUp() throws Exception {
            registry = MemoryStores.registry();
        }

        @org.junit.jupiter.api.AfterEach
        void tearDown() {
            registry.learning().stop();
        }

        private RecipientIsLookalike deploy(String condition) throws Exception {
            RecipientIsLookalike matcher = new RecipientIsLookalike(registry);
            matcher.init(FakeMatcherConfig.builder().matcherName("RecipientIsLookalike").condition(condition).build());
            return matcher;
        }

        @Test
        void aNearMissOfALearnedNameIsMatchedWithItsOwnTechniqueAndTheSuggestion() throws Exception {
            RecipientIsLookalike matcher = deploy(LEARNING);
            registry.learning().pin("lockheedmartin.com");
            FakeMail mail = FakeMail.builder().name("m1")
                .recipients("a@lockheedmartin.com", "b@lockheedmartn.com", "c@army.ml", "d@gmail.com").build();

            assertThat(matcher.match(mail)).containsExactly(new MailAddress("b@lockheedmartn.com"), new MailAddress("c@army.ml"));
            RecipientVerdict verdict = RecipientVerdicts.recordedOn(mail).forRecipient(new MailAddress("b@lockheedmartn.com"))
                .orElseThrow();
            assertThat(verdict.techniques()).startsWith("learned-name");
            assertThat(verdict.suggestion()).contains("lockheedmartin.com");
        }

        @Test
        void learningIsOffByDefaultAndLearnedNamesThenChangeNothing() throws Exception {
            RecipientIsLookalike matcher = deploy(CONDITION);
            registry.learning().pin("lockheedmartin.com");

            assertThat(registry.learning().isOn()).isFalse();
            assertThat(matcher.match(FakeMail.builder().name("m1").recipients("b@lockheedmartn.com").build())).isEmpty();
        }

        @Test
        void matchersWithDifferentThresholdsStopStartUpNamingLearnThreshold() throws Exception {
            deploy(LEARNING);

            assertThatThrownBy(() -> deploy("suffixes: mil; domains: navy.mil; learn: on"))
                .isInstanceOf(LookalikeConfigurationError.class)
                .hasMessageContaining("RecipientIsLookalike: bad condition: clause 'learnThreshold': '15 days, 8 senders, "
                    + "180 days idle' differs from the threshold of RecipientIsLookalike #1");
        }

        @Test
        void aBadThresholdStopsStartUpWithOneLine() {
            assertThatThrownBy(() -> deploy(CONDITION + "; learn: on; learnThreshold: 2 weeks"))
                .isInstanceOf(LookalikeConfigurationError.class)
                .hasMessage("RecipientIsLookalike: bad condition: clause 'learnThreshold': unknown unit 'weeks'; expected "
                    + "e.g. '15 days, 8 senders, 180 days idle'");
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
