package dev.lookalikeguard.detect.technique;

import java.util.Arrays;
import java.util.List;

import com.ibm.icu.lang.UCharacter;

import dev.lookalikeguard.detect.name.Glyphs;
import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.PublicSuffixes;
import dev.lookalikeguard.detect.name.TextHashes;
import dev.lookalikeguard.detect.score.Evidence.Placement;

/**
 * A recipient domain as the techniques see it: its <em>visual</em> form (an internationalised name
 * {@linkplain Glyphs#fold(String) folded} to the ASCII it reads as: {@code аrmy.mil} becomes
 * {@code army.mil}; plain ASCII is itself), cut where it would be registered: {@code mail.amry.mil} is
 * prefix {@code mail}, label {@code amry}, suffix {@code mil}. The suffix is the longest protected suffix
 * the visual name is under, else its registry suffix from the Public Suffix List, else its last label.
 * The {@link Placement} is that of the real name.
 *
 * <p>Made once per check and shared by every technique, so what several of them ask (the label, the
 * suffix, glyph keys) is computed once, on first use, and what only some ask (the key of the whole name)
 * only when asked. Label boundaries are kept as offsets into the visual name ({@link #start(int)}), so that
 * techniques can look its tails up without cutting them out. Immutable in what it answers (the lazily
 * computed parts are the same whoever computes them first).
 */
public final class Candidate {
    private final String ascii;
    private final String unicode;
    private final String visual;
    private final TextHashes visualHashes;
    /** Where each visual label starts in {@link #visual}. */
    private final int[] starts;
    private final int suffixStart;
    private final boolean underProtectedSuffix;
    private final boolean suffixIsRegistrySuffix;
    private final Placement placement;
    /** Where the longest protected suffix the ASCII name is strictly under starts in {@link #ascii}, or -1. */
    private final int asciiProtectedSuffix;
    private final int folded;

    // Computed on first use.
    private String[] labelTexts;
    private List<String> labelList;
    private String[] keys;
    private String label;
    private String labelKey;
    private String labelLightKey;
    private TextHashes labelHashes;
    private String suffix;
    private NameKey nameKey;

    private Candidate(String ascii, String unicode, TextHashes visual, int[] starts, int suffixStart,
                      boolean underProtectedSuffix, boolean suffixIsRegistrySuffix, Placement placement,
                      int asciiProtectedSuffix, int folded) {
        this.ascii = ascii;
        this.unicode = unicode;
        this.visual = visual.text();
        this.visualHashes = visual;
        this.starts = starts;
        this.suffixStart = suffixStart;
        this.underProtectedSuffix = underProtectedSuffix;
        this.suffixIsRegistrySuffix = suffixIsRegistrySuffix;
        this.placement = placement;
        this.asciiProtectedSuffix = asciiProtectedSuffix;
        this.folded = folded;
    }

    /**
     * @param ascii the canonical ASCII (A-label) form of the recipient domain, with its prefix hashes
     * @param unicode its Unicode form (the same string when it has no internationalised label)
     */
    public static Candidate of(TextHashes ascii, String unicode, ProtectedNames names) {
        String asciiName = ascii.text();
        boolean international = !asciiName.equals(unicode);
        TextHashes visual = international ? new TextHashes(Glyphs.fold(unicode)) : ascii;
        int folded = international ? countFolded(unicode) : 0;
        int[] starts = starts(visual.text());

        int asciiProtected = names.protectedSuffixStart(ascii, 0, ascii.length());
        int asciiRegistry = asciiProtected >= 0 ? -1 : PublicSuffixes.registrySuffixStart(ascii, 0);
        Placement placement;
        if (asciiProtected >= 0) {
            // Government registries register ASCII names only: an internationalised label under one is not registered.
            placement = names.isComplete(asciiName.substring(asciiProtected)) || international
                ? Placement.INSIDE_UNREGISTERED : Placement.INSIDE;
        } else {
            placement = asciiRegistry <= 0 ? Placement.NOWHERE
                : inGovernmentNamespace(asciiName, asciiRegistry, names) ? Placement.INSIDE : Placement.OUTSIDE;
        }

        // For a plain ASCII name the visual name is the ASCII one: what was found for it holds.
        int protectedStart = international ? names.protectedSuffixStart(visual, 0, visual.length()) : asciiProtected;
        if (protectedStart >= 0) {
            return new Candidate(asciiName, unicode, visual, starts, labelAt(starts, protectedStart), true,
                PublicSuffixes.isRegistrySuffix(visual, protectedStart), placement, asciiProtected, folded);
        }
        // Cut at a public suffix: the registry one (as for the placement), or one of the private section too.
        int registryStart = international || names.cutsAtPrivateSuffixes() ? names.publicSuffixStart(visual, 0)
            : asciiRegistry;
        if (registryStart > 0) {
            return new Candidate(asciiName, unicode, visual, starts, labelAt(starts, registryStart), false, true, placement,
                asciiProtected, folded);
        }
        return new Candidate(asciiName, unicode, visual, starts, Math.max(0, starts.length - 1), false, false, placement,
            asciiProtected, folded);
    }

    /**
     * Whether the registry suffix starting at {@code start} is another country's government namespace (mil.nz,
     * gov.au: more than one label, the first that of a protected suffix): only that government registers there,
     * so nobody else can catch the mail.
     */
    private static boolean inGovernmentNamespace(String ascii, int start, ProtectedNames names) {
        int dot = ascii.indexOf('.', start);
        return dot > 0 && names.isGovernmentLabel(ascii.substring(start, dot));
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

    /** The index of the label starting at {@code offset} (a label boundary). */
    private static int labelAt(int[] starts, int offset) {
        int index = Arrays.binarySearch(starts, offset);
        if (index < 0) {
            throw new IllegalStateException("no label starts at " + offset);
        }
        return index;
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

    /** The recipient domain, canonical ASCII. */
    public String ascii() {
        return ascii;
    }

    /** The visual form: folded from Unicode, or the ASCII name itself. */
    public String visual() {
        return visual;
    }

    /** The visual form with its prefix hashes, for look-ups of its tails (see {@link TextHashes}). */
    public TextHashes visualHashes() {
        return visualHashes;
    }

    /** The registrable label with its prefix hashes, for look-ups of its parts. */
    public TextHashes labelHashes() {
        TextHashes hashes = labelHashes;
        if (hashes == null) {
            hashes = new TextHashes(label());
            labelHashes = hashes;
        }
        return hashes;
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

    /** Visual label {@code index}. */
    public String label(int index) {
        String[] texts = labelTexts;
        if (texts == null) {
            texts = new String[starts.length];
            labelTexts = texts;
        }
        String text = texts[index];
        if (text == null) {
            text = starts.length == 1 ? visual : visual.substring(starts[index], end(index));
            texts[index] = text;
        }
        return text;
    }

    /** The visual labels. */
    public List<String> labels() {
        List<String> list = labelList;
        if (list == null) {
            String[] all = new String[starts.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = label(i);
            }
            list = List.of(all);
            labelList = list;
        }
        return list;
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

    /** For people: the ASCII form, or the Unicode form followed by the ASCII one when they differ. */
    public String display() {
        return ascii.equals(unicode) ? ascii : unicode + " (" + ascii + ")";
    }

    /** How many characters were folded from Unicode (0 for plain ASCII). */
    public int folded() {
        return folded;
    }

    /** The folded characters in words: "'ǎ' (U+01CE LATIN SMALL LETTER A WITH CARON) reads as 'a'", or empty. */
    public String foldNote() {
        if (folded == 0) {
            return "";
        }
        StringBuilder note = new StringBuilder();
        unicode.codePoints().filter(cp -> cp >= 0x80).distinct().forEach(cp -> {
            String reads = Glyphs.fold(new String(Character.toChars(cp)));
            note.append(note.length() == 0 ? "" : ", ").append('\'').appendCodePoint(cp).append("' (")
                .append(String.format("U+%04X %s", cp, UCharacter.getName(cp))).append(')')
                .append(reads.codePoints().allMatch(c -> c < 0x80) ? " reads as '" + reads + "'" : "");
        });
        return note.toString();
    }

    public Placement placement() {
        return placement;
    }

    /** The longest protected suffix the ASCII name is strictly under (what {@link #placement()} was decided by), or null. */
    public String asciiProtectedSuffix() {
        return asciiProtectedSuffix < 0 ? null : ascii.substring(asciiProtectedSuffix);
    }

    /** The suffix part (mil, gov.uk, com, or the unknown last label), visual form. */
    public String suffix() {
        String text = suffix;
        if (text == null) {
            text = tail(suffixStart);
            suffix = text;
        }
        return text;
    }

    /** Index of the first suffix label. */
    public int suffixStart() {
        return suffixStart;
    }

    /** Whether there is a label left of the suffix. */
    public boolean hasLabel() {
        return suffixStart > 0;
    }

    /** The registrable label: the one just left of the suffix. */
    public String label() {
        String text = label;
        if (text == null) {
            text = label(suffixStart - 1);
            label = text;
        }
        return text;
    }

    /** The glyph key of the registrable label. */
    public String labelKey() {
        String key = labelKey;
        if (key == null) {
            key = key(suffixStart - 1);
            labelKey = key;
        }
        return key;
    }

    /** The light glyph key (single characters mapped, no pairs merged) of visual label {@code index}. */
    public String lightKey(int index) {
        if (index == suffixStart - 1) {
            String key = labelLightKey;
            if (key == null) {
                key = Glyphs.lightKey(label());
                labelLightKey = key;
            }
            return key;
        }
        return Glyphs.lightKey(label(index));
    }

    /** The labels left of the registrable label, joined, possibly empty (mail in mail.army.ml). */
    public String prefix() {
        return suffixStart > 1 ? head(suffixStart - 1) : "";
    }

    /** Everything left of the suffix (mail.army in mail.army.ml), possibly empty. */
    public String beforeSuffix() {
        return head(suffixStart);
    }

    public boolean underProtectedSuffix() {
        return underProtectedSuffix;
    }

    public boolean suffixIsRegistrySuffix() {
        return suffixIsRegistrySuffix;
    }

    /** The visual labels from {@code index} to the end, joined: {@code tail(1)} of a.b.c is b.c. */
    public String tail(int index) {
        return index == 0 ? visual : visual.substring(starts[index]);
    }

    /** The visual labels before {@code index}, joined: {@code head(1)} of a.b.c is a. */
    public String head(int index) {
        return index >= starts.length ? visual : visual.substring(0, Math.max(0, starts[index] - 1));
    }

    /**
     * The glyph keys of every visual label joined with dots: the key of the whole name, whose tail from
     * {@link #keyStart(int)} is the key of the name's tail from label {@code index}.
     */
    public String nameKey() {
        return nameKeyWithStarts().text.text();
    }

    /** {@link #nameKey()} with its prefix hashes, for look-ups of its tails. */
    public TextHashes nameKeyHashes() {
        return nameKeyWithStarts().text;
    }

    private NameKey nameKeyWithStarts() {
        NameKey key = nameKey;
        if (key == null) {
            int[] at = new int[starts.length];
            StringBuilder joined = null;
            for (int i = 0; i < starts.length; i++) {
                String labelKey = key(i);
                if (joined == null && labelKey != label(i)) {
                    joined = new StringBuilder(visual.length()).append(visual, 0, starts[i]);
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
            key = new NameKey(joined == null ? visualHashes : new TextHashes(joined.toString()), at);
            nameKey = key;
        }
        return key;
    }

    /** Where the key of visual label {@code index} starts in {@link #nameKey()}. */
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

    /** The visual labels' keys joined with dots, and where each label's key starts in it. */
    private static final class NameKey {
        final TextHashes text;
        final int[] starts;

        NameKey(TextHashes text, int[] starts) {
            this.text = text;
            this.starts = starts;
        }
    }

    /** {@code prefix.label.suffix} with the given label and suffix: what the sender probably meant. */
    public String rebuilt(String newLabel, String newSuffix) {
        String prefix = prefix();
        return (prefix.isEmpty() ? "" : prefix + ".") + newLabel + "." + newSuffix;
    }
}
