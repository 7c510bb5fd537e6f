package dev.lookalikeguard.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableList;

import dev.lookalikeguard.detect.technique.BitFlip;
import dev.lookalikeguard.detect.technique.Doppelganger;
import dev.lookalikeguard.detect.technique.Homoglyph;
import dev.lookalikeguard.detect.technique.Hyphenation;
import dev.lookalikeguard.detect.technique.Insertion;
import dev.lookalikeguard.detect.technique.KeyboardReplacement;
import dev.lookalikeguard.detect.technique.LabelEdit;
import dev.lookalikeguard.detect.technique.Omission;
import dev.lookalikeguard.detect.technique.Plural;
import dev.lookalikeguard.detect.technique.Repetition;
import dev.lookalikeguard.detect.technique.SuffixEdit;
import dev.lookalikeguard.detect.technique.SuffixSwap;
import dev.lookalikeguard.detect.technique.Transposition;
import dev.lookalikeguard.detect.technique.VowelSwap;

/** The catalogue of techniques, by name. */
public final class Techniques {

    /** Label edits, in order of preference: the first that recognises a pair names it. */
    private static final List<LabelTechnique> LABEL_EDITS = List.of(new Plural(), new Repetition(), new Hyphenation(),
        new Transposition(), new VowelSwap(), new KeyboardReplacement(), new BitFlip(), new Omission(), new Insertion());

    private static final List<String> DOMAIN_TECHNIQUES = List.of(Homoglyph.NAME, SuffixEdit.NAME, SuffixSwap.NAME,
        Doppelganger.NAME);

    /** Every technique name, as accepted by the condition's {@code techniques} clause. */
    public static final List<String> NAMES = ImmutableList.<String>builder()
        .addAll(DOMAIN_TECHNIQUES)
        .addAll(LABEL_EDITS.stream().map(LabelTechnique::name).iterator())
        .add(LabelEdit.NAME)
        .build();

    private Techniques() {
    }

    /** The techniques to run when those named in {@code enabled} are switched on. */
    static List<Technique> create(Set<String> enabled, boolean scan) {
        LabelEdit labelEdit = new LabelEdit(LABEL_EDITS, enabled, scan);
        boolean anyLabelEdit = LABEL_EDITS.stream().anyMatch(t -> enabled.contains(t.name())) || enabled.contains(LabelEdit.NAME);
        List<Technique> techniques = new ArrayList<>();
        if (enabled.contains(Homoglyph.NAME)) {
            techniques.add(new Homoglyph());
        }
        if (anyLabelEdit) {
            techniques.add(labelEdit);
        }
        if (enabled.contains(SuffixEdit.NAME)) {
            techniques.add(new SuffixEdit(anyLabelEdit ? Optional.of(labelEdit) : Optional.empty()));
        }
        if (enabled.contains(SuffixSwap.NAME)) {
            techniques.add(new SuffixSwap());
        }
        if (enabled.contains(Doppelganger.NAME)) {
            techniques.add(new Doppelganger());
        }
        return List.copyOf(techniques);
    }
}
