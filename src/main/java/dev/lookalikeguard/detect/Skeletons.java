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
    /** '.' maps to itself and no letter, digit or hyphen maps to anything containing a dot. */
    private static final boolean DOTS_PRESERVED = dotsPreserved();

    private Skeletons() {
    }

    public static String of(String unicodeText) {
        String fast = asciiSkeleton(unicodeText);
        return fast != null ? fast : icu(unicodeText);
    }

    /**
     * The skeleton of every tail of the domain ({@code tail(i)}, in Unicode form). For a plain ASCII name
     * the whole name's skeleton is computed once and cut at its dots: each character maps on its own and
     * no host-name character's skeleton contains a dot (checked when the table is built).
     */
    public static String[] ofTails(DomainName domain) {
        int count = domain.labels().size();
        String[] tails = new String[count];
        String whole = DOTS_PRESERVED && !domain.isInternationalized() ? asciiSkeleton(domain.ascii()) : null;
        if (whole != null && count(whole, '.') == count - 1) {
            int start = 0;
            for (int i = 0; i < count; i++) {
                tails[i] = start == 0 ? whole : whole.substring(start);
                start = whole.indexOf('.', start) + 1;
            }
            return tails;
        }
        for (int i = 0; i < count; i++) {
            tails[i] = of(domain.unicodeTail(i));
        }
        return tails;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
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

    private static boolean dotsPreserved() {
        if (!".".equals(ASCII['.'])) {
            return false;
        }
        for (char c : "abcdefghijklmnopqrstuvwxyz0123456789-".toCharArray()) {
            if (ASCII[c] == null || ASCII[c].indexOf('.') >= 0) {
                return false;
            }
        }
        return true;
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
