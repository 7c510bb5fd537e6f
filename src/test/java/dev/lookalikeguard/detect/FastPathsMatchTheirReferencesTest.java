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

    @Test
    void asciiNamesWithPunycodeLabelsAreParsedAsTheTwoIcuPassesParseThem() {
        Random random = new Random(2);
        String unicodeLetters = "abcdemnorsxаеорсԁѕіјɡοƖ0-éüßàçнαβ·\u200d\u0301٣ا";
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder name = new StringBuilder();
            int labels = 1 + random.nextInt(4);
            for (int l = 0; l < labels; l++) {
                if (l > 0) {
                    name.append('.');
                }
                name.append(randomLabel(random, unicodeLetters));
            }
            String ascii = name.toString();
            if (DomainName.plainAscii(ascii) != null || !ascii.chars().allMatch(c -> c < 0x80)) {
                continue;
            }
            boolean isValid = assertSameAsTheTwoPasses(ascii);
            valid += isValid ? 1 : 0;
            invalid += isValid ? 0 : 1;
        }
        assertThat(valid).as("valid names among those compared").isGreaterThan(2_000);
        assertThat(invalid).as("invalid names among those compared").isGreaterThan(2_000);
    }

    /** The limits only ICU's pass to ASCII checks, at and just beyond them: 63 and 64 characters a label, 253 and 254 a name. */
    @ParameterizedTest
    @ValueSource(ints = {63, 64})
    void anXnLabelAsLongAsUts46AllowsAndOneLonger(int length) {
        String label = "";
        for (int letters = 1; label.length() < length; letters++) {
            label = dev.lookalikeguard.detect.name.Idna.toAscii("ä" + "a".repeat(letters)).name();
        }
        assertThat(label).hasSize(length);
        assertSameAsTheTwoPasses(label + ".com", length == 63);
    }

    @ParameterizedTest
    @ValueSource(ints = {253, 254})
    void aNameAsLongAsUts46AllowsAndOneLonger(int length) {
        StringBuilder name = new StringBuilder("xn--80ak6aa92e");
        while (name.length() < length) {
            int letters = Math.min(40, length - name.length() - 1);
            name.append('.').append("a".repeat(letters));
        }
        assertThat(name).hasSize(length);
        assertSameAsTheTwoPasses(name.toString(), length == 253);
    }

    private static void assertSameAsTheTwoPasses(String name, boolean valid) {
        assertThat(assertSameAsTheTwoPasses(name)).as(name + " valid by the two passes").isEqualTo(valid);
    }

    /** Whether the two passes parse the name (and the one pass parses it as they do, or refuses it as they do). */
    private static boolean assertSameAsTheTwoPasses(String name) {
        String reference;
        try {
            DomainName parsed = DomainName.parseThroughIcu(name);
            reference = parsed.ascii() + " " + parsed.unicode();
        } catch (InvalidDomainException e) {
            reference = null;
        }
        DomainName fast = DomainName.aceInOnePass(name);
        assertThat(fast == null ? null : fast.ascii() + " " + fast.unicode()).as(name).isEqualTo(reference);
        return reference != null;
    }

    /** A label as mail may carry it: plain, an xn-- label encoded by ICU (maybe upper case or cut), or broken. */
    private static String randomLabel(Random random, String unicodeLetters) {
        switch (random.nextInt(6)) {
            case 0:
                return randomString(random, ANY_ASCII.replace(".", ""), 1 + random.nextInt(random.nextInt(20) == 0 ? 80 : 12));
            case 1:
                return "xn--" + randomString(random, "abcdefghijklmnopqrstuvwxyz0123456789-", random.nextInt(12));
            default:
                String unicode = randomString(random, unicodeLetters, 1 + random.nextInt(random.nextInt(15) == 0 ? 70 : 10));
                String encoded = dev.lookalikeguard.detect.name.Idna.toAscii(unicode).name();
                encoded = encoded.isEmpty() ? "xn--" : encoded;
                int edit = random.nextInt(5);
                if (edit == 0) {
                    return encoded.toUpperCase(java.util.Locale.ROOT);
                }
                if (edit == 1 && encoded.length() > 5) {
                    return encoded.substring(0, encoded.length() - 1);
                }
                return encoded;
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
