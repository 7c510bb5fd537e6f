package dev.lookalikeguard.detect.technique;

import dev.lookalikeguard.detect.LabelTechnique;

/** A hyphen added inside the label: de-fense for defense. */
public final class Hyphenation implements LabelTechnique {
    public static final String NAME = "hyphenation";

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
        int at = Edits.insertionAt(candidate, original);
        return at >= 0 && candidate.charAt(at) == '-';
    }

    @Override
    public String describe(String candidate, String original) {
        return candidate + " is " + original + " with a hyphen added";
    }
}
