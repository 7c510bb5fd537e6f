package dev.lookalikeguard.detect.technique;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.Sets;

import dev.lookalikeguard.detect.name.GlyphDistance;
import dev.lookalikeguard.detect.name.Glyphs;
import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.TextHashes;
import dev.lookalikeguard.detect.score.Evidence;
import dev.lookalikeguard.detect.score.Evidence.Shape;
import dev.lookalikeguard.detect.score.Finding;

/**
 * Names that read as a protected name: аrmy.mil with a Cyrillic а, nor­ǎɗ.mil with diacritics, arrny.mil
 * (rn for m), m0d.uk (0 for o), vvhitehousc.gov, army.rnil. Compares the {@linkplain Glyphs#key glyph key} of
 * every tail of the folded name with those of the protected names and suffixes.
 */
public final class Homoglyph implements Technique {
    public static final String NAME = "homoglyph";
    private static final Set<Shape> SHAPES = Sets.immutableEnumSet(Shape.VISUAL_COPY);

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
        int count = candidate.labelCount();
        // Every tail ends with the last label: when its key ends no protected name's key, no tail is one (asked
        // before the key of the whole name is built: most recipients end as no protected name does).
        if (!names.mayEndANameKey(candidate.key(count - 1))) {
            return Optional.empty();
        }
        TextHashes nameKey = candidate.nameKeyHashes();
        for (int i = 0; i < count; i++) {
            String target = names.withNameKey(nameKey, candidate.keyStart(i), nameKey.length());
            if (target == null) {
                continue;
            }
            String typed = candidate.tail(i);
            boolean suffixOnly = names.isProtectedSuffix(target) && names.exact(target).isEmpty();
            // The same text in a tail means the change is left of it, in labels other techniques compare.
            if ((target.equals(typed) && (i > 0 || candidate.folded() == 0)) || (suffixOnly && i == 0)) {
                continue;
            }
            String head = i > 0 ? candidate.head(i) : "";
            String meant = head.isEmpty() ? target : head + "." + target;
            String nearest = suffixOnly ? candidate.label(i - 1) + "." + target : target;
            long measure = GlyphDistance.measure(typed, target, 0, typed.length());
            if (measure < 0) {
                continue; // the keys meet, but a typing mistake differs too: for the label techniques
            }
            Evidence evidence = Evidence.of(Shape.VISUAL_COPY, candidate.placement())
                .withGlyphs(GlyphDistance.glyphs(measure), candidate.folded());
            // The edits are listed only when explained (the same limits give the same difference).
            return Optional.of(new Finding(nearest, meant, List.of(NAME), evidence, () -> candidate.display() + " looks like "
                + meant + ": " + describe(candidate, GlyphDistance.between(typed, target, 0, typed.length()))));
        }
        return Optional.empty();
    }

    private static String describe(Candidate candidate, GlyphDistance.Difference difference) {
        StringBuilder why = new StringBuilder(candidate.foldNote());
        if (difference != null) {
            for (GlyphDistance.Edit edit : difference.edits()) {
                why.append(why.length() == 0 ? "" : ", ").append('\'').append(edit.typed()).append("' stands for '")
                    .append(edit.meant()).append('\'');
            }
        }
        return why.length() == 0 ? "the same letters in look-alike glyphs" : why.toString();
    }
}
