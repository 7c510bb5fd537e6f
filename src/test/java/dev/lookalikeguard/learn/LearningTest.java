package dev.lookalikeguard.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.lookalikeguard.detect.Detector;
import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.name.VisualName;
import dev.lookalikeguard.detect.score.Finding;

class LearningTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Correspondent written(String domain, int days, int senders) {
        Correspondent record = null;
        for (int d = 0; d < days; d++) {
            for (int s = 0; s < senders; s++) {
                Correspondent one = Correspondent.delivery(domain, "user" + s + "@guard.test", NOW.minus(Duration.ofDays(d)));
                record = record == null ? one : record.merge(one);
            }
        }
        return record;
    }

    @Nested
    class Rule {

        @Test
        void parsesItsPartsInAnyOrderAndKeepsDefaultsForTheOthers() {
            LearningRule rule = LearningRule.parse("8 senders, 20 days");

            assertThat(rule.days()).isEqualTo(20);
            assertThat(rule.senders()).isEqualTo(8);
            assertThat(rule.forgetAfter()).isEqualTo(Duration.ofDays(LearningRule.DEFAULT_IDLE_DAYS));
            assertThat(LearningRule.parse("3 days, 2 senders, 30 days idle").forgetAfter()).isEqualTo(Duration.ofDays(30));
        }

        @Test
        void refusesWhatItCannotRead() {
            assertThatThrownBy(() -> LearningRule.parse("15 dayz")).hasMessageContaining("unknown unit 'dayz'");
            assertThatThrownBy(() -> LearningRule.parse("many days")).hasMessageContaining("'many' is not a whole number");
            assertThatThrownBy(() -> LearningRule.parse("100 days")).hasMessageContaining("between 1 and 64");
            assertThatThrownBy(() -> LearningRule.parse("0 days idle")).hasMessageContaining("idle days");
        }

        @Test
        void oneCarelessMailNeverMakesANameFamiliar() {
            LearningRule rule = LearningRule.parse("3 days, 2 senders");

            assertThat(rule.learns(written("partner.com", 1, 1), NOW)).isFalse();
            assertThat(rule.learns(written("partner.com", 2, 5), NOW)).isFalse();
            assertThat(rule.learns(written("partner.com", 5, 1), NOW)).isFalse();
            assertThat(rule.learns(written("partner.com", 3, 2), NOW)).isTrue();
        }

        @Test
        void daysOutsideTheWindowNoLongerCountAndPinnedNamesAlwaysDo() {
            LearningRule rule = LearningRule.parse("3 days, 2 senders, 30 days idle");
            Correspondent old = written("partner.com", 3, 2);

            assertThat(rule.learns(old, NOW.plus(Duration.ofDays(27)))).isTrue();
            assertThat(rule.learns(old, NOW.plus(Duration.ofDays(31)))).isFalse();
            assertThat(rule.learns(old.withPinned(true), NOW.plus(Duration.ofDays(400)))).isTrue();
            assertThat(rule.obsolete(old, NOW.plus(Duration.ofDays(61)))).isTrue();
        }
    }

    @Nested
    class Records {

        @Test
        void surviveTheirStoredForm() {
            Correspondent record = written("partner.com", 4, 3).withPinned(true);

            Correspondent back = Correspondent.decode(record.encode());

            assertThat(back.encode()).isEqualTo(record.encode());
            assertThat(back.distinctDays()).isEqualTo(4);
            assertThat(back.distinctSenders()).isEqualTo(3);
            assertThat(back.recipients()).isEqualTo(12);
            assertThat(back.pinned()).isTrue();
            assertThatThrownBy(() -> Correspondent.decode("partner.com 1 2")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void mergeWhatSeveralNodesSawAndStaySmall() {
            Correspondent a = written("partner.com", 40, 1);
            Correspondent b = written("partner.com", 70, 2);

            Correspondent merged = a.merge(b);

            assertThat(merged.distinctDays()).isEqualTo(Correspondent.MAX_TRACKED);
            assertThat(merged.distinctSenders()).isEqualTo(2);
            assertThat(merged.recipients()).isEqualTo(40 + 140);
            assertThat(merged.encode()).doesNotContain("user0@guard.test");
        }
    }

    @Test
    void aBufferLosesNothingBetweenManyWritersAndADrainer() throws Exception {
        DeliveryBuffer buffer = new DeliveryBuffer();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        long[] counted = new long[1];
        List<Future<?>> written = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            written.add(writers.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    buffer.record("d" + (i % 50) + ".com", "s" + thread + "@guard.test", NOW);
                }
            }));
        }
        for (int round = 0; round < 200; round++) {
            buffer.drain().values().forEach(r -> counted[0] += r.recipients());
        }
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (Future<?> writer : written) {
            writer.get(); // a writer that failed says why, instead of a short count
        }
        Map<String, Correspondent> rest = buffer.drain();
        rest.values().forEach(r -> counted[0] += r.recipients());

        assertThat(counted[0]).isEqualTo(20_000);
    }

    @Nested
    class Names {
        private final LearnedNames learned = LearnedNames.of(List.of("lockheedmartin.com", "baesystems.com", "nato.int",
            "google.com", "google.de", "google.fr", "partner-mail.example"));

        private Optional<Finding> check(String domain) throws Exception {
            return learned.examine(DomainName.parse(domain));
        }

        @Test
        void examiningADomainKnownNotToBeLearnedGivesTheSameFindingWithoutTheLookUp() throws Exception {
            for (String domain : List.of("lockheedmartn.com", "baesysterns.com", "lockheedmartin.co", "example.org")) {
                Optional<Finding> whole = check(domain);
                Optional<Finding> unlearned = learned.examineUnlearned(DomainName.parse(domain));

                assertThat(unlearned.map(Finding::nearest)).as(domain).isEqualTo(whole.map(Finding::nearest));
                assertThat(unlearned.map(Finding::techniques)).as(domain).isEqualTo(whole.map(Finding::techniques));
                assertThat(unlearned.map(Finding::score)).as(domain).isEqualTo(whole.map(Finding::score));
            }
            assertThat(check("lockheedmartn.com")).isPresent();
            assertThat(check("mail.lockheedmartin.com")).isEmpty();
        }

        /**
         * The mail path reads a domain once: the detector cuts it by the protected names (and fills its labels'
         * keys), then the learned names cut the same reading by theirs. That must find what a reading of its own
         * finds, for plain and internationalised names, near a protected name or a learned one.
         */
        @Test
        void aDomainAsTheDetectorReadItGivesTheSameFindingAsOneReadAfresh() throws Exception {
            Detector detector = Detector.builder().protectSuffix("mil").protectSuffix("gov").protectDomain("army.mil")
                .protectDomain("lockheed.mil").build();
            // With a name under a private suffix (github.io): the learned index cuts there, the detector at io.
            LearnedNames withPrivateSuffix = LearnedNames.of(List.of("lockheedmartin.com", "baesystems.com", "nato.int", "google.com",
                "google.de", "google.fr", "lockheedmartin.github.io"));
            // \u043e is CYRILLIC SMALL LETTER O.
            for (String domain : List.of("lockheedmartn.com", "mail.baesysterns.com", "lockheedmartin.co", "l\u043eckheedmartin.com",
                "g\u043e\u043egle.de", "goog1e.fr", "nato.in", "armv.mil", "lockheed-martin.com", "example.org",
                "lockheedmartn.github.io", "l\u043eckheedmartin.github.io")) {
                DomainName name = DomainName.parse(domain);
                VisualName read = name.read();
                detector.check(name, read);
                Optional<Finding> shared = withPrivateSuffix.examineUnlearned(name, read);
                Optional<Finding> afresh = withPrivateSuffix.examineUnlearned(DomainName.parse(domain));

                assertThat(shared.map(Finding::nearest)).as(domain).isEqualTo(afresh.map(Finding::nearest));
                assertThat(shared.map(Finding::techniques)).as(domain).isEqualTo(afresh.map(Finding::techniques));
                assertThat(shared.map(Finding::score)).as(domain).isEqualTo(afresh.map(Finding::score));
                assertThat(shared.map(Finding::explanation)).as(domain).isEqualTo(afresh.map(Finding::explanation));
            }
            assertThat(withPrivateSuffix.examineUnlearned(DomainName.parse("l\u043eckheedmartin.com"))).isPresent();
            assertThat(withPrivateSuffix.examineUnlearned(DomainName.parse("lockheedmartn.github.io"))).isPresent();
            DomainName other = DomainName.parse("navy.mil");
            assertThatThrownBy(() -> withPrivateSuffix.examineUnlearned(other, DomainName.parse("army.mil").read()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("army.mil is not a reading of navy.mil");
            assertThatThrownBy(() -> detector.check(other, DomainName.parse("army.mil").read()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("army.mil is not a reading of navy.mil");
        }

        @Test
        void aLearnedNameIsFamiliarAndNeverALookalike() throws Exception {
            assertThat(learned.covering("lockheedmartin.com")).contains("lockheedmartin.com");
            assertThat(learned.covering("mail.lockheedmartin.com")).contains("lockheedmartin.com");
            assertThat(check("lockheedmartin.com")).isEmpty();
        }

        @Test
        void aNearMissOfALearnedNameIsOne() throws Exception {
            Finding typo = check("lockheedmartn.com").orElseThrow();
            Finding suffix = check("lockheedmartin.co").orElseThrow();

            assertThat(typo.nearest()).isEqualTo("lockheedmartin.com");
            assertThat(typo.techniques()).containsExactly(LearnedNames.TECHNIQUE, "omission");
            assertThat(typo.explanation()).contains("a domain this organisation writes to");
            assertThat(suffix.techniques()).containsExactly(LearnedNames.TECHNIQUE, "suffix-edit");
            assertThat(check("baesysterns.com").orElseThrow().nearest()).isEqualTo("baesystems.com");
        }

        @Test
        void aBrandUnderAnotherCountryOrAWordAddedIsNot() throws Exception {
            assertThat(check("google.es")).isEmpty();
            assertThat(check("lockheedmartin-careers.com")).isEmpty();
            assertThat(check("lockheedmartin.de")).isEmpty();
        }

        @Test
        void scoresLowerThanTheSameMistakeOfAListedName() throws Exception {
            dev.lookalikeguard.detect.Detector listed = dev.lookalikeguard.detect.Detector.builder()
                .protectDomain("lockheedmartin.com").build();

            assertThat(check("lockheedmartn.com").orElseThrow().score())
                .isLessThan(listed.check("lockheedmartn.com").score());
        }
    }
}
