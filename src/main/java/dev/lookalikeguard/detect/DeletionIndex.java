package dev.lookalikeguard.detect;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A symmetric deletion-neighbourhood index (as in SymSpell) over the registrable labels: every label
 * is entered under itself and each string obtained by deleting up to one character (two for labels of
 * {@value #DOUBLE_EDIT_LABEL} characters or more) — each keyed with its suffix. Two labels within
 * Damerau-Levenshtein (optimal string alignment) distance k share a key when both sides are expanded
 * to depth k, so a look-up returns a superset of every label within the distance any sensitivity
 * allows; callers verify candidates with {@link EditDistance}.
 *
 * <p>Compact and flat: one {@code long} per key (a 39-bit hash of suffix and variant, and a 24-bit
 * entry number) in an open-addressing table at most two thirds full; a look-up is one probe sequence per
 * variant of the candidate label, with no allocation for the variants. Immutable and thread-safe.
 */
final class DeletionIndex {
    /** Labels this long may be two edits from a look-alike (the smallest double-edit length of any sensitivity). */
    static final int DOUBLE_EDIT_LABEL = 7;
    /** Shorter protected labels never allow an edit. */
    static final int MIN_LABEL = 3;
    private static final int ID_BITS = 24;
    private static final long ID_MASK = (1L << ID_BITS) - 1;
    /** Hash bits: with the entry number they fill 63 bits, so keys are non-negative and sort as signed longs. */
    private static final int HASH_BITS = 39;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int NONE = -1;

    /** Keys are non-negative, so -1 marks a free slot. */
    private static final long EMPTY = -1L;

    private final Registrable[] entries;
    private final long[] keys;
    private final int size;

    DeletionIndex(List<Registrable> registrables) {
        if (registrables.size() > ID_MASK) {
            throw new IllegalArgumentException("too many protected names for the index: " + registrables.size());
        }
        this.entries = registrables.toArray(new Registrable[0]);
        LongArray packed = new LongArray(entries.length * 12);
        for (int id = 0; id < entries.length; id++) {
            Registrable entry = entries[id];
            String label = entry.label();
            if (label.length() < MIN_LABEL) {
                continue;
            }
            long base = suffixHash(entry.suffix());
            int depth = label.length() >= DOUBLE_EDIT_LABEL ? 2 : 1;
            long idBits = id;
            forEachVariant(base, label, depth, hash -> packed.add((hash << ID_BITS) | idBits));
        }
        long[] sorted = packed.toArray();
        Arrays.sort(sorted);
        long[] unique = dedupe(sorted);
        this.size = unique.length;
        this.keys = new long[tableSize(unique.length)];
        Arrays.fill(keys, EMPTY);
        for (long key : unique) {
            int slot = slot(key >>> ID_BITS);
            while (keys[slot] != EMPTY) {
                slot = next(slot);
            }
            keys[slot] = key;
        }
    }

    /** Two thirds full at most. */
    private static int tableSize(int entries) {
        return Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8, entries * 3L / 2 + 1));
    }

    /** Maps a hash uniformly onto the table (multiply-shift range reduction, no power of two needed). */
    private int slot(long hash) {
        return (int) ((hash * keys.length) >>> HASH_BITS);
    }

    private int next(int slot) {
        return slot + 1 == keys.length ? 0 : slot + 1;
    }

    /** Calls {@code consumer} with every entry that may be within two edits of {@code label} under {@code suffix}. */
    void candidates(String label, String suffix, IntConsumer consumer) {
        long base = suffixHash(suffix);
        int depth = label.length() >= DOUBLE_EDIT_LABEL - 2 ? 2 : 1;
        forEachVariant(base, label, depth, hash -> {
            for (int slot = slot(hash); keys[slot] != EMPTY; slot = next(slot)) {
                if ((keys[slot] >>> ID_BITS) == hash) {
                    consumer.accept((int) (keys[slot] & ID_MASK));
                }
            }
        });
    }

    Registrable entry(int id) {
        return entries[id];
    }

    int keyCount() {
        return size;
    }

    /** Bytes held by the table (for benchmarks). */
    long tableBytes() {
        return 8L * keys.length;
    }

    /** The label itself, each 1-deletion, and (depth 2) each 2-deletion, hashed without building strings. */
    private static void forEachVariant(long base, String label, int depth, java.util.function.LongConsumer consumer) {
        int n = label.length();
        consumer.accept(hash(base, label, NONE, NONE));
        for (int i = 0; i < n; i++) {
            consumer.accept(hash(base, label, i, NONE));
            if (depth >= 2) {
                for (int j = i + 1; j < n; j++) {
                    consumer.accept(hash(base, label, i, j));
                }
            }
        }
    }

    private static long suffixHash(String suffix) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < suffix.length(); i++) {
            hash = (hash ^ suffix.charAt(i)) * FNV_PRIME;
        }
        return (hash ^ 0x2e) * FNV_PRIME;
    }

    /** {@value #HASH_BITS}-bit hash of the label with positions skip1 and skip2 left out, seeded by the suffix hash. */
    private static long hash(long base, String label, int skip1, int skip2) {
        long hash = base;
        for (int i = 0; i < label.length(); i++) {
            if (i != skip1 && i != skip2) {
                hash = (hash ^ label.charAt(i)) * FNV_PRIME;
            }
        }
        hash ^= hash >>> 29;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 32;
        return hash >>> (64 - HASH_BITS);
    }

    private static long[] dedupe(long[] sorted) {
        int size = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[size++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, size);
    }

    /** A growable array of longs. */
    private static final class LongArray {
        private long[] values;
        private int size;

        LongArray(int capacity) {
            values = new long[Math.max(16, capacity)];
        }

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
