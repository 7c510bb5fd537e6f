package dev.lookalikeguard.detect.technique;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lookalikeguard.detect.Detector;
import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.Techniques;
import dev.lookalikeguard.detect.name.Glyphs;
import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.score.Finding;

class LabelEditTest {
    private final LabelEdit edit = new LabelEdit(Set.copyOf(Techniques.NAMES));

    /**
     * The bound above which typos are not searched is the highest rank a label typo reaches, not less: a transposition
     * in a listed name under a complete registry (95, listed) ranks exactly there, so a finding of that rank to beat
     * must still be searched with typos.
     */
    @Test
    void theBoundIsTheHighestRankALabelTypoReaches() throws Exception {
        ProtectedNames names = Detector.builder().protectSuffix("mil").completeSuffix("mil").protectDomain("dsca.mil")
            .build().names();
        Candidate candidate = Candidate.of(DomainName.parse("dcsa.mil").read(), names);
        Finding typo = edit.examine(candidate, names).orElseThrow();
        assertThat(typo.techniques()).containsExactly("transposition");
        assertThat(typo.rank()).isEqualTo(LabelEdit.highestRankWithTypos());
    }

    /**
     * Told of a visual copy of a listed name, the label edit still finds the copy of another listed name that ties with
     * it and wins by name order, and the engine reports that one, as before the bound: lhe reads as lhc ('e' for 'c',
     * the homoglyph technique's answer, keys hc and hc) and as ihe ('l' for 'i', key lhc: only the label edit sees it).
     */
    @Test
    void aListedNameThatWinsTheTieIsStillFound() throws Exception {
        Detector detector = Detector.builder().protectSuffix("mil").protectDomain("lhc.mil").protectDomain("ihe.mil")
            .build();
        ProtectedNames names = detector.names();
        Candidate candidate = Candidate.of(DomainName.parse("lhe.mil").read(), names);
        Finding copy = new Homoglyph().examine(candidate, names).orElseThrow();
        assertThat(copy.nearest()).isEqualTo("lhc.mil");
        assertThat(copy.rank()).isGreaterThan(LabelEdit.highestRankWithTypos());
        Finding tie = edit.examine(candidate, names, copy).orElseThrow();
        assertThat(tie.nearest()).isEqualTo("ihe.mil");
        assertThat(tie.rank()).isEqualTo(copy.rank());
        assertThat(tie.beats(copy)).isTrue();
        assertThat(detector.check("lhe.mil").nearest()).contains("ihe.mil");
    }

    /**
     * Without typos, the search two edits away runs only when no candidate one edit away is within one typo, as in
     * the full search: knoxny is one typo from knoxky (one edit away) and reads without a typo as lenoxny (k for lc,
     * two edits away), which the full search never reaches.
     */
    @Test
    void theSearchTwoEditsAwayWithoutTyposRunsOnlyWhenTheFullSearchRunsIt() {
        ProtectedNames names = Detector.builder().protectSuffix("gov").protectDomain("knoxky.gov")
            .protectDomain("lenoxny.gov").build().names();
        String typed = "knoxny";
        LabelComparison full = edit.nearest(typed, Glyphs.key(typed), Glyphs.lightKey(typed), "gov", names);
        assertThat(full.target().name()).isEqualTo("knoxky.gov");
        assertThat(full.typos()).isEqualTo(1);
        assertThat(edit.nearestWithoutTypos(typed, Glyphs.key(typed), Glyphs.lightKey(typed), "gov", names,
            target -> true)).isNull();

        ProtectedNames onlyFarther = Detector.builder().protectSuffix("gov").protectDomain("lenoxny.gov").build().names();
        LabelComparison farther = edit.nearestWithoutTypos(typed, Glyphs.key(typed), Glyphs.lightKey(typed), "gov",
            onlyFarther, target -> true);
        assertThat(farther.target().name()).isEqualTo("lenoxny.gov");
        assertThat(farther.typos()).isZero();
    }
}
