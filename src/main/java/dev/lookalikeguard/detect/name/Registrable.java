package dev.lookalikeguard.detect.name;

import java.util.List;

/**
 * A protected name cut where it is registered: {@code army} under {@code mil}, {@code mod} under {@code uk}.
 * {@code listed} says whether the admin named it in the condition ({@code domains:}) as opposed to a
 * known-domain list; {@code key} is the label's {@linkplain Glyphs#key(String) glyph key}; {@code commonWord}
 * whether the label is a common word ({@link CommonWords}). Immutable.
 */
public final class Registrable {
    private final String label;
    private final String suffix;
    /** label.suffix, kept: a search breaks ties between candidates by it. */
    private final String name;
    private final boolean listed;
    private final String key;
    private final String lightKey;
    private final boolean commonWord;

    Registrable(String label, String suffix, boolean listed, boolean commonWord) {
        this.label = label;
        this.suffix = suffix;
        this.name = label + "." + suffix;
        this.listed = listed;
        this.key = Glyphs.key(label);
        String light = Glyphs.lightKey(label);
        this.lightKey = light.equals(key) ? key : light;
        this.commonWord = commonWord;
    }

    public String label() {
        return label;
    }

    public String suffix() {
        return suffix;
    }

    public String name() {
        return name;
    }

    public boolean listed() {
        return listed;
    }

    /** The glyph key of the label. */
    public String key() {
        return key;
    }

    /** The label's {@linkplain Glyphs#lightKey(String) light key} (the same instance as {@link #key()} when equal). */
    public String lightKey() {
        return lightKey;
    }

    /** Whether the label is a common word. */
    public boolean commonWord() {
        return commonWord;
    }

    /** Whether this very cut is in the list (candidate lists are short: a linear identity check beats hashing). */
    public boolean isIn(List<Registrable> list) {
        for (Registrable r : list) {
            if (r == this) {
                return true;
            }
        }
        return false;
    }

    Registrable mergedWith(Registrable other) {
        return listed || !other.listed ? this : other;
    }

    @Override
    public String toString() {
        return name() + (listed ? " (listed)" : "");
    }
}
