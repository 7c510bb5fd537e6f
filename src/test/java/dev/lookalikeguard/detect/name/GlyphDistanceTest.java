package dev.lookalikeguard.detect.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.lookalikeguard.detect.name.GlyphDistance.Difference;
import dev.lookalikeguard.detect.name.GlyphDistance.Edit;

class GlyphDistanceTest {

    @ParameterizedTest(name = "{0} is {1} with {2} typos and {3} glyph steps")
    @CsvSource({
        "amry, army, 1, 0",
        "army, army, 0, 0",
        "arrny, army, 0, 1",
        "p0licc, police, 0, 2",
        "vvhitehousc, whitehouse, 0, 2",
        "afr1conn, africom, 0, 2",
        "ciod, dod, 0, 2",
        "p0lce, police, 1, 1",
        "de-fense, defense, 1, 0",
        "armmy, army, 1, 0",
        "dfense, defense, 1, 0",
    })
    void countsGlyphStepsApartFromTypos(String typed, String meant, int typos, int glyphs) {
        Difference difference = GlyphDistance.between(typed, meant, 2, 4);

        assertThat(difference).as(typed).isNotNull();
        assertThat(difference.typos()).as(difference.toString()).isEqualTo(typos);
        assertThat(difference.glyphs()).as(difference.toString()).isEqualTo(glyphs);
    }

    @Test
    void namesTheEditsAtTheirPlace() {
        Difference difference = GlyphDistance.between("amry", "army", 1, 0);

        assertThat(difference.onlyTypo().type()).isEqualTo(Edit.Type.TRANSPOSITION);
        assertThat(difference.onlyTypo().meant()).isEqualTo("rm");
        assertThat(GlyphDistance.between("arrny", "army", 0, 2).edits()).singleElement()
            .satisfies(edit -> assertThat(edit.typed() + ">" + edit.meant()).isEqualTo("rn>m"));
    }

    @Test
    void refusesWhatIsBeyondTheLimits() {
        assertThat(GlyphDistance.between("navy", "army", 1, 4)).isNull();
        assertThat(GlyphDistance.between("aemi", "army", 1, 0)).isNull();
        assertThat(GlyphDistance.between("p0licc", "police", 0, 1)).isNull();
        assertThat(GlyphDistance.measure("navy", "army", 1, 4)).isNegative();
    }

    /** Without glyphs in play, typos are the optimal-string-alignment distance the reference computes. */
    @Test
    void typosAloneAreTheEditDistance() {
        Random random = new Random(3);
        String letters = "afhjkptwxyz";
        for (int i = 0; i < 20_000; i++) {
            String a = RandomText.of(random, letters, 1 + random.nextInt(9));
            String b = RandomText.of(random, letters, 1 + random.nextInt(9));
            int reference = EditDistance.bounded(a, b, 2);
            long measure = GlyphDistance.measure(a, b, 2, 0);
            if (reference > 2) {
                assertThat(measure).as(a + "/" + b).isNegative();
            } else {
                assertThat(GlyphDistance.typos(measure)).as(a + "/" + b).isEqualTo(reference);
                assertThat(GlyphDistance.between(a, b, 2, 0).typos()).isEqualTo(reference);
            }
        }
    }

    /**
     * The measure stops early on rows whose cells all hold too many typos or glyphs, and looks glyph pairs up
     * in a table: it must give exactly what the first version (every row until the cost is too high, the pair
     * list scanned) gives, on labels full of look-alike glyphs and on mistyped copies of each other.
     */
    @Test
    void measuresWhatTheFirstVersionMeasured() {
        Random random = new Random(11);
        String letters = "abcdeghiklmnorsuvwz0125q-";
        int[][] limits = {{0, 4}, {1, 0}, {1, 2}, {1, 4}, {2, 4}, {2, 8}, {0, 11}};
        int accepted = 0;
        for (int i = 0; i < 60_000; i++) {
            String[] labels = pair(random, letters, i);
            String typed = labels[0];
            String meant = labels[1];
            for (int[] limit : limits) {
                long expected = GlyphDistanceReference.measure(typed, meant, limit[0], limit[1]);
                assertThat(GlyphDistance.measure(typed, meant, limit[0], limit[1]))
                    .as("%s/%s at %d typos, %d glyphs", typed, meant, limit[0], limit[1]).isEqualTo(expected);
                Difference difference = GlyphDistance.between(typed, meant, limit[0], limit[1]);
                assertThat(difference == null).isEqualTo(expected < 0);
                accepted += expected < 0 ? 0 : 1;
            }
        }
        assertThat(accepted).isGreaterThan(50_000);
    }

    /**
     * A look-up passes lower typo and cost limits once it holds a good candidate: within them the answer (and the
     * edits explained from the table) must be exactly that of the full limits, beyond them -1 (null). The edits
     * are asked for both right after the same pair's measure (the table kept) and after another pair's (aligned
     * again), so both paths of between() are covered.
     */
    @Test
    void lowerLimitsGiveTheSameAnswerWhenItIsWithinThem() {
        Random random = new Random(17);
        String letters = "abcdeghiklmnorsuvwz0125q-";
        int[][] limits = {{1, 4}, {2, 4}, {0, 6}};
        int within = 0;
        int beyond = 0;
        for (int i = 0; i < 30_000; i++) {
            String[] labels = pair(random, letters, i);
            String typed = labels[0];
            String meant = labels[1];
            for (int[] limit : limits) {
                long full = GlyphDistance.measure(typed, meant, limit[0], limit[1]);
                Difference fullDifference = GlyphDistance.between(typed, meant, limit[0], limit[1]);
                int typoLimit = random.nextInt(limit[0] + 1);
                int costLimit = random.nextInt(GlyphDistance.highestCost(limit[0], limit[1]) + 3);
                boolean isWithin = full >= 0 && GlyphDistance.typos(full) <= typoLimit && GlyphDistance.cost(full) <= costLimit;
                String pair = String.format("%s/%s at %s, lower %d typos, cost %d", typed, meant,
                    java.util.Arrays.toString(limit), typoLimit, costLimit);
                long lower = GlyphDistance.measure(typed, meant, limit[0], limit[1], typoLimit, costLimit);
                assertThat(lower).as(pair).isEqualTo(isWithin ? full : -1);
                Difference kept = GlyphDistance.between(typed, meant, limit[0], limit[1], typoLimit, costLimit);
                GlyphDistance.measure("army", "navy", 1, 4);
                Difference again = GlyphDistance.between(typed, meant, limit[0], limit[1], typoLimit, costLimit);
                if (isWithin) {
                    within++;
                    assertThat(kept.edits()).as(pair).hasToString(fullDifference.edits().toString());
                    assertThat(again.edits()).as(pair).hasToString(fullDifference.edits().toString());
                    assertThat(again.cost()).as(pair).isEqualTo(fullDifference.cost());
                } else {
                    beyond += full >= 0 ? 1 : 0;
                    assertThat(kept).as(pair).isNull();
                    assertThat(again).as(pair).isNull();
                }
            }
        }
        assertThat(within).isGreaterThan(10_000);
        assertThat(beyond).as("differences the full limits find but the lower ones do not").isGreaterThan(5_000);
    }

    /**
     * A label search ranks its candidates by the measure and names their one typo without listing their edits
     * ({@link GlyphDistance#onlyTypo}); only the best is explained with {@code between}. The counts and cost of the
     * measure must be those of the edits listed (a glyph step costs 1, a hyphen added or left out 3, another typo
     * 4), and the typo named that of the listed difference, whether the alignment is still held (right after the
     * measure) or aligned again (after another pair's).
     */
    @Test
    void theMeasureAndTheOnlyTypoAreThoseOfTheListedDifference() {
        Random random = new Random(23);
        String letters = "abcdeghiklmnorsuvwz0125q-";
        int[][] limits = {{1, 4}, {2, 4}, {0, 6}, {1, 0}};
        int typos = 0;
        for (int i = 0; i < 30_000; i++) {
            String[] labels = pair(random, letters, i);
            String typed = labels[0];
            String meant = labels[1];
            for (int[] limit : limits) {
                int typoLimit = random.nextInt(limit[0] + 1);
                int costLimit = random.nextInt(GlyphDistance.highestCost(limit[0], limit[1]) + 3);
                String pair = String.format("%s/%s at %s, lower %d typos, cost %d", typed, meant,
                    Arrays.toString(limit), typoLimit, costLimit);
                long measure = GlyphDistance.measure(typed, meant, limit[0], limit[1], typoLimit, costLimit);
                Edit held = measure >= 0 && GlyphDistance.typos(measure) == 1
                    ? GlyphDistance.onlyTypo(typed, meant, limit[0], limit[1], typoLimit, costLimit) : null;
                GlyphDistance.measure("army", "navy", 1, 4);
                Difference difference = GlyphDistance.between(typed, meant, limit[0], limit[1], typoLimit, costLimit);
                if (measure < 0) {
                    assertThat(difference).as(pair).isNull();
                    assertThat(GlyphDistance.onlyTypo(typed, meant, limit[0], limit[1], typoLimit, costLimit)).as(pair).isNull();
                    continue;
                }
                int typosListed = 0;
                int glyphsListed = 0;
                int costListed = 0;
                for (Edit edit : difference.edits()) {
                    typosListed += edit.isGlyph() ? 0 : 1;
                    glyphsListed += edit.isGlyph() ? edit.steps() : 0;
                    costListed += edit.isGlyph() ? edit.steps() : edit.isHyphen() ? 3 : 4;
                }
                assertThat(new int[] {GlyphDistance.typos(measure), GlyphDistance.glyphs(measure), GlyphDistance.cost(measure)})
                    .as(pair).containsExactly(typosListed, glyphsListed, costListed);
                if (difference.typos() == 1) {
                    typos++;
                    GlyphDistance.measure("army", "navy", 1, 4);
                    Edit again = GlyphDistance.onlyTypo(typed, meant, limit[0], limit[1], typoLimit, costLimit);
                    assertThat(held).as(pair).hasToString(difference.onlyTypo().toString());
                    assertThat(again).as(pair).hasToString(difference.onlyTypo().toString());
                }
            }
        }
        assertThat(typos).as("differences with exactly one typo").isGreaterThan(5_000);
    }

    @ParameterizedTest(name = "{0} is {1} with the typo {2}")
    @CsvSource({
        "amry, army, TRANSPOSITION@1(mr/rm)",
        "armmy, army, INSERTION@2(m/)",
        "arm, army, OMISSION@3(/y)",
        "aemy, army, SUBSTITUTION@1(e/r)",
        "p0lce, police, OMISSION@3(/i)",
        "de-fense, defense, INSERTION@2(-/)",
        "arrnyy, army, INSERTION@3(y/)",
    })
    void namesTheOnlyTypoWithoutListingTheRest(String typed, String meant, String typo) {
        assertThat(GlyphDistance.onlyTypo(typed, meant, 1, 4, 1, 8)).hasToString(typo);
    }

    @Test
    void refusesToNameOneTypoWhereThereIsNone() {
        assertThatThrownBy(() -> GlyphDistance.onlyTypo("arrny", "army", 1, 4, 1, 8))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a single typo");
        assertThat(GlyphDistance.onlyTypo("navy", "army", 1, 4, 1, 8)).as("beyond the limits").isNull();
    }

    /**
     * Cases the random pairs rarely reach: two-for-one glyphs that need the whole band of the higher limits
     * even when no typo is allowed, a table kept from the full limits that must not answer for lower ones, and
     * limits above the higher ones, which are clamped to them.
     */
    @Test
    void lowerLimitsKeepTheBandAndTheirOwnTable() {
        for (String[] pair : new String[][] {{"rnrnrn", "mmm"}, {"vvvvvv", "www"}, {"mmm", "rnrnrn"}}) {
            long full = GlyphDistance.measure(pair[0], pair[1], 2, 4);
            assertThat(GlyphDistance.glyphs(full)).as(pair[0]).isEqualTo(3);
            assertThat(GlyphDistance.measure(pair[0], pair[1], 2, 4, 0, 12)).as(pair[0]).isEqualTo(full);
            assertThat(GlyphDistance.between(pair[0], pair[1], 2, 4, 0, 3).glyphs()).as(pair[0]).isEqualTo(3);
        }
        assertThat(GlyphDistance.measure("amry", "army", 1, 4)).isNotNegative();
        assertThat(GlyphDistance.between("amry", "army", 1, 4, 0, 8)).as("a typo beyond the lower typo limit").isNull();
        GlyphDistance.measure("arrny", "army", 1, 4);
        assertThat(GlyphDistance.between("arrny", "army", 1, 4, 1, 0)).as("a glyph beyond the lower cost limit").isNull();
        assertThat(GlyphDistance.measure("amry", "army", 1, 4, 5, 100)).isEqualTo(GlyphDistance.measure("amry", "army", 1, 4));
        assertThat(GlyphDistance.measure("amryx", "army", 1, 4, 5, 100)).as("two typos at a higher limit of one").isNegative();
    }

    /** A typed and a meant label: unrelated every third time, else the meant one with a few mistakes. */
    private static String[] pair(Random random, String letters, int i) {
        String meant = RandomText.of(random, letters, 1 + random.nextInt(14));
        String typed = i % 3 == 0 ? RandomText.of(random, letters, 1 + random.nextInt(14)) : mutated(meant, random, letters);
        return new String[] {typed, meant};
    }

    /** A few typos and look-alike glyphs (pairs for one letter, and the reverse) in a copy of the label. */
    private static String mutated(String label, Random random, String letters) {
        StringBuilder b = new StringBuilder(label);
        for (int edits = random.nextInt(4); edits > 0 && b.length() > 0; edits--) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(6)) {
                case 0:
                    b.deleteCharAt(at);
                    break;
                case 1:
                    b.insert(at, letters.charAt(random.nextInt(letters.length())));
                    break;
                case 2:
                    b.setCharAt(at, letters.charAt(random.nextInt(letters.length())));
                    break;
                case 3:
                    b.replace(at, at + 1, new String[] {"rn", "vv", "cl", "ci", "rr", "nn", "lb", "lh", "lk"}[random.nextInt(9)]);
                    break;
                case 4:
                    b.setCharAt(at, "0o1lice5s2zqgbdmnuv".charAt(random.nextInt(19)));
                    break;
                default:
                    RandomText.swap(b, at);
            }
        }
        return b.toString();
    }
}
