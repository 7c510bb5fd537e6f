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
    /** The skeleton of each ASCII character, from ICU itself, so that host names in ASCII skip ICU. */
    private static final String[] ASCII = asciiTable();

    private Skeletons() {
    }

    public static String of(String unicodeText) {
        String fast = asciiSkeleton(unicodeText);
        return fast != null ? fast : icu(unicodeText);
    }

    /** The skeleton as ICU computes it (UTS #39, applied twice around lower-casing). */
    static String icu(String unicodeText) {
        String first = CHECKER.getSkeleton(unicodeText.toLowerCase(Locale.ROOT)).toLowerCase(Locale.ROOT);
        // Lower-casing can produce new confusables (O -> o for the digit 0): fold once more.
        return CHECKER.getSkeleton(first).toLowerCase(Locale.ROOT);
    }

    /**
     * For text made only of characters whose skeleton is plain ASCII, the skeleton character by character
     * (UTS #39 maps characters independently, and NFD leaves ASCII alone); null otherwise.
     */
    static String asciiSkeleton(String text) {
        StringBuilder skeleton = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ASCII.length || ASCII[c] == null) {
                return null;
            }
            String mapped = ASCII[c];
            if (skeleton == null) {
                if (mapped.length() == 1 && mapped.charAt(0) == c) {
                    continue;
                }
                skeleton = new StringBuilder(text.length() + 4).append(text, 0, i);
            }
            skeleton.append(mapped);
        }
        return skeleton == null ? text : skeleton.toString();
    }

    private static String[] asciiTable() {
        String[] table = new String[128];
        for (char c = 0x21; c < 0x7f; c++) {
            String skeleton = icu(String.valueOf(c));
            if (skeleton.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
                table[c] = skeleton;
            }
        }
        return table;
    }
}
