package dev.lookalikeguard.detect.technique;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.ibm.icu.lang.UCharacter;

import dev.lookalikeguard.detect.name.Glyphs;
import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.PublicSuffixes;
import dev.lookalikeguard.detect.score.Evidence.Placement;

/**
 * A recipient domain as the techniques see it: its <em>visual</em> form (an internationalised name
 * {@linkplain Glyphs#fold(String) folded} to the ASCII it reads as: {@code аrmy.mil} becomes
 * {@code army.mil}; plain ASCII is itself), cut where it would be registered: {@code mail.amry.mil} is
 * prefix {@code mail}, label {@code amry}, suffix {@code mil}. The suffix is the longest protected suffix
 * the visual name is under, else its registry suffix from the Public Suffix List, else its last label.
 * The {@link Placement} is that of the real name. Immutable.
 */
public final class Candidate {
    private final String ascii;
    private final String unicode;
    private final String visual;
    private final List<String> labels;
    private final int suffixStart;
    private final boolean underProtectedSuffix;
    private final boolean suffixIsRegistrySuffix;
    private final Placement placement;
    private final int folded;
    private final String[] keys;
    /** The visual labels' keys joined with dots, and where each label's key starts in it. */
    private final String nameKey;
    private final int[] keyStarts;
    /** Where each visual label starts in {@link #visual}. */
    private final int[] starts;

    private Candidate(String ascii, String unicode, String visual, List<String> labels, int suffixStart,
                      boolean underProtectedSuffix, boolean suffixIsRegistrySuffix, Placement placement, int folded) {
        this.ascii = ascii;
        this.unicode = unicode;
        this.visual = visual;
        this.labels = labels;
        this.suffixStart = suffixStart;
        this.underProtectedSuffix = underProtectedSuffix;
        this.suffixIsRegistrySuffix = suffixIsRegistrySuffix;
        this.placement = placement;
        this.folded = folded;
        int count = labels.size();
        this.keys = new String[count];
        this.keyStarts = new int[count];
        this.starts = new int[count];
        StringBuilder key = new StringBuilder(visual.length());
        int offset = 0;
        for (int i = 0; i < count; i++) {
            keys[i] = Glyphs.key(labels.get(i));
            keyStarts[i] = key.length();
            starts[i] = offset;
            offset += labels.get(i).length() + 1;
            key.append(keys[i]);
            if (i + 1 < count) {
                key.append('.');
            }
        }
        this.nameKey = key.toString();
    }

    /**
     * @param ascii the canonical ASCII (A-label) form of the recipient domain
     * @param unicode its Unicode form (the same string when it has no internationalised label)
     * @param asciiLabels the labels of {@code ascii}
     */
    public static Candidate of(String ascii, String unicode, List<String> asciiLabels, ProtectedNames names) {
        boolean international = !ascii.equals(unicode);
        String visual = international ? Glyphs.fold(unicode) : ascii;
        List<String> labels = international ? split(visual) : asciiLabels;
        int folded = international ? countFolded(unicode) : 0;
        Placement placement = placement(ascii, international, names);

        Optional<String> protectedSuffix = names.longestProtectedSuffixStrictlyAbove(visual);
        if (protectedSuffix.isPresent()) {
            return new Candidate(ascii, unicode, visual, labels, labels.size() - labelCount(protectedSuffix.get()), true,
                PublicSuffixes.isRegistrySuffix(protectedSuffix.get()), placement, folded);
        }
        Optional<String> registrySuffix = names.publicSuffixStrictlyAbove(visual);
        if (registrySuffix.isPresent()) {
            return new Candidate(ascii, unicode, visual, labels, labels.size() - labelCount(registrySuffix.get()), false,
                true, placement, folded);
        }
        return new Candidate(ascii, unicode, visual, labels, Math.max(0, labels.size() - 1), false, false, placement,
            folded);
    }

    private static Placement placement(String ascii, boolean international, ProtectedNames names) {
        Optional<String> protectedSuffix = names.longestProtectedSuffixStrictlyAbove(ascii);
        if (protectedSuffix.isPresent()) {
            // Government registries register ASCII names only: an internationalised label under one is not registered.
            return names.isComplete(protectedSuffix.get()) || international ? Placement.INSIDE_UNREGISTERED
                : Placement.INSIDE;
        }
        Optional<String> registrySuffix = PublicSuffixes.registrySuffixStrictlyAbove(ascii);
        if (registrySuffix.isEmpty()) {
            return Placement.NOWHERE;
        }
        // Another country's government namespace (mil.nz, gov.au: first label that of a protected suffix): only
        // that government registers there, so nobody else can catch the mail.
        return names.isGovernmentLabel(firstLabel(registrySuffix.get())) && registrySuffix.get().indexOf('.') > 0
            ? Placement.INSIDE : Placement.OUTSIDE;
    }

    private static String firstLabel(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static List<String> split(String name) {
        List<String> parts = new ArrayList<>(4);
        int start = 0;
        while (true) {
            int dot = name.indexOf('.', start);
            parts.add(dot < 0 ? name.substring(start) : name.substring(start, dot));
            if (dot < 0) {
                return List.copyOf(parts);
            }
            start = dot + 1;
        }
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

    private static int labelCount(String suffix) {
        int count = 1;
        for (int i = 0; i < suffix.length(); i++) {
            if (suffix.charAt(i) == '.') {
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

    /** The visual labels. */
    public List<String> labels() {
        return labels;
    }

    /** The glyph key of visual label {@code index}. */
    public String key(int index) {
        return keys[index];
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

    /** The suffix part (mil, gov.uk, com, or the unknown last label), visual form. */
    public String suffix() {
        return tail(suffixStart);
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
        return labels.get(suffixStart - 1);
    }

    /** The glyph key of the registrable label. */
    public String labelKey() {
        return keys[suffixStart - 1];
    }

    /** The light glyph key (single characters mapped, no pairs merged) of visual label {@code index}. */
    public String lightKey(int index) {
        return Glyphs.lightKey(labels.get(index));
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

    /** The glyph keys of the labels from {@code index} to the end, joined with dots. */
    public String tailKey(int index) {
        return index == 0 ? nameKey : nameKey.substring(keyStarts[index]);
    }

    /** {@code prefix.label.suffix} with the given label and suffix: what the sender probably meant. */
    public String rebuilt(String newLabel, String newSuffix) {
        String prefix = prefix();
        return (prefix.isEmpty() ? "" : prefix + ".") + newLabel + "." + newSuffix;
    }
}
