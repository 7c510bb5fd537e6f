package dev.lookalikeguard.detect.score;

import java.util.Objects;

/**
 * What a technique found, as facts the {@link Scoring} model turns into a score: how the recipient
 * domain is built from the protected name ({@link Shape}), how much its label differs, how distinctive
 * the protected label is, and where the domain sits ({@link Placement}). Immutable; build with
 * {@link #of(Shape, Placement)} and the {@code with...} methods.
 */
public final class Evidence {

    /** How the recipient domain is made from the protected name. */
    public enum Shape {
        /** Reads as the protected name: only look-alike glyphs or folded characters differ (аrmy.mil, arrny.mil). */
        VISUAL_COPY,
        /** Same suffix, the label mistyped (amry.mil, polce.uk). */
        LABEL_TYPO,
        /** The suffix mistyped (army.ml, army.mill, defense.gv), the label possibly mistyped too. */
        SUFFIX_TYPO,
        /** The label under another suffix (dfas.shop, army.com), possibly mistyped. */
        SUFFIX_SWAP,
        /** A suffix added after the protected name (army.mil.com). */
        APPENDED_SUFFIX,
        /** The dots of the protected name left out (armymil.com, usarmy-mil.com). */
        MISSING_DOT,
        /** A dot typed inside the label (afr.icom.mil, po.lice.uk). */
        EXTRA_DOT,
        /** The label with a word, hyphen or digits added before or after it (dfas-login.com, navymail.net). */
        WORD_ADDED,
        /** Any name under a suffix one edit from a protected one: real (orange.ml: the .mil/.ml block) or not (x.gov.uj). */
        NEAR_SUFFIX
    }

    /** Where the recipient domain sits. */
    public enum Placement {
        /**
         * Under a protected suffix whose registry the lists do not hold completely (.mil), or under another
         * country's government suffix (mil.nz, gov.au): it cannot leak.
         */
        INSIDE,
        /** Under a protected suffix whose registry the lists hold completely (.gov): it is not even registered. */
        INSIDE_UNREGISTERED,
        /** Under a real public suffix outside the protected ones: anyone can register it. */
        OUTSIDE,
        /** Under no real public suffix (army.mkil): DNS will not find it. */
        NOWHERE
    }

    private final Shape shape;
    private final Placement placement;
    private final int typos;
    private final int glyphs;
    private final int foldedCharacters;
    private final int typoScore;
    private final int protectedLabelLength;
    private final boolean listed;
    private final boolean commonWord;
    private final boolean typedSuffixReal;
    private final boolean separated;
    private final boolean sameSuffix;

    private Evidence(Shape shape, Placement placement, int typos, int glyphs, int foldedCharacters, int typoScore,
                     int protectedLabelLength, boolean listed, boolean commonWord, boolean typedSuffixReal,
                     boolean separated, boolean sameSuffix) {
        this.shape = Objects.requireNonNull(shape);
        this.placement = Objects.requireNonNull(placement);
        this.typos = typos;
        this.glyphs = glyphs;
        this.foldedCharacters = foldedCharacters;
        this.typoScore = typoScore;
        this.protectedLabelLength = protectedLabelLength;
        this.listed = listed;
        this.commonWord = commonWord;
        this.typedSuffixReal = typedSuffixReal;
        this.separated = separated;
        this.sameSuffix = sameSuffix;
    }

    public static Evidence of(Shape shape, Placement placement) {
        return new Evidence(shape, placement, 0, 0, 0, 0, 0, true, false, true, false, false);
    }

    /** Typing mistakes in the label, and the score of the first one's kind (see {@code TypoKind}). */
    public Evidence withTypos(int count, int firstKindScore) {
        return new Evidence(shape, placement, count, glyphs, foldedCharacters, firstKindScore, protectedLabelLength, listed,
            commonWord, typedSuffixReal, separated, sameSuffix);
    }

    /** Look-alike glyph steps (0 for o, rn for m), and characters folded from Unicode (ǎ for a, Cyrillic а). */
    public Evidence withGlyphs(int glyphSteps, int folded) {
        return new Evidence(shape, placement, typos, glyphSteps, folded, typoScore, protectedLabelLength, listed,
            commonWord, typedSuffixReal, separated, sameSuffix);
    }

    /** The protected label: its length, whether the admin listed the name, whether it is a common word. */
    public Evidence withTarget(int labelLength, boolean isListed, boolean isCommonWord) {
        return new Evidence(shape, placement, typos, glyphs, foldedCharacters, typoScore, labelLength, isListed,
            isCommonWord, typedSuffixReal, separated, sameSuffix);
    }

    /** For a suffix typo: whether the typed suffix is itself a real public suffix (ml, il: registrable). */
    public Evidence withTypedSuffixReal(boolean real) {
        return new Evidence(shape, placement, typos, glyphs, foldedCharacters, typoScore, protectedLabelLength, listed,
            commonWord, real, separated, sameSuffix);
    }

    /** For an added word: whether a hyphen or digits separate it, and whether the suffix is the protected name's. */
    public Evidence withWord(boolean isSeparated, boolean isSameSuffix) {
        return new Evidence(shape, placement, typos, glyphs, foldedCharacters, typoScore, protectedLabelLength, listed,
            commonWord, typedSuffixReal, isSeparated, isSameSuffix);
    }

    public Shape shape() {
        return shape;
    }

    public Placement placement() {
        return placement;
    }

    public int typos() {
        return typos;
    }

    public int glyphs() {
        return glyphs;
    }

    public int foldedCharacters() {
        return foldedCharacters;
    }

    public int typoScore() {
        return typoScore;
    }

    public int protectedLabelLength() {
        return protectedLabelLength;
    }

    public boolean listed() {
        return listed;
    }

    public boolean commonWord() {
        return commonWord;
    }

    public boolean typedSuffixReal() {
        return typedSuffixReal;
    }

    public boolean separated() {
        return separated;
    }

    public boolean sameSuffix() {
        return sameSuffix;
    }

    @Override
    public String toString() {
        return shape + " " + placement + " typos=" + typos + " glyphs=" + glyphs + " folded=" + foldedCharacters
            + " length=" + protectedLabelLength + (listed ? " listed" : " known") + (commonWord ? " word" : "");
    }
}
