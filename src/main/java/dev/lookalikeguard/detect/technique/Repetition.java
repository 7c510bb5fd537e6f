package dev.lookalikeguard.detect.technique;

import dev.lookalikeguard.detect.LabelTechnique;

/** A letter typed twice: armmy or armyy for army. */
public final class Repetition implements LabelTechnique {
    public static final String NAME = "repetition";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int score() {
        return 88;
    }

    @Override
    public boolean recognizes(String candidate, String original) {
        return repeated(candidate, original) >= 0;
    }

    private static int repeated(String candidate, String original) {
        int at = Edits.insertionAt(candidate, original);
        if (at < 0) {
            return -1;
        }
        char inserted = candidate.charAt(at);
        boolean besideTwin = (at > 0 && candidate.charAt(at - 1) == inserted)
            || (at + 1 < candidate.length() && candidate.charAt(at + 1) == inserted);
        return besideTwin && inserted != '-' ? at : -1;
    }

    @Override
    public String describe(String candidate, String original) {
        return candidate + " is " + original + " with '" + candidate.charAt(repeated(candidate, original)) + "' typed twice";
    }
}
