package dev.lookalikeguard.detect.technique;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lookalikeguard.detect.Detector;
import dev.lookalikeguard.detect.Techniques;
import dev.lookalikeguard.detect.name.Glyphs;
import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.RandomText;
import dev.lookalikeguard.detect.name.Registrable;

class LabelComparisonTest {
    private static final String LETTERS = "acdeilmnorsvw01-";

    /**
     * The label search keeps the best comparison of the candidates it is given, and drops most of them by the
     * cheap measure under the best one's limits: it must keep exactly what comparing every candidate in full
     * ({@link LabelComparison#of} then {@link LabelComparison#beats}) keeps. Names with hyphens (a typo that
     * costs less), glyph-heavy names and both listed and unlisted names, so that the limits are reached every
     * way: by typos, by glyph steps, by cost and by the listed tie-break.
     */
    @Test
    void theCheapMeasureKeepsExactlyWhatComparingEveryCandidateKeeps() {
        Random random = new Random(29);
        List<String> labels = new ArrayList<>();
        ProtectedNames names = namesUnderGov(random, 8, labels);
        Set<String> enabled = Set.copyOf(Techniques.NAMES);
        int kept = 0;
        int replaced = 0;
        for (int i = 0; i < 6_000; i++) {
            String typed = mutated(labels.get(random.nextInt(labels.size())), random);
            List<Registrable> candidates = new ArrayList<>();
            names.sameSuffixCandidates(Glyphs.key(typed), Glyphs.lightKey(typed), "gov", 2, candidates);
            LabelComparison cheap = null;
            LabelComparison full = null;
            for (Registrable target : candidates) {
                int maxTypos = LabelComparison.maxTypos(target);
                LabelComparison better = LabelComparison.ofIfBetter(typed, target, maxTypos, enabled, cheap,
                    LabelComparison.typoLimit(maxTypos, cheap), LabelComparison.costLimit(maxTypos, cheap));
                if (better != null) {
                    replaced += cheap == null ? 0 : 1;
                    cheap = better;
                }
                LabelComparison compared = LabelComparison.of(typed, target, maxTypos, enabled);
                if (compared != null && compared.beats(full)) {
                    full = compared;
                }
            }
            assertThat(cheap == null ? null : cheap.target().name() + " " + cheap.difference())
                .as(typed + " among " + candidates)
                .isEqualTo(full == null ? null : full.target().name() + " " + full.difference());
            kept += full == null ? 0 : 1;
        }
        assertThat(kept).isGreaterThan(3_000);
        assertThat(replaced).as("look-ups where a later candidate beat the first one kept").isGreaterThan(300);
    }

    /**
     * 1,500 random labels under gov, of {@code lengthCount} lengths from 3 characters up, a third listed, the others
     * known; the labels are added to {@code labels}.
     */
    static ProtectedNames namesUnderGov(Random random, int lengthCount, List<String> labels) {
        Detector.Builder builder = Detector.builder().protectSuffix("gov");
        for (int i = 0; i < 1_500; i++) {
            String label = word(random, 3 + random.nextInt(lengthCount));
            labels.add(label);
            if (i % 3 == 0) {
                builder.protectDomain(label + ".gov");
            } else {
                builder.knownDomain(label + ".gov");
            }
        }
        return builder.build().names();
    }

    /** A few typos, hyphens and look-alike glyphs in a copy of the label. */
    static String mutated(String label, Random random) {
        StringBuilder b = new StringBuilder(label);
        for (int edits = 1 + random.nextInt(3); edits > 0 && b.length() > 1; edits--) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(5)) {
                case 0:
                    b.deleteCharAt(at);
                    break;
                case 1:
                    b.insert(at, '-');
                    break;
                case 2:
                    b.setCharAt(at, LETTERS.charAt(random.nextInt(LETTERS.length() - 1)));
                    break;
                case 3:
                    b.replace(at, at + 1, new String[] {"rn", "vv", "cl", "0", "1", "e", "c"}[random.nextInt(7)]);
                    break;
                default:
                    RandomText.swap(b, at);
            }
        }
        String typed = b.toString().replaceAll("^-+|-+$", "");
        return typed.isEmpty() ? label : typed;
    }

    /** A label of letters that take part in glyphs, with inner hyphens (none at either end, none doubled). */
    private static String word(Random random, int length) {
        String text = RandomText.of(random, LETTERS, length).replace("--", "-a");
        return text.replaceAll("^-", "a").replaceAll("-$", "a");
    }
}
