package dev.lookalikeguard.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class RegistrableTest {

    @Test
    void namesCompareAsTheirStringsDo() {
        // '-' sorts before '.', and '.' before digits and letters: where the label ends matters.
        assertSameOrder(new Registrable("a-b", "mil", false, false), new Registrable("a", "mil", false, false));
        assertSameOrder(new Registrable("a", "b.mil", false, false), new Registrable("a0", "mil", false, false));
        assertSameOrder(new Registrable("army", "mil", false, false), new Registrable("army", "mil.uk", false, false));
        assertSameOrder(new Registrable("gov", "", true, false), new Registrable("gov", "uk", true, false));
        assertSameOrder(new Registrable("a.b", "", true, false), new Registrable("a", "b", true, false));
        Registrable same = new Registrable("navy", "mil", false, false);
        assertThat(same.compareName(new Registrable("navy", "mil", true, false))).isZero();
    }

    @Test
    void randomNamesCompareAsTheirStringsDo() {
        Random random = new Random(3);
        String alphabet = "ab-.0";
        for (int i = 0; i < 20_000; i++) {
            Registrable one = new Registrable(RandomText.of(random, alphabet, 1 + random.nextInt(4)),
                RandomText.of(random, alphabet, random.nextInt(4)), false, false);
            Registrable other = new Registrable(RandomText.of(random, alphabet, 1 + random.nextInt(4)),
                RandomText.of(random, alphabet, random.nextInt(4)), false, false);
            assertSameOrder(one, other);
        }
    }

    private static void assertSameOrder(Registrable one, Registrable other) {
        assertThat(Integer.signum(one.compareName(other))).as("%s against %s", one.name(), other.name())
            .isEqualTo(Integer.signum(one.name().compareTo(other.name())));
        assertThat(Integer.signum(other.compareName(one))).as("%s against %s", other.name(), one.name())
            .isEqualTo(Integer.signum(other.name().compareTo(one.name())));
    }
}
