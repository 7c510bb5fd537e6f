package dev.lookalikeguard.detect.technique;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.Sets;

import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.Registrable;
import dev.lookalikeguard.detect.score.Evidence;
import dev.lookalikeguard.detect.score.Evidence.Shape;
import dev.lookalikeguard.detect.score.Finding;

/**
 * A dot typed inside a protected label: afr.icom.mil for africom.mil, po.lice.uk for police.uk (where
 * lice.uk is what would be registered), ar.my.mod.uk for army.mod.uk.
 */
public final class DotInsertion implements Technique {
    public static final String NAME = "dot-insertion";
    private static final Set<Shape> SHAPES = Sets.immutableEnumSet(Shape.EXTRA_DOT);
    private static final int MAX_PIECES = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Shape> shapes() {
        return SHAPES;
    }

    @Override
    public Optional<Finding> examine(Candidate candidate, ProtectedNames names) {
        int suffixStart = candidate.suffixStart();
        if (suffixStart < 2) {
            return Optional.empty();
        }
        StringBuilder joined = new StringBuilder(candidate.label());
        for (int pieces = 2; pieces <= Math.min(MAX_PIECES, suffixStart); pieces++) {
            joined.insert(0, candidate.label(suffixStart - pieces));
            Registrable target = names.registrablesUnder(candidate.suffix()).get(joined.toString());
            if (target != null) {
                int dots = pieces - 1;
                int first = suffixStart - pieces;
                String meant = (first > 0 ? candidate.head(first) + "." : "") + target.name();
                Evidence evidence = Evidence.of(Shape.EXTRA_DOT, candidate.placement()).withGlyphs(0, candidate.folded())
                    .withTarget(target.label().length(), target.listed(), false);
                return Optional.of(new Finding(target.name(), meant, List.of(NAME), evidence,
                    () -> candidate.display() + " looks like " + meant + ": " + (dots == 1 ? "a dot was" : dots
                        + " dots were") + " typed inside " + target.label()));
            }
        }
        return Optional.empty();
    }
}
