package dev.lookalikeguard.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableList;

import dev.lookalikeguard.detect.technique.Combosquatting;
import dev.lookalikeguard.detect.technique.DotInsertion;
import dev.lookalikeguard.detect.technique.Doppelganger;
import dev.lookalikeguard.detect.technique.Homoglyph;
import dev.lookalikeguard.detect.technique.LabelEdit;
import dev.lookalikeguard.detect.technique.SuffixEdit;
import dev.lookalikeguard.detect.technique.SuffixSwap;
import dev.lookalikeguard.detect.technique.Technique;

/** The catalogue of techniques, by name. */
public final class Techniques {

    private static final List<String> DOMAIN_TECHNIQUES = List.of(Homoglyph.NAME, SuffixEdit.NAME, SuffixSwap.NAME,
        Doppelganger.NAME, DotInsertion.NAME, Combosquatting.NAME);

    /** Every technique name, as accepted by the condition's {@code techniques} clause. */
    public static final List<String> NAMES = ImmutableList.<String>builder()
        .addAll(DOMAIN_TECHNIQUES)
        .addAll(LabelEdit.names())
        .build();

    private Techniques() {
    }

    /** The techniques to run when those named in {@code enabled} are switched on. */
    static List<Technique> create(Set<String> enabled) {
        boolean anyTypo = LabelEdit.names().stream().anyMatch(enabled::contains);
        LabelEdit labelEdit = new LabelEdit(enabled);
        List<Technique> techniques = new ArrayList<>();
        if (enabled.contains(Homoglyph.NAME)) {
            techniques.add(new Homoglyph());
        }
        if (anyTypo) {
            techniques.add(labelEdit);
        }
        if (enabled.contains(SuffixEdit.NAME)) {
            techniques.add(new SuffixEdit(anyTypo ? Optional.of(labelEdit) : Optional.empty()));
        }
        if (enabled.contains(SuffixSwap.NAME)) {
            techniques.add(new SuffixSwap(enabled));
        }
        if (enabled.contains(Doppelganger.NAME)) {
            techniques.add(new Doppelganger());
        }
        if (enabled.contains(DotInsertion.NAME)) {
            techniques.add(new DotInsertion());
        }
        if (enabled.contains(Combosquatting.NAME)) {
            techniques.add(new Combosquatting());
        }
        return List.copyOf(techniques);
    }
}
