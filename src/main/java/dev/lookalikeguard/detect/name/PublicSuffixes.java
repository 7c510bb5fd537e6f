package dev.lookalikeguard.detect.name;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Maps;
import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;
import com.google.thirdparty.publicsuffix.PublicSuffixType;

/**
 * The ICANN ("registry") section of the Public Suffix List, as compiled into Guava. Same answers as
 * Guava's {@code InternetDomainName.isRegistrySuffix()} and {@code registrySuffix()}, but looked up on an
 * already validated name, tail by tail, in tables copied once from Guava's, without re-parsing the name or
 * cutting its tails out (see {@link NameTable}).
 */
public final class PublicSuffixes {
    private static final int NONE = -1;
    private static final NameTable<Boolean> REGISTRY = of(PublicSuffixPatterns.EXACT, false);
    /** Exceptions count whatever their section (as {@code EXCLUDED.containsKey} in Guava's own rules). */
    private static final NameTable<Boolean> EXCLUDED = new NameTable<>(
        Maps.asMap(PublicSuffixPatterns.EXCLUDED.keySet(), suffix -> Boolean.TRUE));
    private static final NameTable<Boolean> UNDER_REGISTRY = of(PublicSuffixPatterns.UNDER, false);
    /** The same with the private section (dynv6.net, github.io). */
    private static final NameTable<Boolean> PUBLIC = of(PublicSuffixPatterns.EXACT, true);
    private static final NameTable<Boolean> UNDER_PUBLIC = of(PublicSuffixPatterns.UNDER, true);

    /**
     * The top-level domains: the last label of every rule of the list, so that one the list names only below itself
     * ({@code *.bd}, {@code gov.za} but not {@code za}) counts too.
     */
    private static final Set<String> TOP_LEVEL = Stream.of(PublicSuffixPatterns.EXACT.keySet(),
            PublicSuffixPatterns.UNDER.keySet(), PublicSuffixPatterns.EXCLUDED.keySet())
        .flatMap(Set::stream).map(PublicSuffixes::topLevelOf).collect(ImmutableSet.toImmutableSet());

    private PublicSuffixes() {
    }

    /** The last label of a name (the name itself when it has one label): what {@link #isTopLevelDomain} is asked of. */
    public static String topLevelOf(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Whether {@code label} (canonical ASCII) is a top-level domain: {@code ml}, {@code za}, {@code bd}, {@code com}. */
    public static boolean isTopLevelDomain(String label) {
        return TOP_LEVEL.contains(label);
    }

    /** Whether {@code name} (canonical ASCII) is itself a registry suffix such as {@code ml}, {@code gov.uk} or {@code com}. */
    public static boolean isRegistrySuffix(String name) {
        return registrySuffixStart(name, 0) == 0;
    }

    /**
     * Whether {@code name} (canonical ASCII) is a single label or itself a registry suffix ({@code com}, {@code ml},
     * {@code gov.uk}): nobody's own name, so never one to allow or to learn; a name under it is.
     */
    public static boolean isSuffixOrTopLevel(String name) {
        return name.indexOf('.') < 0 || isRegistrySuffix(name);
    }

    /** Whether the tail of {@code name} from {@code from} is itself a registry suffix. */
    public static boolean isRegistrySuffix(TextHashes name, int from) {
        return registrySuffixStart(name, from) == from;
    }

    /** The registry suffix that {@code name} is strictly under, e.g. gov.uk for mod.gov.uk; empty if none. */
    public static Optional<String> registrySuffixStrictlyAbove(String name) {
        int start = registrySuffixStart(name, 0);
        return start > 0 ? Optional.of(name.substring(start)) : Optional.empty();
    }

    /**
     * The public suffix that {@code name} is strictly under, the Public Suffix List's private section included
     * (dynv6.net, github.io: a name under them is registered by whoever asks their operator); empty if none.
     */
    public static Optional<String> publicSuffixStrictlyAbove(String name) {
        int start = publicSuffixStart(new TextHashes(name), 0);
        return start > 0 ? Optional.of(name.substring(start)) : Optional.empty();
    }

    /** {@link #registrySuffixStart(TextHashes, int)} with the private section's suffixes counted too. */
    public static int publicSuffixStart(TextHashes hashed, int from) {
        return suffixStart(hashed, from, PUBLIC, UNDER_PUBLIC);
    }

    /** Index in {@code name} where its registry suffix starts, or -1 (the rules of Guava's InternetDomainName). */
    static int registrySuffixStart(String name) {
        return registrySuffixStart(name, 0);
    }

    /**
     * Where the registry suffix of the tail of {@code name} from {@code from} starts (an index in {@code name},
     * {@code from} when the tail is one), or -1: the rules of Guava's InternetDomainName, ancestor by ancestor.
     */
    public static int registrySuffixStart(String name, int from) {
        return registrySuffixStart(new TextHashes(name), from);
    }

    /** {@link #registrySuffixStart(String, int)} on a name whose prefix hashes are already known. */
    public static int registrySuffixStart(TextHashes hashed, int from) {
        return suffixStart(hashed, from, REGISTRY, UNDER_REGISTRY);
    }

    /** Where the public suffix (of the given exact and wildcard tables) of the tail from {@code from} starts, or -1. */
    private static int suffixStart(TextHashes hashed, int from, NameTable<Boolean> exact, NameTable<Boolean> under) {
        String name = hashed.text();
        int end = name.length();
        if (from >= end) {
            return NONE;
        }
        int start = from;
        while (true) {
            if (exact.contains(hashed, start, end)) {
                return start;
            }
            int dot = name.indexOf('.', start);
            if (EXCLUDED.contains(hashed, start, end)) {
                return dot < 0 ? NONE : dot + 1;
            }
            if (dot >= 0 && under.contains(hashed, dot + 1, end)) {
                return start;
            }
            if (dot < 0) {
                return NONE;
            }
            start = dot + 1;
        }
    }

    /** The suffixes of a Guava table: its registry ones, and with {@code includePrivate} its private ones too. */
    private static NameTable<Boolean> of(ImmutableMap<String, PublicSuffixType> patterns, boolean includePrivate) {
        Map<String, Boolean> counted = new HashMap<>();
        patterns.forEach((suffix, type) -> {
            if (type == PublicSuffixType.REGISTRY || (includePrivate && type == PublicSuffixType.PRIVATE)) {
                counted.put(suffix, Boolean.TRUE);
            }
        });
        return new NameTable<>(counted);
    }
}
