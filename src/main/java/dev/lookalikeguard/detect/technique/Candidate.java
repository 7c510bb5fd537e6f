package dev.lookalikeguard.detect.technique;


import com.ibm.icu.lang.UCharacter;

import dev.lookalikeguard.detect.name.Glyphs;
import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.PublicSuffixes;
import dev.lookalikeguard.detect.name.TextHashes;
import dev.lookalikeguard.detect.name.VisualName;
import dev.lookalikeguard.detect.score.Evidence.Placement;

/**
 * A recipient domain as the techniques see it against one index of names: its {@link VisualName} (the
 * visual form: an internationalised name {@linkplain Glyphs#fold(String) folded} to the ASCII it reads as,
 * {@code аrmy.mil} becomes {@code army.mil}; plain ASCII is itself), cut where it would be registered:
 * {@code mail.amry.mil} is prefix {@code mail}, label {@code amry}, suffix {@code mil}. The suffix is the
 * longest protected suffix the visual name is under, else its registry suffix from the Public Suffix List,
 * else its last label. The {@link Placement} is that of the real name.
 *
 * <p>Made once per check and index, and shared by every technique, so what several of them ask (the label,
 * the suffix, glyph keys) is computed once, on first use, and what only some ask (the key of the whole name)
 * only when asked; the name's own parts (labels, keys) are the {@link VisualName}'s, so a second index (the
 * learned names) cut from the same reading does not compute them again. Label boundaries are kept as offsets
 * into the visual name ({@link #start(int)}), so that techniques can look its tails up without cutting them
 * out. Immutable in what it answers (the lazily computed parts are the same whoever computes them first);
 * like its reading, it belongs to the check that made it.
 */
public final class Candidate {
    private final VisualName name;
    private final int suffixStart;
    private final boolean underProtectedSuffix;
    private final boolean suffixIsRegistrySuffix;
    private final Placement placement;
    /** Where the longest protected suffix the ASCII name is strictly under starts in the ASCII name, or -1. */
    private final int asciiProtectedSuffix;

    // Computed on first use.
    private String suffix;

    private Candidate(VisualName name, int suffixStart, boolean underProtectedSuffix, boolean suffixIsRegistrySuffix,
                      Placement placement, int asciiProtectedSuffix) {
        this.name = name;
        this.suffixStart = suffixStart;
        this.underProtectedSuffix = underProtectedSuffix;
        this.suffixIsRegistrySuffix = suffixIsRegistrySuffix;
        this.placement = placement;
        this.asciiProtectedSuffix = asciiProtectedSuffix;
    }

    /** The candidate of a domain as read, cut and placed by {@code names}. */
    public static Candidate of(VisualName name, ProtectedNames names) {
        TextHashes ascii = name.asciiHashes();
        String asciiName = ascii.text();
        boolean international = name.isInternationalized();
        TextHashes visual = name.visualHashes();

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
            return new Candidate(name, name.labelAt(protectedStart), true, PublicSuffixes.isRegistrySuffix(visual, protectedStart),
                placement, asciiProtected);
        }
        // Cut at a public suffix: the registry one (as for the placement), or one of the private section too.
        int registryStart = international || names.cutsAtPrivateSuffixes() ? names.publicSuffixStart(visual, 0)
            : asciiRegistry;
        if (registryStart > 0) {
            return new Candidate(name, name.labelAt(registryStart), false, true, placement, asciiProtected);
        }
        return new Candidate(name, Math.max(0, name.labelCount() - 1), false, false, placement, asciiProtected);
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

    /** The recipient domain, canonical ASCII. */
    public String ascii() {
        return name.ascii();
    }

    /** The visual form: folded from Unicode, or the ASCII name itself. */
    public String visual() {
        return name.visual();
    }

    /** The visual form with its prefix hashes, for look-ups of its tails (see {@link TextHashes}). */
    public TextHashes visualHashes() {
        return name.visualHashes();
    }

    /** How many labels the visual name has. */
    public int labelCount() {
        return name.labelCount();
    }

    /** Where visual label {@code index} starts in {@link #visual()}. */
    public int start(int index) {
        return name.start(index);
    }

    /** Where visual label {@code index} ends in {@link #visual()} (the dot after it, or the end). */
    public int end(int index) {
        return name.end(index);
    }

    /** Visual label {@code index}. */
    public String label(int index) {
        return name.label(index);
    }

    /** The glyph key of visual label {@code index}. */
    public String key(int index) {
        return name.key(index);
    }

    /** For people: the ASCII form, or the Unicode form followed by the ASCII one when they differ. */
    public String display() {
        return name.display();
    }

    /** How many characters were folded from Unicode (0 for plain ASCII). */
    public int folded() {
        return name.folded();
    }

    /** The folded characters in words: "'ǎ' (U+01CE LATIN SMALL LETTER A WITH CARON) reads as 'a'", or empty. */
    public String foldNote() {
        if (name.folded() == 0) {
            return "";
        }
        StringBuilder note = new StringBuilder();
        name.unicode().codePoints().filter(cp -> cp >= 0x80).distinct().forEach(cp -> {
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
        return asciiProtectedSuffix < 0 ? null : name.ascii().substring(asciiProtectedSuffix);
    }

    /** The suffix part (mil, gov.uk, com, or the unknown last label), visual form. */
    public String suffix() {
        String text = suffix;
        if (text == null) {
            text = name.tail(suffixStart);
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
        return name.label(suffixStart - 1);
    }

    /** The glyph key of the registrable label. */
    public String labelKey() {
        return name.key(suffixStart - 1);
    }

    /** The light glyph key (single characters mapped, no pairs merged) of visual label {@code index}. */
    public String lightKey(int index) {
        return name.lightKey(index);
    }

    /** The labels left of the registrable label, joined, possibly empty (mail in mail.army.ml). */
    public String prefix() {
        return suffixStart > 1 ? name.head(suffixStart - 1) : "";
    }

    /** Everything left of the suffix (mail.army in mail.army.ml), possibly empty. */
    public String beforeSuffix() {
        return name.head(suffixStart);
    }

    public boolean underProtectedSuffix() {
        return underProtectedSuffix;
    }

    public boolean suffixIsRegistrySuffix() {
        return suffixIsRegistrySuffix;
    }

    /** The visual labels from {@code index} to the end, joined: {@code tail(1)} of a.b.c is b.c. */
    public String tail(int index) {
        return name.tail(index);
    }

    /** The visual labels before {@code index}, joined: {@code head(1)} of a.b.c is a. */
    public String head(int index) {
        return name.head(index);
    }

    /**
     * The glyph keys of every visual label joined with dots, with its prefix hashes, for look-ups of its tails
     * (see {@link VisualName#nameKeyHashes()}).
     */
    public TextHashes nameKeyHashes() {
        return name.nameKeyHashes();
    }

    /** Where the key of visual label {@code index} starts in {@link #nameKeyHashes()}. */
    public int keyStart(int index) {
        return name.keyStart(index);
    }

    /** The length of {@link #tailKey(int)} (see {@link VisualName#tailKeyLength(int)}). */
    public int tailKeyLength(int index) {
        return name.tailKeyLength(index);
    }

    /** The glyph keys of the labels from {@code index} to the end, joined with dots. */
    public String tailKey(int index) {
        return name.tailKey(index);
    }

    /** {@code prefix.label.suffix} with the given label and suffix: what the sender probably meant. */
    public String rebuilt(String newLabel, String newSuffix) {
        String prefix = prefix();
        return (prefix.isEmpty() ? "" : prefix + ".") + newLabel + "." + newSuffix;
    }
}
