package dev.lookalikeguard.detect.technique;

import dev.lookalikeguard.detect.LabelTechnique;

/** A letter left out: amy for army. */
public final class Omission implements LabelTechnique {
    public static final String NAME = "omission";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int score() {
        return 85;
    }

    @Override
    public boolean recognizes(String candidate, String original) {
        return Edits.insertionAt(original, candidate) >= 0;
    }

    @Override
    public String describe(String candidate, String original) {
        int at = Edits.insertionAt(original, candidate);
        return candidate + " is " + original + " with '" + original.charAt(at) + "' left out";
    }
}
