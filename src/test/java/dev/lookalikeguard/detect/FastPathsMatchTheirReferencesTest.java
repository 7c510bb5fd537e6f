package dev.lookalikeguard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shortcut taken for speed in parsing gives the answers of ICU it stands in for. */
class FastPathsMatchTheirReferencesTest {
    private static final String ASCII = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-.";
    private static final String ANY_ASCII = ASCII + "_ !#$%&'*+/=?^`{|}~";

    @Test
    void plainAsciiHostNamesAreCanonicalisedAsUts46Does() {
        Random random = new Random(1);
        for (int i = 0; i < 50_000; i++) {
            String name = randomString(random, i % 3 == 0 ? ANY_ASCII : ASCII, 1 + random.nextInt(i % 100 == 0 ? 300 : 30));
            String fast = DomainName.plainAscii(name);
            if (fast != null) {
                String reference;
                try {
                    reference = DomainName.icuAscii(name);
                } catch (InvalidDomainException e) {
                    reference = "invalid: " + e.getMessage();
                }
                assertThat(fast).as(name).isEqualTo(reference);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xn--rmy-5cd.mil", "ab--cd.com", "-army.mil", "army-.mil", "a..b", "under_score.gov"})
    void namesThatNeedIcuAreLeftToIt(String name) {
        assertThat(DomainName.plainAscii(name)).isNull();
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
