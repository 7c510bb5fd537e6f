package dev.lookalikeguard.detect.name;

import java.util.Map;

/**
 * An immutable hash table from strings to values that is asked about a stretch of a longer string (a tail
 * of a domain name, a part of a label) without cutting the stretch out: no substring, no allocation. The
 * engine asks every tail of every recipient domain whether it is a protected name, a protected suffix or a
 * public suffix, and most of the answers are no; building a substring to ask a {@link Map} cost more than
 * the rest of the look-up.
 *
 * <p>Keys hash as {@link String#hashCode()} does, so a whole string's cached hash serves, and so do the
 * prefix hashes of {@link TextHashes}. Most look-ups are for absent keys, in tables of up to tens of
 * thousands of names that do not stay in the processor's caches: a small filter (two bits of the hash in
 * one 64-bit word, 8 bits per key: it fits in the fastest caches) answers most of them; the others probe
 * one array of packed slots (the hash and the key's index), linear probing, at most half full, and compare
 * the stretch with a key only when their hashes and lengths are equal. Thread-safe.
 *
 * @param <V> the values
 */
public final class NameTable<V> {
    private static final int FILTER_BITS_PER_KEY = 8;

    private final String[] keys;
    private final Object[] values;
    /** Per slot: the key's hash in the high half, its index + 1 in the low half; 0 for a free slot. */
    private final long[] slots;
    private final int slotMask;
    private final long[] filter;
    private final int filterMask;

    public NameTable(Map<String, ? extends V> entries) {
        int size = entries.size();
        this.keys = new String[size];
        this.values = new Object[size];
        int capacity = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
        this.slots = new long[capacity];
        this.slotMask = capacity - 1;
        int words = Integer.highestOneBit(Math.max(1, size * FILTER_BITS_PER_KEY / 64)) << 1;
        this.filter = new long[words];
        this.filterMask = words - 1;
        int index = 0;
        for (Map.Entry<String, ? extends V> entry : entries.entrySet()) {
            String key = entry.getKey();
            int hash = key.hashCode();
            keys[index] = key;
            values[index] = entry.getValue();
            int slot = slot(hash);
            while (slots[slot] != 0) {
                slot = (slot + 1) & slotMask;
            }
            slots[slot] = ((long) hash << 32) | (index + 1);
            int mixed = mix(hash);
            filter[word(mixed)] |= bits(mixed);
            index++;
        }
    }

    /** The hash of {@code text[from, to)}: what {@code text.substring(from, to).hashCode()} gives. */
    public static int hash(CharSequence text, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return hash;
    }

    /** The value of the key equal to {@code text[from, to)}, or null. */
    public V get(CharSequence text, int from, int to) {
        return get(text, from, to, hash(text, from, to));
    }

    /** The value of the key equal to {@code text[from, to)}, or null. */
    public V get(TextHashes text, int from, int to) {
        return get(text.text(), from, to, text.of(from, to));
    }

    /** The value of {@code key}, or null. */
    public V get(String key) {
        return get(key, 0, key.length(), key.hashCode());
    }

    public boolean containsKey(String key) {
        return get(key) != null;
    }

    public boolean contains(CharSequence text, int from, int to) {
        return get(text, from, to) != null;
    }

    public boolean contains(TextHashes text, int from, int to) {
        return get(text.text(), from, to, text.of(from, to)) != null;
    }

    /** The value of the key equal to {@code text[from, to)}, whose {@link #hash} the caller already has; or null. */
    @SuppressWarnings("unchecked")
    public V get(CharSequence text, int from, int to, int hash) {
        int index = indexOf(text, from, to, hash);
        return index < 0 ? null : (V) values[index];
    }

    /** The key itself (the table's instance) equal to {@code text[from, to)}, or null. */
    public String key(CharSequence text, int from, int to) {
        int index = indexOf(text, from, to, hash(text, from, to));
        return index < 0 ? null : keys[index];
    }

    public int size() {
        return keys.length;
    }

    private int indexOf(CharSequence text, int from, int to, int hash) {
        int mixed = mix(hash);
        long bits = bits(mixed);
        if ((filter[word(mixed)] & bits) != bits) {
            return -1;
        }
        int length = to - from;
        for (int slot = slot(hash); slots[slot] != 0; slot = (slot + 1) & slotMask) {
            long packed = slots[slot];
            if ((int) (packed >>> 32) == hash) {
                int index = (int) packed - 1;
                String key = keys[index];
                if (key.length() == length && sameText(key, text, from)) {
                    return index;
                }
            }
        }
        return -1;
    }

    private static boolean sameText(String key, CharSequence text, int from) {
        if (text instanceof String) {
            return ((String) text).startsWith(key, from);
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != text.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    /** String hashes of similar names differ in their low bits only a little: mixed before use. */
    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    private int slot(int hash) {
        return mix(hash) & slotMask;
    }

    /** The filter word of a mixed hash: from its high bits, independent of the two bit positions below. */
    private int word(int mixed) {
        return (mixed >>> 12) & filterMask;
    }

    private static long bits(int mixed) {
        return (1L << (mixed & 63)) | (1L << ((mixed >>> 6) & 63));
    }
}
