package dev.lookalikeguard.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "army, army, 0", "army, amry, 1", "army, amy, 1", "army, armmy, 1", "army, aemy, 1",
        "defense, defnese, 1", "defense, dfeense, 1", "nasa, nsa, 1", "army, navy, 3", "army, arrmy, 1", "ca, abc, 3",
    })
    void knownDistances(String a, String b, int distance) {
        assertThat(EditDistance.bounded(a, b, 3)).isEqualTo(distance);
    }

    @Test
    void anEmptyStringIsItsLengthAway() {
        assertThat(EditDistance.bounded("a", "", 1)).isEqualTo(1);
        assertThat(EditDistance.bounded("", "ab", 2)).isEqualTo(2);
        assertThat(EditDistance.bounded("", "", 1)).isZero();
    }

    @Test
    void theBandedComputationAgreesWithTheFullMatrixWithinTheLimit() {
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            String a = random(random);
            String b = random.nextBoolean() ? random(random) : mutate(a, random);
            int limit = 1 + random.nextInt(3);
            int full = fullMatrix(a, b);
            assertThat(EditDistance.bounded(a, b, limit)).as(a + " ~ " + b + " limit " + limit)
                .isEqualTo(Math.min(full, limit + 1));
        }
    }

    private static String random(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = random.nextInt(12); i < n; i++) {
            b.append("abcde".charAt(random.nextInt(5)));
        }
        return b.toString();
    }

    private static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        for (int edits = random.nextInt(4); edits > 0; edits--) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0:
                    if (b.length() > 0) {
                        b.deleteCharAt(at);
                    }
                    break;
                case 1:
                    b.insert(at, "abcde".charAt(random.nextInt(5)));
                    break;
                case 2:
                    if (b.length() > 0) {
                        b.setCharAt(at, "abcde".charAt(random.nextInt(5)));
                    }
                    break;
                default:
                    RandomText.swap(b, at);
            }
        }
        return b.toString();
    }

    @Test
    void sharedSubsequencesAreTheTextbookLongestCommonSubsequence() {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            String a = randomWord(random);
            String b = randomWord(random);
            int lcs = longestCommonSubsequence(a, b);
            for (int length = 0; length <= Math.max(a.length(), b.length()) + 1; length++) {
                assertThat(EditDistance.shareSubsequence(a, b, length)).as(a + "/" + b + " " + length).isEqualTo(lcs >= length);
            }
        }
    }

    private static String randomWord(Random random) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(9);
        for (int i = 0; i < length; i++) {
            b.append("abcd".charAt(random.nextInt(4)));
        }
        return b.toString();
    }

    private static int longestCommonSubsequence(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                d[i][j] = a.charAt(i - 1) == b.charAt(j - 1) ? d[i - 1][j - 1] + 1 : Math.max(d[i - 1][j], d[i][j - 1]);
            }
        }
        return d[a.length()][b.length()];
    }

    /** Optimal string alignment distance, the textbook full matrix. */
    private static int fullMatrix(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
