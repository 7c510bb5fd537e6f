package dev.lookalikeguard.detect.technique;

import java.util.List;
import java.util.Optional;

import dev.lookalikeguard.detect.name.Glyphs;
import dev.lookalikeguard.detect.name.ProtectedNames;
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
    private static final int MIN_WITH_PREFIX = 6;
    private static final int MIN_WHOLE = 5;

    @Override
    public String name() {
        return NAME;
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
        for (int i = 0; i + MIN_WHOLE <= text.length(); i++) {
            String tail = text.substring(i);
            if (i > 0 && tail.length() < MIN_WITH_PREFIX) {
                break;
            }
            Optional<String> target = names.concatenatedAs(tail);
            if (target.isPresent() && !target.get().equals(candidate.ascii())) {
                String meant = i == 0 ? target.get() : prefixOf(label, text, i) + "." + target.get();
                Optional<Registrable> registrable = names.registrableOf(target.get());
                Evidence evidence = Evidence.of(Shape.MISSING_DOT, candidate.placement())
                    .withGlyphs(typed.endsWith(plain(target.get())) ? 0 : 1, candidate.folded())
                    .withTarget(registrable.map(r -> r.label().length()).orElse(tail.length()),
                        registrable.map(Registrable::listed).orElse(false), false);
                return Optional.of(new Finding(target.get(), meant, List.of(NAME), evidence,
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
