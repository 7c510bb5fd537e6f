package dev.lookalikeguard.detect.name;

import java.util.Arrays;

/**
 * A domain name as it reads, apart from any list of protected names: its canonical ASCII form, its Unicode
 * form, and its <em>visual</em> form (an internationalised name {@linkplain Glyphs#fold(String) folded} to the
 * ASCII it reads as: {@code аrmy.mil} reads as {@code army.mil}; plain ASCII is itself), with the visual
 * labels, their glyph keys and the key of the whole name.
 *
 * <p>Read once per check and shared by everything that compares the name with an index (the protected
 * names, then the learned ones), so each is computed once. The forms, the label boundaries and the count of
 * folded characters are computed when the name is read; label texts and keys on first use. Those lazy parts
 * are the same whoever computes them first, but they are cached without synchronisation: a reading belongs to
 * the check (the thread) that made it.
 */
public final class VisualName {
    private final TextHashes ascii;
    private final String unicode;
    private final TextHashes visual;
    /** Where each visual label starts in the visual form. */
    private final int[] starts;
    private final int folded;

    // Computed on first use.
    private String[] labelTexts;
    private String[] keys;
    private String[] lightKeys;
    private NameKey nameKey;

    private VisualName(TextHashes ascii, String unicode) {
        this.ascii = ascii;
        this.unicode = unicode;
        boolean international = !ascii.text().equals(unicode);
        this.visual = international ? new TextHashes(Glyphs.fold(unicode)) : ascii;
        this.folded = international ? countFolded(unicode) : 0;
        this.starts = starts(visual.text());
    }

    /**
     * @param ascii the canonical ASCII (A-label) form of the domain, with its prefix hashes
     * @param unicode its Unicode form (the same string when it has no internationalised label)
     */
    public static VisualName of(TextHashes ascii, String unicode) {
        return new VisualName(ascii, unicode);
    }

    private static int[] starts(String name) {
        int count = 1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '.') {
                count++;
            }
        }
        int[] starts = new int[count];
        for (int i = 0, label = 1; i < name.length(); i++) {
            if (name.charAt(i) == '.') {
                starts[label++] = i + 1;
            }
        }
        return starts;
    }

    private static int countFolded(String unicode) {
        int count = 0;
        for (int i = 0; i < unicode.length(); ) {
            int cp = unicode.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x80) {
                count++;
            }
        }
        return count;
    }

    /** The canonical ASCII form. */
    public String ascii() {
        return ascii.text();
    }

    /** The canonical ASCII form with its prefix hashes. */
    public TextHashes asciiHashes() {
        return ascii;
    }

    /** The Unicode form (the ASCII one when no label is internationalised). */
    public String unicode() {
        return unicode;
    }

    /** Whether a label is internationalised (the Unicode form is not the ASCII one). */
    public boolean isInternationalized() {
        return visual != ascii;
    }

    /** The visual form: folded from Unicode, or the ASCII name itself. */
    public String visual() {
        return visual.text();
    }

    /** The visual form with its prefix hashes, for look-ups of its tails. */
    public TextHashes visualHashes() {
        return visual;
    }

    /** How many characters were folded from Unicode (0 for plain ASCII). */
    public int folded() {
        return folded;
    }

    /** How many labels the visual name has. */
    public int labelCount() {
        return starts.length;
    }

    /** Where visual label {@code index} starts in {@link #visual()}. */
    public int start(int index) {
        return starts[index];
    }

    /** Where visual label {@code index} ends in {@link #visual()} (the dot after it, or the end). */
    public int end(int index) {
        return index + 1 < starts.length ? starts[index + 1] - 1 : visual.length();
    }

    /** The index of the visual label starting at {@code offset}, which must be a label boundary. */
    public int labelAt(int offset) {
        int index = Arrays.binarySearch(starts, offset);
        if (index < 0) {
            throw new IllegalStateException("no label starts at " + offset);
        }
        return index;
    }

    /** Visual label {@code index}. */
    public String label(int index) {
        String[] texts = labelTexts;
        if (texts == null) {
            texts = new String[starts.length];
            labelTexts = texts;
        }
        String text = texts[index];
        if (text == null) {
            text = starts.length == 1 ? visual.text() : visual.text().substring(starts[index], end(index));
            texts[index] = text;
        }
        return text;
    }

    /** The glyph key of visual label {@code index}. */
    public String key(int index) {
        String[] all = keys;
        if (all == null) {
            all = new String[starts.length];
            keys = all;
        }
        String key = all[index];
        if (key == null) {
            key = Glyphs.key(label(index));
            all[index] = key;
        }
        return key;
    }

    /** The light glyph key (single characters mapped, no pairs merged) of visual label {@code index}. */
    public String lightKey(int index) {
        String[] all = lightKeys;
        if (all == null) {
            all = new String[starts.length];
            lightKeys = all;
        }
        String key = all[index];
        if (key == null) {
            key = Glyphs.lightKey(label(index));
            all[index] = key;
        }
        return key;
    }

    /** The visual labels from {@code index} to the end, joined: {@code tail(1)} of a.b.c is b.c. */
    public String tail(int index) {
        return index == 0 ? visual.text() : visual.text().substring(starts[index]);
    }

    /** The visual labels before {@code index}, joined: {@code head(1)} of a.b.c is a. */
    public String head(int index) {
        return index >= starts.length ? visual.text() : visual.text().substring(0, Math.max(0, starts[index] - 1));
    }

    /**
     * The glyph keys of every visual label joined with dots, with its prefix hashes: the key of the whole name,
     * whose tail from {@link #keyStart(int)} is the key of the name's tail from label {@code index}.
     */
    public TextHashes nameKeyHashes() {
        return nameKeyWithStarts().text;
    }

    private NameKey nameKeyWithStarts() {
        NameKey key = nameKey;
        if (key == null) {
            String text = visual.text();
            int[] at = new int[starts.length];
            StringBuilder joined = null;
            for (int i = 0; i < starts.length; i++) {
                String labelKey = key(i);
                if (joined == null && labelKey != label(i)) {
                    joined = new StringBuilder(text.length()).append(text, 0, starts[i]);
                }
                if (joined != null) {
                    at[i] = joined.length();
                    joined.append(labelKey);
                    if (i + 1 < starts.length) {
                        joined.append('.');
                    }
                } else {
                    at[i] = starts[i];
                }
            }
            // Keys are the labels themselves (Glyphs.key returns its argument) when nothing maps.
            key = new NameKey(joined == null ? visual : new TextHashes(joined.toString()), at);
            nameKey = key;
        }
        return key;
    }

    /** Where the key of visual label {@code index} starts in {@link #nameKeyHashes()}. */
    public int keyStart(int index) {
        return nameKeyWithStarts().starts[index];
    }

    /**
     * The length of {@link #tailKey(int)}, from the keys of those labels alone (without building the key of
     * the whole name, which most tails, too long or too short for what they are compared with, never need).
     */
    public int tailKeyLength(int index) {
        int length = starts.length - 1 - index;
        for (int i = index; i < starts.length; i++) {
            length += key(i).length();
        }
        return length;
    }

    /** The glyph keys of the labels from {@code index} to the end, joined with dots. */
    public String tailKey(int index) {
        String key = nameKeyWithStarts().text.text();
        return index == 0 ? key : key.substring(nameKeyWithStarts().starts[index]);
    }

    /** For people: the ASCII form, or the Unicode form followed by the ASCII one when they differ (as DomainName's). */
    public String display() {
        return isInternationalized() ? unicode + " (" + ascii.text() + ")" : ascii.text();
    }

    @Override
    public String toString() {
        return display();
    }

    /** The visual labels' keys joined with dots, and where each label's key starts in it. */
    private static final class NameKey {
        final TextHashes text;
        final int[] starts;

        NameKey(TextHashes text, int[] starts) {
            this.text = text;
            this.starts = starts;
        }
    }
}
