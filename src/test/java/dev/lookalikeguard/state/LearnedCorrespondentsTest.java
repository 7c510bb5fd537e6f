package dev.lookalikeguard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.lookalikeguard.learn.Correspondent;
import dev.lookalikeguard.learn.LearningRule;
import dev.lookalikeguard.testing.BreakableStore;
import dev.lookalikeguard.testing.MemoryStores;
import dev.lookalikeguard.testing.TestClock;

class LearnedCorrespondentsTest {
    private static final LearningRule RULE = LearningRule.parse("2 days, 2 senders, 30 days idle");

    private final TestClock clock = new TestClock();
    private BreakableStore store;
    private LearnedCorrespondents learning;

    @BeforeEach
    void setUp() throws Exception {
        store = new BreakableStore(MemoryStores.repositoryStore());
        learning = new LearnedCorrespondents(store, clock);
    }

    @AfterEach
    void tearDown() {
        store.repair();
        learning.stop();
    }

    /** Two senders on two days: just at the threshold. */
    private void writeTwiceOnTwoDays(String domain) {
        learning.record(domain, "a@guard.test");
        clock.advance(Duration.ofDays(1));
        learning.record(domain, "b@guard.test");
    }

    @Nested
    class Off {

        @Test
        void recordsNothingAndLearnsNothingUntilAMatcherSwitchesItOn() throws Exception {
            writeTwiceOnTwoDays("partner.com");

            assertThat(learning.isOn()).isFalse();
            assertThat(learning.pending()).isZero();
            assertThat(learning.snapshot().size()).isZero();
            assertThat(learning.flush()).isZero();
        }

        @Test
        void oneRulePerServer() {
            learning.enable(RULE, "RecipientIsLookalike #1");
            learning.enable(LearningRule.parse("2 senders, 2 days, 30 days idle"), "RecipientIsLookalike #2");

            assertThatThrownBy(() -> learning.enable(LearningRule.defaults(), "RecipientIsLookalike #3"))
                .hasMessageContaining("differs from the threshold of RecipientIsLookalike #1")
                .hasMessageContaining("2 days, 2 senders, 30 days idle");
        }
    }

    @Nested
    class Flushing {

        @BeforeEach
        void on() {
            learning.enable(RULE, "RecipientIsLookalike #1");
        }

        @Test
        void aNameIsLearnedAtTheThresholdOnceFlushedAndNotBelowIt() throws Exception {
            learning.record("partner.com", "a@guard.test");
            learning.record("partner.com", "b@guard.test");
            learning.flush();
            assertThat(learning.snapshot().names()).isEmpty();

            clock.advance(Duration.ofDays(1));
            learning.record("partner.com", "a@guard.test");
            assertThat(learning.snapshot().names()).as("not before the flush").isEmpty();
            assertThat(learning.flush()).isEqualTo(1);

            assertThat(learning.snapshot().names()).containsExactly("partner.com");
            Correspondent record = learning.record("partner.com").orElseThrow();
            assertThat(record.recipients()).isEqualTo(3);
            assertThat(record.distinctDays()).isEqualTo(2);
            assertThat(record.distinctSenders()).isEqualTo(2);
        }

        @Test
        void aFailedFlushPutsTheBatchBackAndTheNextOneWritesItOnce() throws Exception {
            writeTwiceOnTwoDays("partner.com");
            learning.record("other.org", "a@guard.test");
            store.breakDown();

            assertThat(learning.flush()).isZero();
            assertThat(learning.pending()).isEqualTo(2);
            assertThat(learning.snapshot().names()).isEmpty();

            store.repair();
            assertThat(learning.flush()).isEqualTo(2);
            assertThat(learning.pending()).isZero();
            assertThat(learning.snapshot().names()).containsExactly("partner.com");
            assertThat(learning.record("partner.com").orElseThrow().recipients()).isEqualTo(2);
        }

        @Test
        void aFlushThatFailsHalfwayPutsBackOnlyWhatWasNotWritten() throws Exception {
            learning.record("a.com", "x@guard.test");
            learning.record("b.com", "x@guard.test");
            learning.record("c.com", "x@guard.test");
            store.failAfter(1);

            assertThat(learning.flush()).isEqualTo(1);
            assertThat(learning.pending()).isEqualTo(2);

            store.repair();
            assertThat(learning.flush()).isEqualTo(2);
            assertThat(learning.records()).extracting(Correspondent::domain).containsExactly("a.com", "b.com", "c.com");
            assertThat(learning.records()).allSatisfy(record -> assertThat(record.recipients()).isEqualTo(1));
        }

        @Test
        void stoppingWritesWhatIsBuffered() throws Exception {
            writeTwiceOnTwoDays("partner.com");

            learning.stop();

            LearnedCorrespondents afterRestart = new LearnedCorrespondents(store, clock);
            afterRestart.enable(RULE, "RecipientIsLookalike #1");
            assertThat(afterRestart.snapshot().names()).containsExactly("partner.com");
            afterRestart.stop();
        }

        @Test
        void theBackgroundFlushRunsOnItsInterval() throws Exception {
            learning.intervals(Duration.ofMillis(50), Duration.ofMinutes(5));
            writeTwiceOnTwoDays("partner.com");

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> learning.snapshot().names().contains("partner.com"));
            assertThat(learning.pending()).isZero();
        }
    }

    @Nested
    class Refreshing {

        @Test
        void anotherNodesDeliveriesReachThisNodeAtTheNextRefresh() throws Exception {
            LearnedCorrespondents otherNode = new LearnedCorrespondents(store, clock);
            learning.enable(RULE, "RecipientIsLookalike #1");
            otherNode.enable(RULE, "RecipientIsLookalike #1");

            otherNode.record("partner.com", "a@guard.test");
            learning.record("partner.com", "b@guard.test");
            clock.advance(Duration.ofDays(1));
            otherNode.record("partner.com", "a@guard.test");
            otherNode.flush();
            learning.flush();
            assertThat(otherNode.snapshot().names()).as("its own records are not refreshed yet").isEmpty();

            otherNode.refresh();
            assertThat(otherNode.snapshot().names()).containsExactly("partner.com");
            otherNode.stop();
        }

        @Test
        void aFailedRefreshKeepsTheLearnedNames() throws Exception {
            learning.enable(RULE, "RecipientIsLookalike #1");
            learning.pin("partner.com");
            store.breakDown();

            assertThatThrownBy(learning::refresh).isInstanceOf(javax.mail.MessagingException.class);
            assertThat(learning.snapshot().names()).containsExactly("partner.com");
        }

        @Test
        void namesNobodyWritesToAnyMoreAreForgottenAndLongIdleRecordsDropped() throws Exception {
            learning.enable(RULE, "RecipientIsLookalike #1");
            writeTwiceOnTwoDays("partner.com");
            learning.flush();
            assertThat(learning.snapshot().names()).containsExactly("partner.com");

            clock.advance(Duration.ofDays(31));
            learning.refresh();
            assertThat(learning.snapshot().names()).isEmpty();
            assertThat(learning.record("partner.com")).isPresent();

            clock.advance(Duration.ofDays(30));
            learning.refresh();
            assertThat(learning.record("partner.com")).isEmpty();
        }

        @Test
        void aStoreDownAtStartUpStartsWithNoLearnedNameAndCatchesUpLater() throws Exception {
            new LearnedCorrespondents(store, clock).pin("partner.com");
            store.breakDown();

            learning.enable(RULE, "RecipientIsLookalike #1");
            assertThat(learning.snapshot().names()).isEmpty();

            store.repair();
            learning.refresh();
            assertThat(learning.snapshot().names()).containsExactly("partner.com");
        }
    }

    @Nested
    class Admin {

        @BeforeEach
        void on() {
            learning.enable(RULE, "RecipientIsLookalike #1");
        }

        @Test
        void aPinnedNameIsLearnedAtOnceWhateverItsCounts() throws Exception {
            learning.record("partner.com", "a@guard.test");

            Correspondent pinned = learning.pin("partner.com");

            assertThat(pinned.pinned()).isTrue();
            assertThat(learning.snapshot().names()).containsExactly("partner.com");
            assertThat(learning.record("partner.com").orElseThrow().recipients()).isEqualTo(1);
        }

        @Test
        void aForgottenNameMustBeLearnedAgainFromNothing() throws Exception {
            writeTwiceOnTwoDays("partner.com");
            learning.flush();
            learning.record("partner.com", "c@guard.test");

            assertThat(learning.forget("partner.com")).isTrue();
            assertThat(learning.snapshot().names()).isEmpty();
            assertThat(learning.record("partner.com")).as("nor what was still buffered").isEmpty();
            assertThat(learning.forget("partner.com")).isFalse();

            learning.record("partner.com", "a@guard.test");
            learning.flush();
            assertThat(learning.snapshot().names()).isEmpty();
        }

        @Test
        void seedingPinsEveryNameOnce() throws Exception {
            learning.pin("b.com");

            assertThat(learning.seed(java.util.List.of("a.com", "b.com", "c.com", "a.com"))).isEqualTo(2);

            assertThat(learning.snapshot().names()).containsExactlyInAnyOrder("a.com", "b.com", "c.com");
        }
    }
}
