package dev.lookalikeguard.detect.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.lookalikeguard.detect.score.Evidence.Placement;
import dev.lookalikeguard.detect.score.Evidence.Shape;
import dev.lookalikeguard.detect.score.Scoring.Band;

class ScoringTest {

    private static Evidence typo(int labelLength, Placement placement) {
        return Evidence.of(Shape.LABEL_TYPO, placement).withTypos(1, 85).withTarget(labelLength, true, false);
    }

    @Nested
    class Shapes {

        @Test
        void aVisualCopyAndAMistypedRealSuffixAreCertain() {
            assertThat(Band.of(Scoring.score(Evidence.of(Shape.VISUAL_COPY, Placement.OUTSIDE).withGlyphs(1, 1))))
                .isEqualTo(Band.CERTAIN);
            assertThat(Band.of(Scoring.score(Evidence.of(Shape.SUFFIX_TYPO, Placement.OUTSIDE)
                .withTarget(4, true, false)))).isEqualTo(Band.CERTAIN);
        }

        @Test
        void aSwapOfADistinctiveLabelIsLikelyAndOfACommonWordOnlyPossible() {
            Evidence swap = Evidence.of(Shape.SUFFIX_SWAP, Placement.OUTSIDE).withTarget(7, true, false);
            assertThat(Band.of(Scoring.score(swap))).isEqualTo(Band.LIKELY);
            assertThat(Band.of(Scoring.score(swap.withTarget(6, true, true)))).isEqualTo(Band.POSSIBLE);
        }

        @Test
        void aCommonWordWithAnotherWordUnderAnotherSuffixIsWeak() {
            Evidence word = Evidence.of(Shape.WORD_ADDED, Placement.OUTSIDE).withTarget(6, true, true).withWord(false, false);
            assertThat(Band.of(Scoring.score(word))).isEqualTo(Band.WEAK);
            assertThat(Band.of(Scoring.score(word.withWord(false, true)))).isEqualTo(Band.LIKELY);
        }
    }

    @Nested
    class WhatMovesAScore {

        @Test
        void shorterLabelsScoreLower() {
            assertThat(Scoring.score(typo(3, Placement.OUTSIDE))).isLessThan(Scoring.score(typo(4, Placement.OUTSIDE)));
            assertThat(Scoring.score(typo(4, Placement.OUTSIDE))).isLessThan(Scoring.score(typo(8, Placement.OUTSIDE)));
        }

        @Test
        void aNameMissingFromACompleteRegistryScoresHigher() {
            assertThat(Scoring.score(typo(3, Placement.INSIDE_UNREGISTERED)))
                .isGreaterThan(Scoring.score(typo(3, Placement.INSIDE)));
        }

        @Test
        void aKnownNameNotListedIsOnlyWorthAParanoidLookUnderAnotherSuffix() {
            Evidence listed = Evidence.of(Shape.SUFFIX_SWAP, Placement.OUTSIDE).withTarget(6, true, false);
            Evidence known = listed.withTarget(6, false, false);
            assertThat(Scoring.score(listed)).isGreaterThanOrEqualTo(Scoring.BALANCED_THRESHOLD);
            assertThat(Scoring.score(known)).isLessThan(Scoring.BALANCED_THRESHOLD)
                .isGreaterThanOrEqualTo(Scoring.PARANOID_THRESHOLD);
        }

        @Test
        void scoresStayBetweenZeroAndAHundred() {
            Evidence worst = Evidence.of(Shape.WORD_ADDED, Placement.NOWHERE).withTarget(2, false, true)
                .withGlyphs(4, 0);
            assertThat(Scoring.score(worst)).isBetween(0, 100);
        }
    }

    /**
     * No evidence scores above its shape's ceiling at its placement, whatever its other facts (the engine skips a
     * technique whose ceilings a finding already beats); and each ceiling is reached by some evidence at every
     * placement but under no real suffix (a ceiling set too high would only skip less).
     */
    @Test
    void noEvidenceScoresAboveItsShapesCeilingAndEachCeilingIsReached() {
        int[] typoScores = {0, 50, 70, 75, 80, 85, 88, 90, 100};
        boolean[] both = {false, true};
        for (Shape shape : Shape.values()) {
            for (Placement placement : Placement.values()) {
                int ceiling = Scoring.ceiling(shape, placement);
                int highest = 0;
                for (int typos = 0; typos <= 3; typos++) {
                    for (int typoScore : typoScores) {
                        for (int glyphs = 0; glyphs <= 4; glyphs++) {
                            for (int folded = 0; folded <= 6; folded += 3) {
                                for (int length = 1; length <= 9; length++) {
                                    for (boolean listed : both) {
                                        for (boolean common : both) {
                                            for (boolean real : both) {
                                                for (boolean separated : both) {
                                                    for (boolean sameSuffix : both) {
                                                        Evidence e = Evidence.of(shape, placement)
                                                            .withTypos(typos, typoScore).withGlyphs(glyphs, folded)
                                                            .withTarget(length, listed, common).withTypedSuffixReal(real)
                                                            .withWord(separated, sameSuffix);
                                                        int score = Scoring.score(e);
                                                        assertThat(score).as(e.toString()).isLessThanOrEqualTo(ceiling);
                                                        highest = Math.max(highest, score);
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                if (placement != Placement.NOWHERE) {
                    assertThat(highest).as(shape + " " + placement).isEqualTo(ceiling);
                }
            }
        }
    }

    @Test
    void bandsCoverEveryScore() {
        assertThat(Band.of(100)).isEqualTo(Band.CERTAIN);
        assertThat(Band.of(90)).isEqualTo(Band.CERTAIN);
        assertThat(Band.of(89)).isEqualTo(Band.LIKELY);
        assertThat(Band.of(75)).isEqualTo(Band.LIKELY);
        assertThat(Band.of(74)).isEqualTo(Band.POSSIBLE);
        assertThat(Band.of(60)).isEqualTo(Band.POSSIBLE);
        assertThat(Band.of(59)).isEqualTo(Band.WEAK);
        assertThat(Band.of(0)).isEqualTo(Band.WEAK);
    }
}
