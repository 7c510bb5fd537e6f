package dev.lookalikeguard.detect.name;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * What a name looks like, as opposed to what it spells. Two layers:
 * <ul>
 *   <li>{@link #fold(String)}: every non-ASCII character replaced by the ASCII letter or digit it is read
 *       as: the UTS #39 confusable skeleton (Cyrillic а, Greek ο), diacritics dropped after NFD
 *       (ǎ, ụ, ţ), letters with a hook, stroke or tail and small capitals by the base letter their
 *       Unicode name gives (ɗ is LATIN SMALL LETTER D WITH HOOK, ʀ is LATIN LETTER SMALL CAPITAL R), and a
 *       few Cyrillic and Greek letters that read as Latin small capitals (к, м, т, ь). Characters with no
 *       such reading stay as they are.</li>
 *   <li>{@link #key(String)}: an ASCII label with every confusable glyph collapsed onto one representative:
 *       {@code rn}/{@code m}/{@code n}, {@code vv}/{@code w}, {@code cl}/{@code d}/{@code b},
 *       {@code 0}/{@code o}, {@code 1}/{@code i}/{@code l}, {@code c}/{@code e}, {@code q}/{@code g},
 *       {@code u}/{@code v}, {@code 5}/{@code s}, {@code 2}/{@code z}. Labels that differ only by
 *       such glyphs share a key; the key is what the protected-name indexes are built on, and
 *       {@link GlyphDistance} then counts each glyph as one small step.</li>
 * </ul>
 * Immutable tables, thread-safe.
 */
public final class Glyphs {
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final Pattern LATIN_LETTER = Pattern.compile(
        "LATIN (?:SMALL |CAPITAL )?LETTER (?:SMALL CAPITAL )?(?:DOTLESS )?([A-Z])(?: WITH .*)?");
    /** Letters read as Latin small capitals or shapes that UTS #39 maps elsewhere (ʍ for м, ĸ for к). */
    private static final String SUPPLEMENT_FROM = "кκĸмтнвьƅпɛꞓ";
    private static final String SUPPLEMENT_TO = "kkkmthbbbnee";
    /** Glyph pairs one character for another, both ways: each is one small step in a distance. */
    private static final String[] SINGLE_PAIRS = {"0o", "1l", "1i", "il", "ce", "qg", "bd", "mn", "uv", "5s", "2z"};
    /** Each character of a pair above and the representative it collapses onto in a key. */
    private static final String[] SINGLE_PAIRS_TO_KEY = {"0o", "1l", "il", "ce", "qg", "bd", "nm", "uv", "5s", "2z"};
    private static final char[] SINGLE = singleTable();
    /**
     * Glyph sequences two characters for one ({@code rn} reads as {@code m}, {@code lb} as {@code b}), both ways;
     * each character may itself be a look-alike ({@code ci} for {@code cl} for {@code d}).
     */
    private static final String[][] DOUBLE_PAIRS = {{"rn", "m"}, {"rr", "m"}, {"nn", "m"}, {"vv", "w"}, {"cl", "d"},
        {"dl", "d"}, {"lb", "b"}, {"lh", "h"}, {"lk", "k"}, {"lc", "k"}};
    /*
     * In a key, look-alike pairs are merged into one character, left to right in the label as typed, before
     * single characters are mapped (see merged()): rn, rr and nn into m (rn before rr: arrny is a-r-rn-y), vv into
     * w, cl, ci and c1 into d (ci and c1 read as cl), dl into d, lb into b (then d), lh into h, lk into k.
     */
    private static final boolean[][] SIMILAR = similarTable();
    private static final boolean[] NOT_SIMILAR = new boolean[128];
    private static final boolean[] DOUBLE_TARGET = doubleTargets();
    private static final byte[] DOUBLE_TARGET_INDEX = doubleTargetIndex();
    private static final int DOUBLE_TARGETS = countTrue(DOUBLE_TARGET);
    private static final byte[] PAIR_CODE = pairCodes();
    private static final int PAIR_CODES = maxOf(PAIR_CODE) + 1;
    private static final byte[] READS_AS = readsAsTable();

    private static final ConcurrentHashMap<Integer, String> FOLDED = new ConcurrentHashMap<>();
    /** Marks an unfoldable code point in {@link #FOLDED}. */
    private static final String NONE = "";

    private Glyphs() {
    }

    /**
     * The text with every non-ASCII character replaced by what it reads as (see the class comment), lower
     * case. Plain ASCII comes back as the same instance.
     */
    public static String fold(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) < 0x80 && !(text.charAt(i) >= 'A' && text.charAt(i) <= 'Z')) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, i);
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out.append(Character.toLowerCase((char) cp));
            } else {
                String folded = folded(cp);
                out.append(folded == NONE ? new String(Character.toChars(cp)) : folded);
            }
        }
        return out.toString();
    }

    /** Whether {@link #fold(String)} has an ASCII reading for this code point. */
    public static boolean foldsToAscii(int cp) {
        return cp < 0x80 || folded(cp) != NONE;
    }

    /** The ASCII reading of one non-ASCII code point, or {@link #NONE}. */
    private static String folded(int cp) {
        return FOLDED.computeIfAbsent(cp, Glyphs::computeFold);
    }

    private static String computeFold(int cp) {
        String character = new String(Character.toChars(cp));
        int supplement = SUPPLEMENT_FROM.indexOf(character);
        if (supplement >= 0 && character.length() == 1) {
            return String.valueOf(SUPPLEMENT_TO.charAt(supplement));
        }
        String skeleton = CONFUSABLES.getSkeleton(character.toLowerCase(Locale.ROOT));
        String reading = readAsAscii(skeleton);
        if (reading == null) {
            reading = readAsAscii(character);
        }
        return reading == null || reading.isEmpty() ? NONE : reading;
    }

    /** Each character of the text as an ASCII letter or digit (marks dropped), or null if one has none. */
    private static String readAsAscii(String text) {
        String decomposed = NFD.normalize(text);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (cp < 0x80 && Character.isLetterOrDigit(cp)) {
                out.append(Character.toLowerCase((char) cp));
                continue;
            }
            int supplement = cp <= 0xffff ? SUPPLEMENT_FROM.indexOf((char) cp) : -1;
            if (supplement >= 0) {
                out.append(SUPPLEMENT_TO.charAt(supplement));
                continue;
            }
            String name = UCharacter.getName(cp);
            Matcher latin = name == null ? null : LATIN_LETTER.matcher(name);
            if (latin == null || !latin.matches()) {
                return null;
            }
            out.append(Character.toLowerCase(latin.group(1).charAt(0)));
        }
        return out.toString();
    }

    /**
     * The glyph key of an ASCII label (see the class comment): a label and its glyph look-alikes share it.
     * Look-alike pairs are merged first ({@code rn} to {@code m}), then single characters mapped onto their
     * representative. The key is coarse on purpose: it only finds candidates, and {@link GlyphDistance} says
     * what really differs. Lower-case ASCII in, same length or shorter out.
     */
    public static String key(String label) {
        int n = label.length();
        if (!mapsAnything(label)) {
            return label;
        }
        char[] out = new char[n];
        int size = 0;
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            char c = label.charAt(i);
            char merged = i + 1 < n ? merged(c, label.charAt(i + 1)) : 0;
            // rr followed by n: the rn wins (arrny reads a-r-rn-y, not a-rr-n-y).
            if (merged != 0 && c == 'r' && label.charAt(i + 1) == 'r' && i + 2 < n && label.charAt(i + 2) == 'n') {
                merged = 0;
            }
            if (merged != 0) {
                out[size++] = merged;
                i++;
                changed = true;
                continue;
            }
            char mapped = c < SINGLE.length && SINGLE[c] != 0 ? SINGLE[c] : c;
            changed |= mapped != c;
            out[size++] = mapped;
        }
        return changed ? new String(out, 0, size) : label;
    }

    /** Whether {@link #key} changes anything in the label: a pair to merge or a character to map (most labels have one). */
    private static boolean mapsAnything(String label) {
        int n = label.length();
        for (int i = 0; i < n; i++) {
            char c = label.charAt(i);
            if ((c < SINGLE.length && SINGLE[c] != 0) || (i + 1 < n && merged(c, label.charAt(i + 1)) != 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The glyph key without the pair merges: single characters mapped only. A typing mistake next to a
     * mergeable pair (war-ren for warren, c-ity for city) moves the full key by several edits but this one
     * by one, so the indexes hold both (see {@link Registrable#lightKey()}).
     */
    public static String lightKey(String label) {
        char[] out = null;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            char mapped = c < SINGLE.length && SINGLE[c] != 0 ? SINGLE[c] : c;
            if (mapped != c && out == null) {
                out = label.toCharArray();
            }
            if (out != null) {
                out[i] = mapped;
            }
        }
        return out == null ? label : new String(out);
    }

    /** The character a look-alike pair is merged into (already mapped), or 0. */
    private static char merged(char first, char second) {
        switch (first) {
            case 'r':
                return second == 'n' || second == 'r' ? 'm' : 0;
            case 'n':
                return second == 'n' ? 'm' : 0;
            case 'v':
                return second == 'v' ? 'w' : 0;
            case 'c':
                return second == 'l' || second == 'i' || second == '1' ? 'd' : 0;
            case 'd':
                return second == 'l' ? 'd' : 0;
            case 'l':
                return second == 'b' ? 'd' : second == 'h' ? 'h' : second == 'k' ? 'k' : 0;
            default:
                return 0;
        }
    }

    /** Whether two single characters are glyph look-alikes of each other (0 and o, c and e, m and n, ...). */
    static boolean similar(char a, char b) {
        return a < 128 && b < 128 && SIMILAR[a][b];
    }

    /**
     * The ASCII characters similar to {@code a}, by code (none for a character beyond ASCII): {@link #similar} is
     * {@code b < 128 && similarRow(a)[b]}, for a caller that compares one character with many. Not to be changed.
     */
    static boolean[] similarRow(char a) {
        return a < 128 ? SIMILAR[a] : NOT_SIMILAR;
    }

    /**
     * How many glyph steps it takes for the two characters {@code first second} to read as the single
     * character {@code one}: 1 for {@code rn} as {@code m}, 2 for {@code ci} as {@code d} (ci for cl for d);
     * 0 when they do not. A look-up in {@link #READS_AS}, which holds {@link #readsAsByPairs} for every
     * character that can take part (the alignment asks this twice per cell).
     */
    static int readsAs(char first, char second, char one) {
        if (one >= 128 || first >= 128 || second >= 128) {
            return 0;
        }
        int target = DOUBLE_TARGET_INDEX[one];
        if (target < 0) {
            return 0;
        }
        return READS_AS[(target * PAIR_CODES + PAIR_CODE[first]) * PAIR_CODES + PAIR_CODE[second]];
    }

    /**
     * Whether the character takes part in some two-for-one glyph (it is, or looks like, a character of one of
     * the pairs): {@link #readsAs} is 0 unless both characters of the pair do.
     */
    static boolean takesPartInPairs(char c) {
        return c < 128 && PAIR_CODE[c] != 0;
    }

    /** Whether two characters may read as this one ({@code m} for {@code rn}): {@link #readsAs} is 0 otherwise. */
    static boolean isDoubleTarget(char c) {
        return c < 128 && DOUBLE_TARGET[c];
    }

    /** {@link #readsAs}, computed from the pair list itself: what the table is built from (and tested against). */
    static int readsAsByPairs(char first, char second, char one) {
        if (one >= 128 || !DOUBLE_TARGET[one]) {
            return 0;
        }
        int best = 0;
        for (String[] pair : DOUBLE_PAIRS) {
            char a = pair[0].charAt(0);
            char b = pair[0].charAt(1);
            boolean firstSame = first == a;
            boolean secondSame = second == b;
            // At most one of the two may itself be a look-alike: mm is not nn, it is m typed twice.
            if (pair[1].charAt(0) == one && (firstSame || secondSame) && (firstSame || similar(first, a))
                && (secondSame || similar(second, b))) {
                int steps = firstSame && secondSame ? 1 : 2;
                best = best == 0 ? steps : Math.min(best, steps);
            }
        }
        return best;
    }

    /**
     * A code for each ASCII character that appears in a glyph pair or is a look-alike of one that does (1, 2,
     * ...), 0 for all others: those never read as anything together with another character.
     */
    private static byte[] pairCodes() {
        byte[] codes = new byte[128];
        byte next = 1;
        for (char c = 0; c < 128; c++) {
            for (String[] pair : DOUBLE_PAIRS) {
                for (char p : pair[0].toCharArray()) {
                    if (codes[c] == 0 && (c == p || similar(c, p))) {
                        codes[c] = next++;
                    }
                }
            }
        }
        return codes;
    }

    private static byte[] doubleTargetIndex() {
        byte[] index = new byte[128];
        java.util.Arrays.fill(index, (byte) -1);
        byte next = 0;
        for (char c = 0; c < 128; c++) {
            if (DOUBLE_TARGET[c]) {
                index[c] = next++;
            }
        }
        return index;
    }

    /** {@link #readsAsByPairs} for every target and pair of coded characters (code 0 stands for any uncoded one). */
    private static byte[] readsAsTable() {
        char[] representative = new char[PAIR_CODES];
        representative[0] = 0;
        for (char c = 0; c < 128; c++) {
            if (PAIR_CODE[c] != 0) {
                representative[PAIR_CODE[c]] = c;
            }
        }
        byte[] table = new byte[DOUBLE_TARGETS * PAIR_CODES * PAIR_CODES];
        for (char one = 0; one < 128; one++) {
            int target = DOUBLE_TARGET_INDEX[one];
            if (target < 0) {
                continue;
            }
            for (int first = 0; first < PAIR_CODES; first++) {
                for (int second = 0; second < PAIR_CODES; second++) {
                    table[(target * PAIR_CODES + first) * PAIR_CODES + second] =
                        (byte) readsAsByPairs(representative[first], representative[second], one);
                }
            }
        }
        return table;
    }

    private static char[] singleTable() {
        char[] table = new char[128];
        for (String pair : SINGLE_PAIRS_TO_KEY) {
            table[pair.charAt(0)] = pair.charAt(1);
        }
        return table;
    }

    private static boolean[] doubleTargets() {
        boolean[] table = new boolean[128];
        for (String[] pair : DOUBLE_PAIRS) {
            table[pair[1].charAt(0)] = true;
        }
        return table;
    }

    private static int countTrue(boolean[] values) {
        int count = 0;
        for (boolean value : values) {
            count += value ? 1 : 0;
        }
        return count;
    }

    private static int maxOf(byte[] values) {
        int max = 0;
        for (byte value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static boolean[][] similarTable() {
        boolean[][] table = new boolean[128][128];
        for (String pair : SINGLE_PAIRS) {
            table[pair.charAt(0)][pair.charAt(1)] = true;
            table[pair.charAt(1)][pair.charAt(0)] = true;
        }
        return table;
    }
}
