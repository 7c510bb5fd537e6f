package dev.lookalikeguard.detect;

import java.util.Optional;

import com.google.common.net.InternetDomainName;

/** The ICANN section of the Public Suffix List, as compiled into Guava. */
public final class PublicSuffixes {
    private PublicSuffixes() {
    }

    /** Whether {@code name} (ASCII) is itself a registry suffix such as {@code ml}, {@code gov.uk} or {@code com}. */
    public static boolean isRegistrySuffix(String name) {
        try {
            return InternetDomainName.from(name).isRegistrySuffix();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The registry suffix that {@code name} is strictly under, e.g. gov.uk for mod.gov.uk; empty if none. */
    public static Optional<String> registrySuffixStrictlyAbove(String name) {
        try {
            InternetDomainName parsed = InternetDomainName.from(name);
            if (!parsed.isUnderRegistrySuffix()) {
                return Optional.empty();
            }
            return Optional.of(parsed.registrySuffix().toString());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
