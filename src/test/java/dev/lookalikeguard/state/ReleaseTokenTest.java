package dev.lookalikeguard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReleaseTokenTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String SENDER = "colonel@guard.test";
    private static final String RECIPIENT = "j.doe@army.ml";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final HeldKey KEY = HeldKey.of(HeldKey.newMailId(NOW), 0, SENDER, HeldKey.Kind.CONFIRM, "army.ml", "army.mil");

    private static ReleaseToken issued() {
        return ReleaseToken.issue(SECRET, KEY, RECIPIENT, SENDER, NOW.plus(Duration.ofDays(7)));
    }

    private static ReleaseToken inSubject(String token) {
        return ReleaseToken.in("Re: Message held: did you mean army.mil? [release " + token + "]").orElseThrow();
    }

    @Nested
    class Reading {

        @Test
        void isReadBackFromAReplysSubjectInAnyCase() {
            ReleaseToken token = inSubject(issued().asString().toUpperCase());

            assertThat(token.heldKey()).isEqualTo(KEY);
            assertThat(token.expires()).isEqualTo(NOW.plus(Duration.ofDays(7)));
            assertThat(token.check(SECRET, RECIPIENT, SENDER, SENDER, NOW)).isEqualTo(ReleaseToken.Check.VALID);
        }

        @Test
        void aSubjectWithoutAWellFormedTokenHasNone() {
            assertThat(ReleaseToken.in("Re: Message held")).isEmpty();
            assertThat(ReleaseToken.in("[release abcdefghijklmnopqrst.abcdefghijklmnopqrst]")).isEmpty();
            assertThat(ReleaseToken.in(null)).isEmpty();
        }
    }

    @Nested
    class Checking {

        @Test
        void anyChangeIsDetected() {
            String token = issued().asString();
            String otherMac = token.substring(0, token.length() - 1) + (token.endsWith("a") ? "b" : "a");
            String laterExpiry = KEY.asString() + "." + Base32.fixed(NOW.plus(Duration.ofDays(30)).getEpochSecond(), 7)
                + token.substring(token.lastIndexOf('.'));
            HeldKey otherKey = HeldKey.of(HeldKey.newMailId(NOW), 0, SENDER, HeldKey.Kind.CONFIRM, "army.ml", "army.mil");
            String otherHeld = otherKey.asString() + token.substring(KEY.asString().length());

            assertThat(inSubject(otherMac).check(SECRET, RECIPIENT, SENDER, SENDER, NOW)).isEqualTo(ReleaseToken.Check.TAMPERED);
            assertThat(inSubject(laterExpiry).check(SECRET, RECIPIENT, SENDER, SENDER, NOW)).isEqualTo(ReleaseToken.Check.TAMPERED);
            assertThat(inSubject(otherHeld).check(SECRET, RECIPIENT, SENDER, SENDER, NOW)).isEqualTo(ReleaseToken.Check.TAMPERED);
        }

        @Test
        void isBoundToTheHeldRecipientAndSender() {
            ReleaseToken token = issued();

            assertThat(token.check(SECRET, "k.roe@navy.ml", SENDER, SENDER, NOW)).isEqualTo(ReleaseToken.Check.TAMPERED);
            assertThat(token.check(SECRET, RECIPIENT, "major@guard.test", "major@guard.test", NOW))
                .isEqualTo(ReleaseToken.Check.TAMPERED);
            assertThat(token.check("another secret of 32 characters!", RECIPIENT, SENDER, SENDER, NOW))
                .isEqualTo(ReleaseToken.Check.TAMPERED);
        }

        @Test
        void onlyTheOriginalSenderMayUseIt() {
            assertThat(issued().check(SECRET, RECIPIENT, SENDER, "major@guard.test", NOW))
                .isEqualTo(ReleaseToken.Check.WRONG_SENDER);
            assertThat(issued().check(SECRET, RECIPIENT, SENDER, "COLONEL@guard.test", NOW)).isEqualTo(ReleaseToken.Check.VALID);
        }

        @Test
        void expires() {
            assertThat(issued().check(SECRET, RECIPIENT, SENDER, SENDER, NOW.plus(Duration.ofDays(7))))
                .isEqualTo(ReleaseToken.Check.VALID);
            assertThat(issued().check(SECRET, RECIPIENT, SENDER, SENDER, NOW.plus(Duration.ofDays(7)).plusSeconds(1)))
                .isEqualTo(ReleaseToken.Check.EXPIRED);
        }
    }
}
