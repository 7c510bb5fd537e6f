package dev.lookalikeguard.detect.technique;

import dev.lookalikeguard.detect.LabelTechnique;

/** Two adjacent letters swapped: amry for army, defesne for defense. */
public final class Transposition implements LabelTechnique {
    public static final String NAME = "transposition";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int score() {
        return 90;
    }

    @Override
    public boolean recognizes(String candidate, String original) {
        return Edits.transpositionAt(candidate, original) >= 0;
    }

    @Override
    public String describe(String candidate, String original) {
        int at = Edits.transpositionAt(candidate, original);
        return candidate + " is " + original + " with '" + original.substring(at, at + 2) + "' swapped";
    }
}
