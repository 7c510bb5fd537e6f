package dev.lookalikeguard.detect.technique;

import java.util.List;
import java.util.Optional;

import dev.lookalikeguard.detect.Candidate;
import dev.lookalikeguard.detect.Finding;
import dev.lookalikeguard.detect.ProtectedNames;
import dev.lookalikeguard.detect.Sensitivity;
import dev.lookalikeguard.detect.Technique;

/**
 * A protected name with its dots removed or turned into hyphens, registered under another suffix:
 * armymil.com, usarmymil.com, usarmy-mil.com, defensegov.com ("doppelganger" domains).
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
    public Optional<Finding> examine(Candidate candidate, ProtectedNames names, Sensitivity sensitivity) {
        if (candidate.underProtectedSuffix() || !candidate.hasLabel()) {
            return Optional.empty();
        }
        String text = candidate.label().replace("-", "");
        for (int i = 0; i + MIN_WHOLE <= text.length(); i++) {
            String tail = text.substring(i);
            if (i > 0 && tail.length() < MIN_WITH_PREFIX) {
                break;
            }
            Optional<String> target = names.concatenatedAs(tail);
            if (target.isPresent()) {
                String meant = i == 0 ? target.get() : text.substring(0, i) + "." + target.get();
                return Optional.of(new Finding(target.get(), meant, List.of(NAME), i == 0 ? 90 : 85,
                    candidate.name().display() + " looks like " + meant + ": the dots of " + meant
                        + " were removed and the name put under " + candidate.suffix()));
            }
        }
        return Optional.empty();
    }
}
