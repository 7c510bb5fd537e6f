package dev.lookalikeguard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.testing.MemoryStores;
import dev.lookalikeguard.testing.TestClock;

/** The run-time allow-list and the remembered senders: read by key, expiring, purged. */
class RunTimeStateTest {
    /** The guard's remember as configured in these tests. */
    private static final Duration REMEMBER = Duration.ofDays(365);
    private MemoryMailRepositoryStore store;
    private TestClock clock;

    @BeforeEach
    void setUp() throws Exception {
        store = MemoryStores.repositoryStore();
        clock = new TestClock();
    }

    private long size(String path) throws Exception {
        return store.select(MailRepositoryUrl.fromPathAndProtocol(store.defaultProtocol().orElseThrow(),
            org.apache.james.mailrepository.api.MailRepositoryPath.from(path))).size();
    }

    @Nested
    class AllowList {

        @Test
        void allowsTheDomainAndWhatIsUnderIt() throws Exception {
            RuntimeAllowList allowList = new RuntimeAllowList(store, clock);
            allowList.add("Partner.ML", "test");

            assertThat(allowList.allowing("partner.ml")).contains("partner.ml");
            assertThat(allowList.allowing("mail.partner.ml")).contains("partner.ml");
            assertThat(allowList.allowing("other.ml")).isEmpty();
        }

        @Test
        void anEntryMayExpireAndIsThenPurged() throws Exception {
            RuntimeAllowList allowList = new RuntimeAllowList(store, clock);
            allowList.add("partner.ml", "for a week", Optional.of(Duration.ofDays(7)));
            allowList.add("forever.ml", "no expiry");

            clock.advance(Duration.ofDays(8));

            assertThat(allowList.allowing("partner.ml")).isEmpty();
            assertThat(allowList.allowing("forever.ml")).contains("forever.ml");
            assertThat(allowList.purgeExpired()).isEqualTo(1);
            assertThat(allowList.list()).extracting(RuntimeAllowList.Entry::domain).containsExactly("forever.ml");
        }

        @Test
        void refusesABarePublicSuffix() {
            RuntimeAllowList allowList = new RuntimeAllowList(store, clock);

            assertThatThrownBy(() -> allowList.add("gov.uk", "no")).isInstanceOf(InvalidDomainException.class);
        }
    }

    @Nested
    class Remembered {

        @Test
        void remembersAPairUntilItExpires() throws Exception {
            RememberedSenders remembered = new RememberedSenders(store, clock);
            remembered.remember("Colonel@Guard.Test", "army.ml", Duration.ofDays(30));

            assertThat(remembered.isRemembered("colonel@guard.test", "ARMY.ML", REMEMBER)).isTrue();
            assertThat(remembered.isRemembered("major@guard.test", "army.ml", REMEMBER)).isFalse();
            assertThat(remembered.isRemembered("colonel@guard.test", "navy.ml", REMEMBER)).isFalse();

            clock.advance(Duration.ofDays(31));
            assertThat(remembered.isRemembered("colonel@guard.test", "army.ml", REMEMBER)).isFalse();
            assertThat(size(RememberedSenders.PATH)).as("an expired pair is removed when read").isZero();
        }

        @Test
        void expiredPairsArePurged() throws Exception {
            RememberedSenders remembered = new RememberedSenders(store, clock);
            remembered.remember("a@guard.test", "army.ml", Duration.ofDays(1));
            remembered.remember("b@guard.test", "army.ml", Duration.ofDays(10));

            clock.advance(Duration.ofDays(2));

            assertThat(remembered.purgeExpired()).isEqualTo(1);
            assertThat(size(RememberedSenders.PATH)).isEqualTo(1);
            assertThat(remembered.isRemembered("b@guard.test", "army.ml", REMEMBER)).isTrue();
        }
    }
}
