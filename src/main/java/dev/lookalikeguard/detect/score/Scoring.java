package dev.lookalikeguard.detect.score;

import java.util.Locale;

import dev.lookalikeguard.detect.score.Evidence.Placement;
import dev.lookalikeguard.detect.score.Evidence.Shape;

/**
 * The one scoring model: turns a technique's {@link Evidence} into a score from 0 to 100, how surely the
 * recipient domain is a mistaken copy of the protected name rather than a different real domain.
 * Every number the engine scores with is here.
 *
 * <p>The score starts from the shape (a visual copy or a mistyped suffix is nearly always a mistake; a
 * word added to a label often is not) and is lowered by what makes a coincidence likelier: typing
 * mistakes and glyph steps in the label, a short protected label, a common word, a suffix that is not
 * real; and raised where the name cannot be real at all (under .gov, whose complete registry lacks it).
 * Scores fall into {@link Band}s; the condition's {@code sensitivity} (or {@code minScore}) says from
 * which score a domain is called a look-alike. The README gives each band's measured precision.
 */
public final class Scoring {

    /** Scores by band. */
    public enum Band {
        /** 90 and up: a visual copy, a mistyped suffix, a suffix added or dots left out. */
        CERTAIN(90),
        /** 75 to 89: one typing mistake in a distinctive label, the label under another suffix. */
        LIKELY(75),
        /** 60 to 74: short labels, common words, words added, two mistakes: worth a question to the sender. */
        POSSIBLE(60),
        /** Below 60: only the paranoid sensitivity stops these. */
        WEAK(0);

        private final int from;

        Band(int from) {
            this.from = from;
        }

        /** The lowest score in this band. */
        public int from() {
            return from;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Band of(int score) {
            for (Band band : values()) {
                if (score >= band.from) {
                    return band;
                }
            }
            return WEAK;
        }
    }

    /** The lowest score each sensitivity calls a look-alike. */
    public static final int STRICT_THRESHOLD = Band.LIKELY.from();
    public static final int BALANCED_THRESHOLD = Band.POSSIBLE.from();
    public static final int PARANOID_THRESHOLD = 40;

    // Where each shape starts.
    private static final int VISUAL_COPY = 96;
    private static final int SUFFIX_TYPO_REAL = 95;
    private static final int SUFFIX_TYPO_NOT_REAL = 90;
    private static final int APPENDED_SUFFIX = 90;
    private static final int MISSING_DOT = 90;
    private static final int EXTRA_DOT = 85;
    private static final int SUFFIX_SWAP = 85;
    private static final int WORD_ADDED = 72;
    private static final int NEAR_SUFFIX = 45;
    /** Any name under a suffix that is no real one but one edit from a protected one (x.gov.uj): a typo. */
    private static final int NEAR_SUFFIX_NOT_REAL = 70;
    /** Two or more typing mistakes in one label. */
    private static final int SEVERAL_TYPOS = 62;

    // What lowers it.
    /** A typing mistake in the label on top of another change (suffix typo or swap). */
    private static final int TYPO_ON_TOP = 15;
    /** Each look-alike glyph step in a label (more for short labels, where a glyph changes a lot). */
    private static final int GLYPH = 2;
    private static final int GLYPH_SHORT = 8;
    /** Each folded character of an internationalised name beyond the first few (a visual copy stays one). */
    private static final int MANY_GLYPHS = 1;
    /** Protected labels of 2, 3 and 4 characters: coincidences are likely. */
    private static final int LENGTH_2 = 30;
    private static final int LENGTH_3 = 20;
    private static final int LENGTH_4 = 6;
    /**
     * The protected label is a common word: the same word elsewhere is often a different real name (less for
     * labels of four letters or fewer, whose length already says so).
     */
    private static final int COMMON_WORD = 15;
    private static final int COMMON_SHORT_WORD = 10;
    /** A known name, not one the admin listed: other suffixes and words are only searched at paranoid. */
    private static final int KNOWN_ONLY = 30;
    /** A known name, not a listed one, changed in two ways (suffix and label) or from a label of a few letters. */
    private static final int KNOWN_ONLY_COMBINED = 10;
    /**
     * A common word with another word added: under the protected name's own suffix still likely a copy
     * (police-pay.uk), elsewhere as likely another real name (web-police.com) as a copy.
     */
    private static final int COMMON_WORD_SAME_SUFFIX = 5;
    private static final int COMMON_WORD_ELSEWHERE = 20;
    /** ... unless a hyphen or digits set the protected word apart (secure-army.org): worth a question. */
    private static final int COMMON_WORD_SEPARATED_ELSEWHERE = 12;
    /**
     * The label under another protected suffix whose registry is not complete (army.mod.uk for army.mil):
     * another government's name, most likely real, and it cannot leak.
     */
    private static final int OTHER_GOVERNMENT = 30;
    /** The typed suffix is no real suffix: the name cannot be registered (mail to it fails anyway). */
    private static final int SUFFIX_NOT_REAL = 8;

    /** A learned correspondent's name instead of a listed one. */
    private static final int LEARNED_NAME = 10;

    // What raises it.
    /** Under a protected suffix whose complete registry lacks the name: it cannot be a real name. */
    private static final int UNREGISTERED = 15;
    /** A word added after a hyphen or digits, or under the protected name's own suffix. */
    private static final int WORD_SEPARATED = 5;
    private static final int WORD_SAME_SUFFIX = 8;

    private Scoring() {
    }

    /** The score of the evidence, 0 to 100. */
    public static int score(Evidence e) {
        int score;
        switch (e.shape()) {
            case VISUAL_COPY:
                score = VISUAL_COPY - MANY_GLYPHS * Math.max(0, e.glyphs() + e.foldedCharacters() - 3);
                break;
            case SUFFIX_TYPO:
                score = (e.typedSuffixReal() ? SUFFIX_TYPO_REAL : SUFFIX_TYPO_NOT_REAL) - labelChange(e, true)
                    - (e.typos() > 0 && !e.listed() ? KNOWN_ONLY_COMBINED : 0);
                break;
            case LABEL_TYPO:
                // With typos, highestWithTypos bounds this (the label search relies on it): a raise here goes there too.
                score = e.typos() == 0 ? VISUAL_COPY - glyphPenalty(e)
                    : typoBase(e) - lengthPenalty(e) - glyphPenalty(e);
                break;
            case SUFFIX_SWAP:
                score = SUFFIX_SWAP - labelChange(e, true) - swapLengthPenalty(e) - commonWordPenalty(e)
                    - (e.listed() ? 0 : KNOWN_ONLY) - (e.placement() == Placement.NOWHERE ? SUFFIX_NOT_REAL : 0)
                    - (e.placement() == Placement.INSIDE ? OTHER_GOVERNMENT : 0);
                break;
            case APPENDED_SUFFIX:
                score = APPENDED_SUFFIX;
                break;
            case MISSING_DOT:
                score = MISSING_DOT - glyphPenalty(e) - swapLengthPenalty(e) - (e.listed() ? 0 : KNOWN_ONLY_COMBINED);
                break;
            case EXTRA_DOT:
                score = EXTRA_DOT - swapLengthPenalty(e);
                break;
            case WORD_ADDED:
                score = WORD_ADDED - swapLengthPenalty(e) - (e.listed() ? 0 : KNOWN_ONLY)
                    + (e.separated() ? WORD_SEPARATED : 0) - glyphPenalty(e)
                    - (!e.sameSuffix() && e.placement() == Placement.INSIDE ? OTHER_GOVERNMENT : 0)
                    + (e.sameSuffix() ? WORD_SAME_SUFFIX - (e.commonWord() ? COMMON_WORD_SAME_SUFFIX : 0)
                        : -(e.commonWord() ? (e.separated() ? COMMON_WORD_SEPARATED_ELSEWHERE : COMMON_WORD_ELSEWHERE) : 0));
                break;
            case NEAR_SUFFIX:
                score = e.typedSuffixReal() ? NEAR_SUFFIX : NEAR_SUFFIX_NOT_REAL;
                break;
            default:
                throw new IllegalStateException("unscored shape " + e.shape());
        }
        return placed(score, e.shape(), e.placement());
    }

    /**
     * The highest score any evidence of this shape and placement can get, whatever its other facts: each shape
     * starts from its base above and everything else only lowers it (a typing mistake scores at most 100; a
     * suffix swap is lowered by its placement too), then the placement raises it as for a real score. A technique
     * whose findings have only such shapes cannot beat a finding that ranks above its ceiling (the engine then does
     * not run it).
     */
    public static int ceiling(Shape shape, Placement placement) {
        int highest;
        switch (shape) {
            case VISUAL_COPY:
                highest = VISUAL_COPY;
                break;
            case SUFFIX_TYPO:
                highest = Math.max(SUFFIX_TYPO_REAL, SUFFIX_TYPO_NOT_REAL);
                break;
            case LABEL_TYPO:
                highest = 100;
                break;
            case SUFFIX_SWAP:
                // Inside a government namespace the label under another one is most likely that government's own.
                highest = SUFFIX_SWAP - (placement == Placement.INSIDE ? OTHER_GOVERNMENT : 0)
                    - (placement == Placement.NOWHERE ? SUFFIX_NOT_REAL : 0);
                break;
            case APPENDED_SUFFIX:
                highest = APPENDED_SUFFIX;
                break;
            case MISSING_DOT:
                highest = MISSING_DOT;
                break;
            case EXTRA_DOT:
                highest = EXTRA_DOT;
                break;
            case WORD_ADDED:
                highest = WORD_ADDED + WORD_SEPARATED + WORD_SAME_SUFFIX;
                break;
            case NEAR_SUFFIX:
                highest = Math.max(NEAR_SUFFIX, NEAR_SUFFIX_NOT_REAL);
                break;
            default:
                throw new IllegalStateException("unscored shape " + shape);
        }
        return placed(highest, shape, placement);
    }

    /**
     * The highest score of label-typo evidence with at least one typing mistake, when no kind of mistake scores
     * more than {@code highestTypoScore}: one mistake starts from its kind's score, several from a flat one, and
     * everything else only lowers it but the placement, which raises a typo at most to just below a visual copy.
     * A finding ranked above it (plus the preference for a listed name) is beaten by no label typo.
     */
    public static int highestWithTypos(int highestTypoScore) {
        int highest = 0;
        for (Placement placement : Placement.values()) {
            highest = Math.max(highest, placed(Math.max(highestTypoScore, SEVERAL_TYPOS), Shape.LABEL_TYPO, placement));
        }
        return highest;
    }

    /**
     * The highest score of a difference without typos in a label (a visual copy found by comparing labels): at least
     * one glyph step, with {@code folded} characters folded from Unicode.
     */
    public static int highestWithoutTypos(Placement placement, int folded) {
        return score(Evidence.of(Shape.VISUAL_COPY, placement).withGlyphs(1, folded));
    }

    /** The score raised by where the name sits, between 0 and 100. */
    private static int placed(int score, Shape shape, Placement placement) {
        int placedScore = score;
        if (placement == Placement.INSIDE_UNREGISTERED && shape != Shape.VISUAL_COPY) {
            // Surely not a real name, and so surely a mistake: but a typo stays below a visual copy.
            placedScore = Math.max(score, Math.min(score + UNREGISTERED, VISUAL_COPY - 1));
        }
        return Math.max(0, Math.min(100, placedScore));
    }

    /**
     * The score of the evidence when the protected name is one the organisation was seen writing to (learned
     * from its mail) rather than one the admin listed: commercial names sit among many other real ones, so
     * the same evidence is less sure.
     */
    public static int forLearnedName(Evidence e) {
        return Math.max(0, score(e) - LEARNED_NAME);
    }

    /** What a label typo (one: its kind's score; several: a flat score) starts from. */
    private static int typoBase(Evidence e) {
        return e.typos() >= 2 ? SEVERAL_TYPOS : e.typoScore();
    }

    /**
     * How much a changed label lowers a shape that is not a label typo itself (suffix typo, swap): nothing
     * for an identical label, the glyph penalty for glyph steps, more for a typing mistake on top.
     */
    private static int labelChange(Evidence e, boolean onTop) {
        if (e.typos() == 0) {
            return glyphPenalty(e);
        }
        int typo = onTop ? TYPO_ON_TOP + (100 - Math.max(e.typoScore(), 70)) / 2 : 0;
        return typo + lengthPenalty(e) + glyphPenalty(e);
    }

    private static int glyphPenalty(Evidence e) {
        int perGlyph = e.protectedLabelLength() <= 4 ? GLYPH_SHORT : GLYPH;
        return perGlyph * e.glyphs();
    }

    private static int lengthPenalty(Evidence e) {
        switch (Math.min(e.protectedLabelLength(), 5)) {
            case 0:
            case 1:
            case 2:
                return LENGTH_2;
            case 3:
                return LENGTH_3;
            case 4:
                return LENGTH_4;
            default:
                return 0;
        }
    }

    private static int commonWordPenalty(Evidence e) {
        if (!e.commonWord()) {
            return 0;
        }
        return e.protectedLabelLength() <= 4 ? COMMON_SHORT_WORD : COMMON_WORD;
    }

    /** Short labels under another suffix or with a word added are often other real names. */
    private static int swapLengthPenalty(Evidence e) {
        switch (Math.min(e.protectedLabelLength(), 5)) {
            case 0:
            case 1:
            case 2:
                return LENGTH_2 - 5;
            case 3:
                return LENGTH_3 - 5;
            case 4:
                return LENGTH_4 - 2;
            default:
                return 0;
        }
    }
}
