package dev.lookalikeguard.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlyphsTest {

    @Nested
    class Folding {

        @ParameterizedTest(name = "{0} reads as {1}")
        @CsvSource({
            "аrmy, army",   // U+0430 CYRILLIC SMALL LETTER A
            "norǎɗ, norad", // U+01CE A WITH CARON, U+0257 D WITH HOOK (no decomposition: by its Unicode name)
            "aʀmy, army",   // U+0280 LATIN LETTER SMALL CAPITAL R
            "ụscoŭrts, uscourts", // U+1EE5 U WITH DOT BELOW, U+016D U WITH BREVE
            "fţᴄ, ftc",     // U+0163 T WITH CEDILLA, U+1D04 LATIN LETTER SMALL CAPITAL C
            "мік, mik",     // U+043C CYRILLIC EM and U+043A KA read as small capitals M and K, U+0456 as i
        })
        void readsUnicodeAsTheAsciiItLooksLike(String text, String reading) {
            assertThat(Glyphs.fold(text)).isEqualTo(reading);
        }

        @Test
        void leavesPlainAsciiAloneAndLowerCasesIt() {
            String ascii = "army-mil.com";
            assertThat(Glyphs.fold(ascii)).isSameAs(ascii);
            assertThat(Glyphs.fold("ARMY.MIL")).isEqualTo("army.mil");
        }

        @Test
        void keepsWhatHasNoLatinReading() {
            assertThat(Glyphs.fold("例え")).isEqualTo("例え");
            assertThat(Glyphs.fold("л")).isEqualTo("л"); // U+043B CYRILLIC SMALL LETTER EL
        }
    }

    @Nested
    class Keys {

        @ParameterizedTest(name = "{0} and {1} share a key")
        @CsvSource({
            "arrny, army", "m0d, mod", "p0l1ce, police", "vvhitehousc, whitehouse", "clod, dod",
            "ciod, dod", "africorr, africom", "africonn, africom", "rnil, mil", "qov, gov", "8ov, 8ov",
        })
        void glyphLookAlikesShareAKey(String typed, String meant) {
            assertThat(Glyphs.key(typed)).isEqualTo(Glyphs.key(meant));
        }

        @Test
        void differentLettersKeepDifferentKeys() {
            assertThat(Glyphs.key("navy")).isNotEqualTo(Glyphs.key("army"));
            assertThat(Glyphs.key("guv")).isNotEqualTo(Glyphs.key("gov"));
        }

        /** The table the alignment reads glyph pairs from holds what the pair list says, for every ASCII triple. */
        @Test
        void glyphPairsAreReadAsThePairListSays() {
            for (char one = 0; one < 128; one++) {
                for (char first = 0; first < 160; first++) {
                    for (char second = 0; second < 160; second++) {
                        if (Glyphs.readsAs(first, second, one) != Glyphs.readsAsByPairs(first, second, one)) {
                            assertThat(Glyphs.readsAs(first, second, one)).as("%c%c as %c", first, second, one)
                                .isEqualTo(Glyphs.readsAsByPairs(first, second, one));
                        }
                    }
                }
            }
            assertThat(Glyphs.readsAs('r', 'n', 'm')).isEqualTo(1);
            assertThat(Glyphs.readsAs('c', 'i', 'd')).isEqualTo(2);
        }

        /** What the alignment skips on: no pair reads as anything unless both its characters and the target take part in one. */
        @Test
        void aPairReadsAsNothingUnlessItsCharactersTakePartInPairs() {
            for (char one = 0; one < 160; one++) {
                for (char first = 0; first < 160; first++) {
                    for (char second = 0; second < 160; second++) {
                        if (Glyphs.readsAs(first, second, one) != 0 && !(Glyphs.takesPartInPairs(first)
                            && Glyphs.takesPartInPairs(second) && Glyphs.isDoubleTarget(one))) {
                            assertThat(Glyphs.readsAs(first, second, one)).as("%c%c as %c", first, second, one).isZero();
                        }
                    }
                }
            }
            assertThat(Glyphs.takesPartInPairs('r') && Glyphs.takesPartInPairs('n') && Glyphs.isDoubleTarget('m')).isTrue();
        }

        @Test
        void aLabelWithNothingToMapIsItsOwnKey() {
            String label = "army";
            assertThat(Glyphs.key(label)).isSameAs(label);
        }
    }
}
