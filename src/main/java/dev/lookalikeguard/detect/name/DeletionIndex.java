package dev.lookalikeguard.detect.name;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A symmetric deletion-neighbourhood index (as in SymSpell) over the glyph keys of registrable labels
 * (the full key and, where it differs, the light one): every key is entered under itself and each string obtained by deleting up to one character (two for
 * keys of {@value #DOUBLE_EDIT_LABEL} characters or more), each combined with a scope (the suffix, or
 * nothing for an index across suffixes). Two keys within Damerau-Levenshtein (optimal string alignment)
 * distance k share an entry when both sides are expanded to depth k, so a look-up returns a superset of
 * every label whose key is within that distance; callers verify candidates with {@link GlyphDistance}.
 *
 * <p>Compact and flat: one {@code long} per key (a 39-bit hash of suffix and variant, and a 24-bit
 * entry number) in an open-addressing table at most half full; a look-up is one probe sequence per
 * variant of the candidate label, with no allocation for the variants. Immutable and thread-safe.
 */
final class DeletionIndex {
    /** Labels this long may be two edits from a look-alike (the smallest double-edit length of any sensitivity). */
    static final int DOUBLE_EDIT_LABEL = 7;
    /** Shorter keys are not indexed (a one-letter label is near everything). */
    static final int MIN_LABEL = 2;
    private static final int ID_BITS = 24;
    private static final long ID_MASK = (1L << ID_BITS) - 1;
    /** Hash bits: with the entry number they fill 63 bits, so keys are non-negative and sort as signed longs. */
    private static final int HASH_BITS = 39;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** Odd multiplier of the polynomial hash, and its powers (keys are labels, or suffixes: at most a whole name). */
    private static final long BASE = 0x9E3779B97F4A7C15L;
    private static final long[] POWERS = powers(256);

    private static final long HASH_MASK = (1L << HASH_BITS) - 1;
    /** Marks on a variant's hash (above its {@value #HASH_BITS} bits): which tables' filters it passed. */
    private static final long NEAR_MARK = 1L << 62;
    private static final long FAR_MARK = 1L << 61;
    /**
     * Filter bits per key: a variant absent from a table passes its filter about 1.5% of the time (three bits in a
     * word holding 5.3 keys on average).
     */
    private static final int FILTER_BITS_PER_KEY = 12;

    /** Keys are non-negative, so -1 marks a free slot. */
    private static final long EMPTY = -1L;

    private final Registrable[] entries;
    private final boolean scoped;
    /** Keys of each label and its 1-deletions. */
    private final Table near;
    /** Keys of the 2-deletions of labels of {@value #DOUBLE_EDIT_LABEL}+ characters. */
    private final Table far;
    /**
     * The lengths of the strings in each table: a look-up key whose variants have none of these lengths cannot
     * share a string with any key entered (so the look-up ends before hashing anything).
     */
    private final boolean[] nearLengths;
    private final boolean[] farLengths;

    /**
     * @param scoped whether entries are scoped by their suffix (a look-up then only finds labels under the
     *               suffix asked for) or not (a look-up finds labels under every suffix)
     */
    DeletionIndex(List<Registrable> registrables, boolean scoped) {
        this.scoped = scoped;
        if (registrables.size() > ID_MASK) {
            throw new IllegalArgumentException("too many protected names for the index: " + registrables.size());
        }
        this.entries = registrables.toArray(new Registrable[0]);
        LongArray nearKeys = new LongArray(entries.length * 12);
        LongArray farKeys = new LongArray(entries.length * 8);
        int longest = 0;
        for (Registrable entry : entries) {
            longest = Math.max(longest, Math.max(entry.key().length(), entry.lightKey().length()));
        }
        this.nearLengths = new boolean[longest + 1];
        this.farLengths = new boolean[longest + 1];
        for (int id = 0; id < entries.length; id++) {
            Registrable entry = entries[id];
            long base = suffixHash(scoped ? entry.suffix() : "");
            long idBits = id;
            for (String label : entry.key() == entry.lightKey() ? List.of(entry.key())
                : List.of(entry.key(), entry.lightKey())) {
                if (label.length() < MIN_LABEL) {
                    continue;
                }
                forEachVariant(base, label, 1, false, new long[label.length() + 1], hash -> nearKeys.add((hash << ID_BITS) | idBits));
                nearLengths[label.length()] = true;
                nearLengths[label.length() - 1] = true;
                if (label.length() >= DOUBLE_EDIT_LABEL) {
                    farLengths[label.length() - 2] = true;
                    forEachVariant(base, label, 2, true, new long[label.length() + 1],
                        hash -> farKeys.add((hash << ID_BITS) | idBits));
                }
            }
        }
        this.near = new Table(nearKeys.toArray());
        this.far = new Table(farKeys.toArray());
    }

    /**
     * Calls {@code consumer} with every entry whose key may be within {@code depth} (1 or 2) edits of
     * {@code key} (under {@code suffix} when the index is scoped; entries may repeat). Depth 1 only reads the
     * near table.
     */
    void candidates(String key, String suffix, int depth, IntConsumer consumer) {
        if (!mayMatch(key.length(), depth)) {
            return;
        }
        long base = suffixHash(scoped ? suffix : "");
        Variants variants = VARIANTS.get().free();
        variants.inUse = true;
        try {
            lookUp(variants, base, key, depth, consumer);
        } finally {
            variants.inUse = false;
        }
    }

    private void lookUp(Variants variants, long base, String key, int depth, IntConsumer consumer) {
        variants.size = 0;
        if (variants.prefix.length <= key.length()) {
            variants.prefix = new long[key.length() + 1];
        }
        forEachVariant(base, key, depth, false, variants.prefix, variants);
        long[] hashes = variants.hashes;
        int count = variants.size;
        // The tables are larger than the processor's nearer caches: read the first slot of every variant first,
        // loads that do not wait for one another, so that the probes below (in the same order as ever: the
        // consumer keeps the first of equal candidates) find them close.
        // Most variants are in neither table: the filters (small enough to stay in the nearer caches) say so
        // without reading the tables. Which filters a variant passed is marked above the bits of its hash.
        long touched = 0;
        for (int k = 0; k < count; k++) {
            long hash = hashes[k];
            boolean inNear = near.mayContain(hash);
            boolean inFar = depth == 2 && far.mayContain(hash);
            if (inNear) {
                touched ^= near.first(hash);
            }
            if (inFar) {
                touched ^= far.first(hash);
            }
            hashes[k] = hash | (inNear ? NEAR_MARK : 0) | (inFar ? FAR_MARK : 0);
        }
        variants.touched = touched;
        for (int k = 0; k < count; k++) {
            long marked = hashes[k];
            long hash = marked & HASH_MASK;
            if ((marked & NEAR_MARK) != 0) {
                near.probe(hash, consumer);
            }
            if ((marked & FAR_MARK) != 0) {
                far.probe(hash, consumer);
            }
        }
    }

    /**
     * Per-thread room for the hashes of a look-up key's variants. A consumer may look up again (a suffix edit
     * searches the label under the suffix it was given) while the look-up that called it still reads its
     * variants: that look-up gets the next room of the chain, not this one.
     */
    private static final class Variants implements java.util.function.LongConsumer {
        long[] hashes = new long[64];
        int size;
        /** Room for the prefix hashes of the key (see forEachVariant). */
        long[] prefix = new long[64];
        /** Whether a look-up is reading this room now. */
        boolean inUse;
        private Variants next;

        /** This room, or the first free one after it in the chain. */
        Variants free() {
            Variants room = this;
            while (room.inUse) {
                if (room.next == null) {
                    room.next = new Variants();
                }
                room = room.next;
            }
            return room;
        }
        /** What reading the first slots gave (kept so that the reads are not dropped as useless). */
        long touched;

        @Override
        public void accept(long hash) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            hashes[size++] = hash;
        }
    }

    private static final ThreadLocal<Variants> VARIANTS = ThreadLocal.withInitial(Variants::new);

    /**
     * Whether a key of this length may find anything at this depth: whether one of its variants (the key less
     * up to {@code depth} characters) is as long as a string entered in the tables searched.
     */
    boolean mayMatch(int keyLength, int depth) {
        for (int deleted = 0; deleted <= depth; deleted++) {
            int length = keyLength - deleted;
            if (length >= 0 && length < nearLengths.length && (nearLengths[length] || (depth == 2 && farLengths[length]))) {
                return true;
            }
        }
        return false;
    }

    Registrable entry(int id) {
        return entries[id];
    }

    int keyCount() {
        return near.size + far.size;
    }

    /**
     * An open-addressing table of packed keys, at most half full, with a blocked Bloom filter in front (three
     * bits of one 64-bit word per key): a probe for an absent key, most are, usually reads one word of the
     * filter, not the table.
     */
    private static final class Table {
        private final long[] keys;
        private final int size;
        private final long[] filter;

        Table(long[] packed) {
            Arrays.sort(packed);
            long[] unique = dedupe(packed);
            this.size = unique.length;
            this.filter = new long[Math.max(1, (int) Math.min(Integer.MAX_VALUE - 8, (long) unique.length * FILTER_BITS_PER_KEY / 64))];
            for (long key : unique) {
                long hash = key >>> ID_BITS;
                filter[word(hash)] |= bits(hash);
            }
            // At most half full: a probe for an absent key (most are) reads 2.5 slots on average, not 5 at two thirds.
            this.keys = new long[Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8, unique.length * 2L + 1))];
            Arrays.fill(keys, EMPTY);
            for (long key : unique) {
                int slot = slot(key >>> ID_BITS);
                while (keys[slot] != EMPTY) {
                    slot = next(slot);
                }
                keys[slot] = key;
            }
        }

        /** False when no key with this hash is in the table; true when one may be. */
        boolean mayContain(long hash) {
            long bits = bits(hash);
            return (filter[word(hash)] & bits) == bits;
        }

        private int word(long hash) {
            // The low bits, scrambled: the slot is taken from the high ones.
            return (int) (((hash * 0x9E3779B97F4A7C15L) >>> 32) * filter.length >>> 32);
        }

        private static long bits(long hash) {
            return (1L << hash) | (1L << (hash >>> 6)) | (1L << (hash >>> 12));
        }

        /** The key in the first slot a probe for {@code hash} reads. */
        long first(long hash) {
            return keys[slot(hash)];
        }

        void probe(long hash, IntConsumer consumer) {
            for (int slot = slot(hash); keys[slot] != EMPTY; slot = next(slot)) {
                if ((keys[slot] >>> ID_BITS) == hash) {
                    consumer.accept((int) (keys[slot] & ID_MASK));
                }
            }
        }

        /** Maps a hash uniformly onto the table (multiply-shift range reduction, no power of two needed). */
        private int slot(long hash) {
            return (int) ((hash * keys.length) >>> HASH_BITS);
        }

        private int next(int slot) {
            return slot + 1 == keys.length ? 0 : slot + 1;
        }
    }

    /**
     * The label itself, each 1-deletion, and (depth 2) each 2-deletion, hashed without building strings;
     * with {@code onlyTwoDeletions}, just the 2-deletions. Each variant's polynomial hash is composed in
     * constant time from the label's prefix hashes, so all variants cost O(n) (depth 1) or O(n²) (depth 2).
     * {@code prefix} is room for those hashes (at least one longer than the label), so a look-up allocates nothing.
     */
    private static void forEachVariant(long base, String label, int depth, boolean onlyTwoDeletions, long[] prefix,
                                       java.util.function.LongConsumer consumer) {
        int n = label.length();
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] * BASE + label.charAt(i);
        }
        if (!onlyTwoDeletions) {
            consumer.accept(finish(base, prefix[n], n));
        }
        for (int i = 0; i < n; i++) {
            long before = prefix[i];
            if (!onlyTwoDeletions) {
                consumer.accept(finish(base, before * POWERS[n - 1 - i] + range(prefix, i + 1, n), n - 1));
            }
            if (depth >= 2) {
                for (int j = i + 1; j < n; j++) {
                    long hash = before * POWERS[n - 2 - i] + range(prefix, i + 1, j) * POWERS[n - 1 - j] + range(prefix, j + 1, n);
                    consumer.accept(finish(base, hash, n - 2));
                }
            }
        }
    }

    /** Polynomial hash of label[from, to) from the prefix hashes. */
    private static long range(long[] prefix, int from, int to) {
        return prefix[to] - prefix[from] * POWERS[to - from];
    }

    private static long suffixHash(String suffix) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < suffix.length(); i++) {
            hash = (hash ^ suffix.charAt(i)) * FNV_PRIME;
        }
        return (hash ^ 0x2e) * FNV_PRIME;
    }

    /** Mixes the variant's polynomial hash with its length and the suffix into {@value #HASH_BITS} bits. */
    private static long finish(long base, long polynomial, int length) {
        long hash = polynomial ^ base ^ ((long) length << 56);
        hash ^= hash >>> 31;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 29;
        hash *= 0x94d049bb133111ebL;
        hash ^= hash >>> 32;
        return hash >>> (64 - HASH_BITS);
    }

    private static long[] powers(int count) {
        long[] powers = new long[count + 1];
        powers[0] = 1;
        for (int i = 1; i <= count; i++) {
            powers[i] = powers[i - 1] * BASE;
        }
        return powers;
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
