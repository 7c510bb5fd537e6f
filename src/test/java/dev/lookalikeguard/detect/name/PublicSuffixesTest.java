package dev.lookalikeguard.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.google.common.net.InternetDomainName;
import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;

/**
 * {@link PublicSuffixes} reads Guava's compiled Public Suffix List tables ({@code PublicSuffixPatterns}, a
 * {@code @Beta} internal of Guava with no compatibility promise) directly. This checks it against Guava's public
 * {@link InternetDomainName} on every rule of those tables (each exact, wildcard and exception rule, the name itself and
 * names one and two labels under it; registry suffixes and, for {@link PublicSuffixes#publicSuffixStrictlyAbove},
 * the private section too), so a Guava that changes the tables' shape or meaning fails here, not in
 * production. {@code ReferencesTest} checks hand-picked names.
 */
class PublicSuffixesTest {

    @Test
    void everyRuleOfGuavasTablesGivesInternetDomainNamesAnswers() {
        Set<String> rules = new TreeSet<>();
        rules.addAll(PublicSuffixPatterns.EXACT.keySet());
        rules.addAll(PublicSuffixPatterns.UNDER.keySet());
        rules.addAll(PublicSuffixPatterns.EXCLUDED.keySet());
        List<String> differences = new ArrayList<>();
        int checked = 0;
        for (String rule : rules) {
            for (String name : List.of(rule, "x." + rule, "a.b." + rule)) {
                InternetDomainName guava;
                try {
                    guava = InternetDomainName.from(name);
                } catch (IllegalArgumentException notAName) {
                    continue;
                }
                String canonical = guava.toString();
                boolean registrySuffix = PublicSuffixes.isRegistrySuffix(canonical);
                String above = PublicSuffixes.registrySuffixStrictlyAbove(canonical).orElse(null);
                String guavaAbove = guava.isUnderRegistrySuffix() ? guava.registrySuffix().toString() : null;
                String publicAbove = PublicSuffixes.publicSuffixStrictlyAbove(canonical).orElse(null);
                String guavaPublicAbove = guava.isUnderPublicSuffix() ? guava.publicSuffix().toString() : null;
                if (registrySuffix != guava.isRegistrySuffix() || !Objects.equals(above, guavaAbove)
                    || !Objects.equals(publicAbove, guavaPublicAbove)) {
                    differences.add(canonical + ": registry suffix " + registrySuffix + " (Guava " + guava.isRegistrySuffix()
                        + "), under " + above + " (Guava " + guavaAbove + "), under public suffix " + publicAbove
                        + " (Guava " + guavaPublicAbove + ")");
                }
                checked++;
            }
        }

        assertThat(differences).as("names where PublicSuffixes and Guava's InternetDomainName differ").isEmpty();
        assertThat(checked).as("names checked").isGreaterThan(3 * 9_000 - 100);
    }
}
