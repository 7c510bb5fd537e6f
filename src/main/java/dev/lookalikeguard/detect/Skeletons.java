package dev.lookalikeguard.detect;

import java.util.Locale;

import com.ibm.icu.text.SpoofChecker;

/**
 * UTS #39 confusable skeletons, folded to lower case so that ASCII look-alikes meet too:
 * {@code аrmy} (Cyrillic а), {@code arrny} (rn for m) and {@code army} share one skeleton,
 * as do {@code m0d} and {@code mod}, {@code 1ab} and {@code lab}.
 */
public final class Skeletons {
    private static final SpoofChecker CHECKER = new SpoofChecker.Builder().build();

    private Skeletons() {
    }

    public static String of(String unicodeText) {
        String first = CHECKER.getSkeleton(unicodeText.toLowerCase(Locale.ROOT)).toLowerCase(Locale.ROOT);
        // Lower-casing can produce new confusables (O -> o for the digit 0): fold once more.
        return CHECKER.getSkeleton(first).toLowerCase(Locale.ROOT);
    }
}
