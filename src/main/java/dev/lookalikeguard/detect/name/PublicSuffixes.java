package dev.lookalikeguard.detect.name;

import java.util.Optional;

import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;
import com.google.thirdparty.publicsuffix.PublicSuffixType;

/**
 * The ICANN ("registry") section of the Public Suffix List, as compiled into Guava. Same answers as
 * Guava's {@code InternetDomainName.isRegistrySuffix()} and {@code registrySuffix()}, but looked up
 * directly in Guava's tables on an already validated name, without re-parsing it on every call.
 */
public final class PublicSuffixes {
    private static final int NONE = -1;

    private PublicSuffixes() {
    }

    /** Whether {@code name} (canonical ASCII) is itself a registry suffix such as {@code ml}, {@code gov.uk} or {@code com}. */
    public static boolean isRegistrySuffix(String name) {
        return registrySuffixStart(name) == 0;
    }

    /** The registry suffix that {@code name} is strictly under, e.g. gov.uk for mod.gov.uk; empty if none. */
    public static Optional<String> registrySuffixStrictlyAbove(String name) {
        int start = registrySuffixStart(name);
        return start > 0 ? Optional.of(name.substring(start)) : Optional.empty();
    }

    /**
     * The public suffix that {@code name} is strictly under, the Public Suffix List's private section included
     * (dynv6.net, github.io: a name under them is registered by whoever asks their operator); empty if none.
     */
    public static Optional<String> publicSuffixStrictlyAbove(String name) {
        int start = suffixStart(name, true);
        return start > 0 ? Optional.of(name.substring(start)) : Optional.empty();
    }

    /** Index in {@code name} where its registry suffix starts, or -1 (the rules of Guava's InternetDomainName). */
    static int registrySuffixStart(String name) {
        return suffixStart(name, false);
    }

    /** Index where its registry suffix (or, with {@code includePrivate}, any public suffix) starts, or -1. */
    private static int suffixStart(String name, boolean includePrivate) {
        if (name.isEmpty()) {
            return NONE;
        }
        int start = 0;
        while (true) {
            String ancestor = name.substring(start);
            if (counts(PublicSuffixPatterns.EXACT.get(ancestor), includePrivate)) {
                return start;
            }
            int dot = ancestor.indexOf('.');
            if (PublicSuffixPatterns.EXCLUDED.containsKey(ancestor)) {
                return dot < 0 ? NONE : start + dot + 1;
            }
            if (dot >= 0 && counts(PublicSuffixPatterns.UNDER.get(ancestor.substring(dot + 1)), includePrivate)) {
                return start;
            }
            if (dot < 0) {
                return NONE;
            }
            start += dot + 1;
        }
    }

    private static boolean counts(PublicSuffixType type, boolean includePrivate) {
        return type == PublicSuffixType.REGISTRY || (includePrivate && type == PublicSuffixType.PRIVATE);
    }
}
