package dev.lookalikeguard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HeldKeyTest {
    private static final Instant HELD = Instant.parse("2026-11-23T12:00:00.123Z");

    private static HeldKey key(String sender, String domain, String nearest) {
        return HeldKey.of(HeldKey.newMailId(HELD), 0, sender, HeldKey.Kind.CONFIRM, domain, nearest);
    }

    @Nested
    class Format {

        @Test
        void roundTripsThroughItsString() {
            HeldKey key = key("colonel@guard.test", "mail.army.ml", "army.mil");

            HeldKey parsed = HeldKey.parse(key.asString()).orElseThrow();

            assertThat(parsed).isEqualTo(key);
            assertThat(parsed.heldSince()).isEqualTo(HELD);
            assertThat(parsed.kind()).isEqualTo(HeldKey.Kind.CONFIRM);
            assertThat(parsed.mailId()).isEqualTo(key.mailId()).hasSize(17);
            assertThat(key.asString()).matches("h1-[a-z2-7]{17}-[a-z2-7]{3}-[a-z2-7]{7}-c[a-z2-7]+");
        }

        @Test
        void staysShortEnoughForAFileNameWhateverTheNames() {
            HeldKey key = key("x".repeat(64) + "@" + "a".repeat(60) + ".example", "a.b.c.d.e.f.g.h.i.j.army.ml",
                "k.l.m.n.army.mil");

            assertThat(key.asString().length()).isLessThanOrEqualTo(91);
            assertThat(key.asString()).endsWith("+");
            assertThat(key.mayConcern("anything.example")).as("too many names: read the entry to know").isTrue();
        }

        @Test
        void sortsByHoldingTime() {
            String earlier = HeldKey.of(HeldKey.newMailId(HELD), 0, "", HeldKey.Kind.ADMIN, "army.ml", "army.mil").asString();
            String later = HeldKey.of(HeldKey.newMailId(HELD.plusMillis(1)), 0, "", HeldKey.Kind.ADMIN, "army.ml", "army.mil")
                .asString();

            assertThat(earlier).isLessThan(later);
        }

        @Test
        void otherKeysAreNotHeldKeys() {
            assertThat(HeldKey.parse("Mail1796176487093-65693d73-f9d9-4188-9b22-cc8f9fdd788b")).isEmpty();
            assertThat(HeldKey.parse("h1-short")).isEmpty();
        }
    }

    @Nested
    class Filters {

        @Test
        void mayConcernTheRecipientDomainTheNameItResemblesAndTheirParents() {
            HeldKey key = key("colonel@guard.test", "mail.army.ml", "army.mil");

            assertThat(key.mayConcern("mail.army.ml")).isTrue();
            assertThat(key.mayConcern("ARMY.ML")).isTrue();
            assertThat(key.mayConcern("ml")).isTrue();
            assertThat(key.mayConcern("army.mil")).isTrue();
            assertThat(key.mayConcern("mil")).isTrue();
            assertThat(key.mayConcern("navy.mil")).isFalse();
            assertThat(key.mayConcern("other.army.ml")).isFalse();
        }

        @Test
        void mayBeFromItsSenderInAnyCase() {
            HeldKey key = key("Colonel@Guard.Test", "army.ml", "army.mil");

            assertThat(key.mayBeFrom("colonel@guard.test")).isTrue();
            assertThat(key.mayBeFrom("major@guard.test")).isFalse();
        }
    }
}
