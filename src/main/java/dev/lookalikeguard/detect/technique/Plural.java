package dev.lookalikeguard.detect.technique;

import dev.lookalikeguard.detect.LabelTechnique;

/** Plural for singular or the reverse: armys for army, defense for defenses. */
public final class Plural implements LabelTechnique {
    public static final String NAME = "plural";

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
        return isPluralOf(candidate, original) || isPluralOf(original, candidate);
    }

    private static boolean isPluralOf(String plural, String singular) {
        int extra = plural.length() - singular.length();
        if (extra < 1 || extra > 2 || !plural.startsWith(singular)) {
            return false;
        }
        return extra == 1 ? plural.charAt(plural.length() - 1) == 's' : plural.endsWith("es");
    }

    @Override
    public String describe(String candidate, String original) {
        return isPluralOf(candidate, original)
            ? candidate + " is the plural of " + original
            : candidate + " is the singular of " + original;
    }
}
