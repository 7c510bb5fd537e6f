package dev.lookalikeguard.detect.name;

import java.util.Collection;

/**
 * A small Bloom filter over strings, kept in front of the large name maps: most look-ups during
 * detection are for names that are not there, and this answers "certainly absent" from a few cache
 * lines instead of a miss into a table of tens of thousands of entries. "Maybe present" is always
 * confirmed by the map itself, so it never changes a result. Immutable once built.
 */
final class NameFilter {
    private static final int BITS_PER_NAME = 16;
    private final long[] bits;
    private final int mask;

    NameFilter(Collection<String> names) {
        int size = Integer.highestOneBit(Math.max(64, names.size() * BITS_PER_NAME - 1)) << 1;
        this.bits = new long[size >>> 6];
        this.mask = size - 1;
        for (String name : names) {
            int h = name.hashCode();
            set(first(h));
            set(second(h));
            set(third(h));
        }
    }

    boolean mightContain(String name) {
        int h = name.hashCode();
        return isSet(first(h)) && isSet(second(h)) && isSet(third(h));
    }

    private int first(int h) {
        return mix(h) & mask;
    }

    private int second(int h) {
        return mix(h ^ 0x5bd1e995) & mask;
    }

    private int third(int h) {
        return mix(h * 0x27d4eb2d + 0x165667b1) & mask;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    private void set(int bit) {
        bits[bit >>> 6] |= 1L << bit;
    }

    private boolean isSet(int bit) {
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }
}
