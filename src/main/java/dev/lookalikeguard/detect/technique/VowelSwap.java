package dev.lookalikeguard.detect.technique;

import dev.lookalikeguard.detect.LabelTechnique;

/** One vowel for another: defanse for defense. */
public final class VowelSwap implements LabelTechnique {
    public static final String NAME = "vowel-swap";
    private static final String VOWELS = "aeiouy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int score() {
        return 80;
    }

    @Override
    public boolean recognizes(String candidate, String original) {
        int at = Edits.substitutionAt(candidate, original);
        return at >= 0 && VOWELS.indexOf(candidate.charAt(at)) >= 0 && VOWELS.indexOf(original.charAt(at)) >= 0;
    }

    @Override
    public String describe(String candidate, String original) {
        int at = Edits.substitutionAt(candidate, original);
        return candidate + " is " + original + " with the vowel '" + original.charAt(at) + "' changed to '"
            + candidate.charAt(at) + "'";
    }
}
