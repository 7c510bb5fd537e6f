package dev.lookalikeguard.detect.technique;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.Sets;

import dev.lookalikeguard.detect.name.Glyphs;
import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.TextHashes;
import dev.lookalikeguard.detect.name.Registrable;
import dev.lookalikeguard.detect.score.Evidence;
import dev.lookalikeguard.detect.score.Evidence.Shape;
import dev.lookalikeguard.detect.score.Finding;

/**
 * A protected name with its dots left out or turned into hyphens, usually under another suffix:
 * armymil.com, usarmymil.com, usarmy-mil.com, defensegov.com, arrny-rnil.com ("doppelganger" domains);
 * inside a protected suffix too (africommil.mil). Compared by glyph key, so look-alike glyphs count.
 */
public final class Doppelganger implements Technique {
    public static final String NAME = "doppelganger";
    private static final Set<Shape> SHAPES = Sets.immutableEnumSet(Shape.MISSING_DOT);
    private static final int MIN_WITH_PREFIX = 6;
    private static final int MIN_WHOLE = 5;

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
        if (!candidate.hasLabel()) {
            return Optional.empty();
        }
        String label = candidate.label();
        boolean hyphenated = label.indexOf('-') >= 0;
        String typed = hyphenated ? label.replace("-", "") : label;
        String text = hyphenated ? Glyphs.key(typed) : candidate.labelKey();
        if (!names.mayEndAConcatenation(text)) {
            return Optional.empty();
        }
        TextHashes hashed = new TextHashes(text);
        for (int i = 0; i + MIN_WHOLE <= text.length(); i++) {
            int tailLength = text.length() - i;
            if (i > 0 && tailLength < MIN_WITH_PREFIX) {
                break;
            }
            String target = names.concatenatedAs(hashed, i);
            if (target != null && !target.equals(candidate.ascii())) {
                String meant = i == 0 ? target : prefixOf(label, text, i) + "." + target;
                Optional<Registrable> registrable = names.registrableOf(target);
                Evidence evidence = Evidence.of(Shape.MISSING_DOT, candidate.placement())
                    .withGlyphs(typed.endsWith(plain(target)) ? 0 : 1, candidate.folded())
                    .withTarget(registrable.map(r -> r.label().length()).orElse(tailLength),
                        registrable.map(Registrable::listed).orElse(false), false);
                return Optional.of(new Finding(target, meant, List.of(NAME), evidence,
                    () -> candidate.display() + " looks like " + meant + ": the dots of " + meant
                        + " were left out and the name put under " + candidate.suffix()));
            }
        }
        return Optional.empty();
    }

    private static String plain(String name) {
        return name.replace(".", "").replace("-", "");
    }

    /** The typed characters before the matched part: as many key characters as {@code keyChars}, roughly. */
    private static String prefixOf(String label, String key, int keyChars) {
        String plain = label.replace("-", "");
        return plain.length() == key.length() ? plain.substring(0, keyChars) : key.substring(0, keyChars);
    }
}
