package dev.lookalikeguard.detect.technique;

import dev.lookalikeguard.detect.LabelTechnique;

/** A stray letter added: arrmy for army (a doubled letter is {@link Repetition}, a hyphen {@link Hyphenation}). */
public final class Insertion implements LabelTechnique {
    public static final String NAME = "insertion";

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
        return Edits.insertionAt(candidate, original) >= 0;
    }

    @Override
    public String describe(String candidate, String original) {
        int at = Edits.insertionAt(candidate, original);
        return candidate + " is " + original + " with '" + candidate.charAt(at) + "' added";
    }
}
