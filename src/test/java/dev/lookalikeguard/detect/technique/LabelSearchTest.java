package dev.lookalikeguard.detect.technique;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lookalikeguard.detect.Detector;
import dev.lookalikeguard.detect.Techniques;
import dev.lookalikeguard.detect.name.Glyphs;
import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.Registrable;

class LabelSearchTest {

    /**
     * The two rounds keep exactly what comparing every candidate under its full limits keeps, in whatever order
     * the candidates come: answers within the first round's limits (one typo, glyph steps only), answers only the
     * second round finds (two typos, a typo and glyph steps, nothing), and a best already held from an earlier
     * search.
     */
    @Test
    void twoRoundsKeepExactlyWhatComparingEveryCandidateInFullKeeps() {
        Random random = new Random(41);
        List<String> labels = new ArrayList<>();
        ProtectedNames names = LabelComparisonTest.namesUnderGov(random, 10, labels);
        Set<String> enabled = Set.copyOf(Techniques.NAMES);
        int withinFirstRound = 0;
        int beyondFirstRound = 0;
        int withEarlierBest = 0;
        for (int i = 0; i < 8_000; i++) {
            String typed = LabelComparisonTest.mutated(labels.get(random.nextInt(labels.size())), random);
            List<Registrable> candidates = new ArrayList<>();
            names.sameSuffixCandidates(Glyphs.key(typed), Glyphs.lightKey(typed), "gov", 2, candidates);
            Collections.shuffle(candidates, random);
            // Sometimes a best is already held, as after the search one edit away: the first candidates' best.
            int held = random.nextInt(3) == 0 ? random.nextInt(candidates.size() + 1) : 0;
            LabelComparison earlier = everyInFull(typed, candidates.subList(0, held), enabled, null);
            List<Registrable> rest = candidates.subList(held, candidates.size());

            LabelComparison full = everyInFull(typed, rest, enabled, earlier);
            LabelComparison search = LabelSearch.best(typed, rest, enabled, earlier);

            assertThat(describe(search)).as(typed + " among " + rest + " after " + describe(earlier))
                .isEqualTo(describe(full));
            if (full != null && full != earlier) {
                boolean within = full.typos() <= LabelSearch.FIRST_TYPOS && full.cost() <= LabelSearch.FIRST_COST;
                withinFirstRound += within ? 1 : 0;
                beyondFirstRound += within ? 0 : 1;
            }
            withEarlierBest += earlier != null ? 1 : 0;
        }
        assertThat(withinFirstRound).isGreaterThan(1_000);
        assertThat(beyondFirstRound).as("answers only the second round finds").isGreaterThan(1_000);
        assertThat(withEarlierBest).isGreaterThan(500);
    }

    /**
     * {@link LabelEdit#nearest} hands the best one edit away to the search two edits away, which compares only the
     * candidates it did not: it must keep exactly what comparing every candidate two edits away in full keeps
     * whenever nothing one edit away takes fewer than two typos, with any techniques switched off.
     */
    @Test
    void theSearchTwoEditsAwayGoesOnFromTheBestOneEditAway() {
        // The one-edit search holds lincolnca (two edits and a glyph step); two edits away, lincolnma (two edits,
        // no glyph) beats it, and must be compared with it, not with nothing.
        ProtectedNames pair = Detector.builder().protectSuffix("gov").protectDomain("lincolnma.gov")
            .protectDomain("lincolnca.gov").build().names();
        LabelComparison found = new LabelEdit(Set.copyOf(Techniques.NAMES))
            .nearest("linconm-a", Glyphs.key("linconm-a"), Glyphs.lightKey("linconm-a"), "gov", pair);
        assertThat(describe(found)).isEqualTo("lincolnma.gov " + found.difference());
        assertThat(found.glyphs()).isZero();

        Random random = new Random(43);
        List<String> labels = new ArrayList<>();
        ProtectedNames names = LabelComparisonTest.namesUnderGov(random, 12, labels);
        List<String> optional = new ArrayList<>(LabelEdit.names());
        optional.add(Homoglyph.NAME);
        int twoEditsAway = 0;
        for (int i = 0; i < 8_000; i++) {
            Set<String> enabled = new HashSet<>(Techniques.NAMES);
            if (random.nextBoolean()) {
                enabled.remove(optional.get(random.nextInt(optional.size())));
                enabled.remove(optional.get(random.nextInt(optional.size())));
            }
            String typed = LabelComparisonTest.mutated(labels.get(random.nextInt(labels.size())), random);
            String key = Glyphs.key(typed);
            String lightKey = Glyphs.lightKey(typed);
            List<Registrable> oneEdit = new ArrayList<>();
            names.sameSuffixCandidates(key, lightKey, "gov", 1, oneEdit);
            LabelComparison expected = everyInFull(typed, oneEdit, enabled, null);
            if ((expected == null || expected.typos() > 1) && key.length() >= 6) {
                List<Registrable> twoEdits = new ArrayList<>();
                names.sameSuffixCandidates(key, lightKey, "gov", 2, twoEdits);
                expected = everyInFull(typed, twoEdits, enabled, null);
                twoEditsAway += expected != null && !oneEdit.contains(expected.target()) ? 1 : 0;
            }
            LabelComparison nearest = new LabelEdit(enabled).nearest(typed, key, lightKey, "gov", names);
            assertThat(describe(nearest)).as(typed + " with " + enabled).isEqualTo(describe(expected));
        }
        assertThat(twoEditsAway).as("answers found only two edits away").isGreaterThan(300);
    }

    /**
     * Told that no typo can win, the label edit searches only within no typo: it must give {@link LabelEdit#nearest}'s
     * answer whenever that has no typo, and nothing otherwise, with the search two edits away run exactly when
     * {@code nearest} runs it (a difference without typos found only there is kept only if nothing one edit away is
     * within one typo). Typed labels with look-alike glyphs, mistyped ones, and both; some techniques switched off.
     */
    @Test
    void theSearchWithoutTyposFindsWhatTheFullSearchFindsWithoutTypos() {
        Random random = new Random(47);
        List<String> labels = new ArrayList<>();
        ProtectedNames names = LabelComparisonTest.namesUnderGov(random, 12, labels);
        List<String> optional = new ArrayList<>(LabelEdit.names());
        optional.add(Homoglyph.NAME);
        String[][] glyphs = {{"o", "0"}, {"l", "1"}, {"m", "rn"}, {"w", "vv"}, {"d", "cl"}, {"e", "c"}, {"i", "l"}};
        int withoutTypos = 0;
        int withTypos = 0;
        int onlyTwoEditsAway = 0;
        for (int i = 0; i < 8_000; i++) {
            Set<String> enabled = new HashSet<>(Techniques.NAMES);
            if (random.nextInt(4) == 0) {
                enabled.remove(optional.get(random.nextInt(optional.size())));
            }
            String typed = labels.get(random.nextInt(labels.size()));
            for (int g = random.nextInt(3); g >= 0; g--) {
                String[] glyph = glyphs[random.nextInt(glyphs.length)];
                typed = typed.replaceFirst(glyph[0], glyph[1]);
            }
            typed = random.nextInt(3) == 0 ? LabelComparisonTest.mutated(typed, random) : typed;
            String key = Glyphs.key(typed);
            String lightKey = Glyphs.lightKey(typed);
            LabelEdit edit = new LabelEdit(enabled);
            LabelComparison nearest = edit.nearest(typed, key, lightKey, "gov", names);
            LabelComparison expected = nearest != null && nearest.typos() == 0 ? nearest : null;
            LabelComparison found = edit.nearestWithoutTypos(typed, key, lightKey, "gov", names, target -> true);
            assertThat(describe(found)).as(typed + " with " + enabled).isEqualTo(describe(expected));
            withoutTypos += expected != null ? 1 : 0;
            withTypos += nearest != null && expected == null ? 1 : 0;
            if (expected != null) {
                List<Registrable> oneEdit = new ArrayList<>();
                names.sameSuffixCandidates(key, lightKey, "gov", 1, oneEdit);
                onlyTwoEditsAway += oneEdit.contains(expected.target()) ? 0 : 1;
            }
        }
        assertThat(withoutTypos).as("answers without typos").isGreaterThan(1_000);
        assertThat(withTypos).as("answers with typos, not given").isGreaterThan(1_000);
        assertThat(onlyTwoEditsAway).as("answers without typos found only two edits away").isGreaterThan(10);
    }

    /** Every candidate compared under its full limits ({@link LabelComparison#of}), the best kept by {@code beats}. */
    private static LabelComparison everyInFull(String typed, List<Registrable> candidates, Set<String> enabled,
                                               LabelComparison best) {
        for (Registrable target : candidates) {
            LabelComparison compared = LabelComparison.of(typed, target, LabelComparison.maxTypos(target), enabled);
            if (compared != null && compared.beats(best)) {
                best = compared;
            }
        }
        return best;
    }

    private static String describe(LabelComparison comparison) {
        return comparison == null ? null : comparison.target().name() + " " + comparison.difference();
    }
}
