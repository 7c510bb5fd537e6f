package dev.lookalikeguard.detect.technique;

import dev.lookalikeguard.detect.LabelTechnique;

/** One bit flipped in one character, as memory or transmission errors do: cefense for defense. */
public final class BitFlip implements LabelTechnique {
    public static final String NAME = "bit-flip";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int score() {
        return 75;
    }

    @Override
    public boolean recognizes(String candidate, String original) {
        int at = Edits.substitutionAt(candidate, original);
        return at >= 0 && Integer.bitCount(candidate.charAt(at) ^ original.charAt(at)) == 1;
    }

    @Override
    public String describe(String candidate, String original) {
        int at = Edits.substitutionAt(candidate, original);
        return candidate + " is " + original + " with one bit flipped ('" + original.charAt(at) + "' to '"
            + candidate.charAt(at) + "')";
    }
}
