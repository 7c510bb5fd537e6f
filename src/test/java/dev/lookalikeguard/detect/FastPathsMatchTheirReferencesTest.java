package dev.lookalikeguard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.common.net.InternetDomainName;

/** The shortcuts taken for speed give the answers of ICU and Guava they stand in for. */
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

    @Test
    void asciiSkeletonsAreIcuSkeletons() {
        Random random = new Random(2);
        for (int i = 0; i < 20_000; i++) {
            String text = randomString(random, ASCII.toLowerCase() + "rnmwvvcl0o1il", 1 + random.nextInt(25));
            String fast = Skeletons.asciiSkeleton(text);
            assertThat(fast).as(text).isNotNull().isEqualTo(Skeletons.icu(text));
        }
    }

    @Test
    void registrySuffixesAreGuavas() {
        List<String> names = List.of("army.ml", "ml", "gov.uk", "mod.gov.uk", "mod.uk", "www.nhs.uk", "nhs.uk", "foo.ck",
            "www.ck", "a.b.foo.ck", "city.kawasaki.jp", "x.city.kawasaki.jp", "kawasaki.jp", "gov", "army.mil",
            "blogspot.com", "a.blogspot.com", "mil.co", "army.mil.co", "gv", "a.gv", "com", "example.co.uk", "co.uk",
            "xn--rmy-5cd.mil", "foo.xn--p1ai", "justice.gov.il", "bbc.co.uk", "s3.amazonaws.com", "a.b.c.d.e.f.com");
        for (String name : names) {
            InternetDomainName guava = InternetDomainName.from(name);
            assertThat(PublicSuffixes.isRegistrySuffix(name)).as(name).isEqualTo(guava.isRegistrySuffix());
            assertThat(PublicSuffixes.registrySuffixStrictlyAbove(name).orElse(null)).as(name)
                .isEqualTo(guava.isUnderRegistrySuffix() ? guava.registrySuffix().toString() : null);
        }
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
