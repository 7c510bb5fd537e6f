package dev.lookalikeguard.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.google.common.net.InternetDomainName;
import com.ibm.icu.text.SpoofChecker;

/**
 * The engine's own look-ups give the answers of the references they stand in for: Guava's Public Suffix
 * List (whose compiled tables, a {@code @Beta} internal of Guava, {@link PublicSuffixes} reads directly), and
 * ICU's UTS #39 confusables (which {@link Glyphs#fold} builds on).
 */
class ReferencesTest {

    @Test
    void registrySuffixesAreGuavas() {
        List<String> names = List.of("army.ml", "ml", "gov.uk", "mod.gov.uk", "mod.uk", "www.nhs.uk", "nhs.uk", "foo.ck",
            "www.ck", "a.b.foo.ck", "city.kawasaki.jp", "x.city.kawasaki.jp", "kawasaki.jp", "gov", "army.mil",
            "blogspot.com", "a.blogspot.com", "mil.co", "army.mil.co", "gv", "a.gv", "com", "example.co.uk", "co.uk",
            "xn--rmy-5cd.mil", "foo.xn--p1ai", "justice.gov.il", "bbc.co.uk", "s3.amazonaws.com", "a.b.c.d.e.f.com",
            "africom.agency", "dfas.shop", "nhs.uk", "police.uk", "army.mod.uk");
        for (String name : names) {
            InternetDomainName guava = InternetDomainName.from(name);
            assertThat(PublicSuffixes.isRegistrySuffix(name)).as(name).isEqualTo(guava.isRegistrySuffix());
            assertThat(PublicSuffixes.registrySuffixStrictlyAbove(name).orElse(null)).as(name)
                .isEqualTo(guava.isUnderRegistrySuffix() ? guava.registrySuffix().toString() : null);
        }
    }

    @Test
    void everyLetterWhoseConfusableSkeletonIsOneAsciiLetterFoldsToIt() {
        SpoofChecker checker = new SpoofChecker.Builder().build();
        int checked = 0;
        for (int cp = 0x80; cp < 0x3000; cp++) {
            if (!Character.isLetter(cp)) {
                continue;
            }
            String character = new String(Character.toChars(cp));
            String skeleton = checker.getSkeleton(character.toLowerCase(Locale.ROOT)).toLowerCase(Locale.ROOT);
            if (skeleton.length() == 1 && skeleton.charAt(0) >= 'a' && skeleton.charAt(0) <= 'z') {
                assertThat(Glyphs.fold(character)).as("U+%04X %s", cp, character).isEqualTo(skeleton);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(200);
    }
}
