package dev.lookalikeguard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.memory.MailRepositoryStoreConfiguration;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryStore;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryUrlStore;
import org.apache.james.mailrepository.memory.SimpleMailRepositoryLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfirmationsTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String SENDER = "colonel@guard.test";

    private MutableClock clock;
    private Confirmations confirmations;

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        MemoryMailRepositoryStore store = new MemoryMailRepositoryStore(new MemoryMailRepositoryUrlStore(),
            new SimpleMailRepositoryLoader(), MailRepositoryStoreConfiguration.forItems(new MailRepositoryStoreConfiguration.Item(
                List.of(new Protocol("memory")), "org.apache.james.mailrepository.memory.MemoryMailRepository",
                new BaseHierarchicalConfiguration())));
        store.init();
        clock = new MutableClock();
        confirmations = new Confirmations(store, clock);
    }

    private String issue() throws Exception {
        return confirmations.issue(SECRET, "Mail1", "memory://var/mail/quarantine", "j.doe@army.ml", SENDER, Duration.ofDays(7));
    }

    @Test
    void aTokenIsRandomWellFormedAndFoundInASubject() throws Exception {
        String first = issue();
        String second = issue();

        assertThat(first).matches("[a-z2-7]{20}\\.[a-z2-7]{20}").isNotEqualTo(second);
        assertThat(Confirmations.tokenIn("Re: Message held [release " + first + "]")).contains(first);
        assertThat(Confirmations.tokenIn("Re: no token")).isEmpty();
    }

    @Test
    void theOriginalAuthenticatedSenderRedeemsItOnce() throws Exception {
        String token = issue();

        Confirmations.Result first = confirmations.redeem(SECRET, token, SENDER, Optional.of(SENDER));
        Confirmations.Result replay = confirmations.redeem(SECRET, token, SENDER, Optional.of(SENDER));

        assertThat(first.outcome()).isEqualTo(Confirmations.Outcome.OK);
        assertThat(first.grant().orElseThrow().recipient()).isEqualTo("j.doe@army.ml");
        assertThat(replay.outcome()).isEqualTo(Confirmations.Outcome.UNKNOWN);
    }

    @Test
    void refusalsDoNotSpendTheToken() throws Exception {
        String token = issue();
        String tampered = token.substring(0, 21) + (token.charAt(21) == 'a' ? 'b' : 'a') + token.substring(22);

        assertThat(confirmations.redeem(SECRET, tampered, SENDER, Optional.of(SENDER)).outcome())
            .isEqualTo(Confirmations.Outcome.TAMPERED);
        assertThat(confirmations.redeem("another secret of some length", token, SENDER, Optional.of(SENDER)).outcome())
            .isEqualTo(Confirmations.Outcome.TAMPERED);
        assertThat(confirmations.redeem(SECRET, token, "major@guard.test", Optional.of("major@guard.test")).outcome())
            .isEqualTo(Confirmations.Outcome.WRONG_SENDER);
        assertThat(confirmations.redeem(SECRET, token, SENDER, Optional.empty()).outcome())
            .isEqualTo(Confirmations.Outcome.NOT_AUTHENTICATED);
        assertThat(confirmations.redeem(SECRET, token, SENDER, Optional.of("major@guard.test")).outcome())
            .isEqualTo(Confirmations.Outcome.NOT_AUTHENTICATED);
        assertThat(confirmations.redeem(SECRET, "zzzzzzzzzzzzzzzzzzzz.zzzzzzzzzzzzzzzzzzzz", SENDER, Optional.of(SENDER)).outcome())
            .isEqualTo(Confirmations.Outcome.UNKNOWN);

        assertThat(confirmations.redeem(SECRET, token, SENDER, Optional.of(SENDER)).outcome()).isEqualTo(Confirmations.Outcome.OK);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String token = issue();
        clock.now = clock.now.plus(Duration.ofDays(8));

        assertThat(confirmations.redeem(SECRET, token, SENDER, Optional.of(SENDER)).outcome())
            .isEqualTo(Confirmations.Outcome.EXPIRED);
    }

    @Test
    void rememberedPairsExpire() throws Exception {
        confirmations.remember(SENDER, "army.ml", Duration.ofHours(1));

        assertThat(confirmations.remembered("COLONEL@guard.test", "army.ml")).isTrue();
        assertThat(confirmations.remembered(SENDER, "navy.ml")).isFalse();
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertThat(confirmations.remembered(SENDER, "army.ml")).isFalse();
    }
}
