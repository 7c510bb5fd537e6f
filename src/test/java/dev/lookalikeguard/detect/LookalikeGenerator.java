package dev.lookalikeguard.detect;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Makes one look-alike of a real name with one technique, the way a typo tool or an attacker would,
 * for measuring recall. Deterministic for a given {@link Random}.
 */
public final class LookalikeGenerator {

    public enum Kind {
        OMISSION(true), INSERTION(true), REPETITION(true), TRANSPOSITION(true), KEYBOARD(true), VOWEL_SWAP(true),
        BIT_FLIP(true), HYPHENATION(true), PLURAL(true), HOMOGLYPH(true),
        SUFFIX_EDIT(false), SUFFIX_SWAP(false), DOPPELGANGER(false), LABEL_AND_SUFFIX_EDIT(false);

        /** Counted in the "single edit and homoglyph" recall target. */
        final boolean singleEditOrHomoglyph;

        Kind(boolean singleEditOrHomoglyph) {
            this.singleEditOrHomoglyph = singleEditOrHomoglyph;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String VOWELS = "aeiou";
    private static final String[] QWERTY = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    /** Look-alike replacements: Cyrillic letters (as literal UTF-8, code points noted) and ASCII tricks. */
    private static final Map<Character, List<String>> HOMOGLYPHS = Map.ofEntries(
        Map.entry('a', List.of("\u0430")),          // CYRILLIC SMALL LETTER A
        Map.entry('c', List.of("\u0441")),          // CYRILLIC SMALL LETTER ES
        Map.entry('e', List.of("\u0435")),          // CYRILLIC SMALL LETTER IE
        Map.entry('i', List.of("\u0456")),          // CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
        Map.entry('o', List.of("\u043e", "0")),     // CYRILLIC SMALL LETTER O, digit zero
        Map.entry('p', List.of("\u0440")),          // CYRILLIC SMALL LETTER ER
        Map.entry('s', List.of("\u0455")),          // CYRILLIC SMALL LETTER DZE
        Map.entry('x', List.of("\u0445")),          // CYRILLIC SMALL LETTER HA
        Map.entry('y', List.of("\u0443")),          // CYRILLIC SMALL LETTER U
        Map.entry('l', List.of("1")),
        Map.entry('m', List.of("rn")));

    private LookalikeGenerator() {
    }

    /** A look-alike of label.suffix made with {@code kind}, if the label allows that technique. */
    public static Optional<String> generate(Kind kind, String label, String suffix, Random random) {
        switch (kind) {
            case SUFFIX_EDIT:
                return Optional.of(label + "." + suffixEdit(suffix, random));
            case SUFFIX_SWAP:
                return Optional.of(label + ".com");
            case DOPPELGANGER:
                return Optional.of(label + suffix.replace(".", "") + ".com");
            case LABEL_AND_SUFFIX_EDIT:
                return labelEdit(Kind.TRANSPOSITION, label, random).map(l -> l + "." + suffixEdit(suffix, random));
            default:
                return labelEdit(kind, label, random).map(l -> l + "." + suffix);
        }
    }

    private static Optional<String> labelEdit(Kind kind, String label, Random random) {
        int n = label.length();
        int at = random.nextInt(n);
        StringBuilder b = new StringBuilder(label);
        switch (kind) {
            case OMISSION:
                return Optional.of(b.deleteCharAt(at).toString());
            case INSERTION:
                return Optional.of(b.insert(at, LETTERS.charAt(random.nextInt(26))).toString());
            case REPETITION:
                return Optional.of(b.insert(at, label.charAt(at)).toString());
            case TRANSPOSITION:
                for (int tries = 0; tries < n; tries++) {
                    int i = random.nextInt(n - 1);
                    if (label.charAt(i) != label.charAt(i + 1)) {
                        b.setCharAt(i, label.charAt(i + 1));
                        b.setCharAt(i + 1, label.charAt(i));
                        return Optional.of(b.toString());
                    }
                }
                return Optional.empty();
            case KEYBOARD:
                return neighbour(label.charAt(at), random).map(c -> {
                    b.setCharAt(at, c);
                    return b.toString();
                });
            case VOWEL_SWAP:
                return replaceWhere(label, VOWELS::indexOf, c -> VOWELS.charAt(random.nextInt(5)), random);
            case BIT_FLIP:
                return replaceWhere(label, c -> Character.isLetter(c) ? 0 : -1, c -> {
                    for (int bit = random.nextInt(5), i = 0; i < 5; i++, bit = (bit + 1) % 5) {
                        char flipped = (char) (c ^ (1 << bit));
                        if (flipped >= 'a' && flipped <= 'z' || flipped >= '0' && flipped <= '9') {
                            return flipped;
                        }
                    }
                    return c;
                }, random);
            case HYPHENATION:
                return n < 3 ? Optional.empty() : Optional.of(b.insert(1 + random.nextInt(n - 2), '-').toString());
            case PLURAL:
                return label.endsWith("s") ? Optional.of(label.substring(0, n - 1)) : Optional.of(label + "s");
            case HOMOGLYPH:
                for (int tries = 0; tries < 3 * n; tries++) {
                    int i = random.nextInt(n);
                    List<String> options = HOMOGLYPHS.get(label.charAt(i));
                    if (options != null) {
                        return Optional.of(label.substring(0, i) + options.get(random.nextInt(options.size()))
                            + label.substring(i + 1));
                    }
                }
                return Optional.empty();
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    private interface CharTest {
        int test(char c);
    }

    private interface CharChange {
        char change(char c);
    }

    private static Optional<String> replaceWhere(String label, CharTest where, CharChange change, Random random) {
        for (int tries = 0; tries < 3 * label.length(); tries++) {
            int i = random.nextInt(label.length());
            char c = label.charAt(i);
            if (where.test(c) >= 0) {
                char replacement = change.change(c);
                if (replacement != c) {
                    return Optional.of(label.substring(0, i) + replacement + label.substring(i + 1));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Character> neighbour(char c, Random random) {
        for (int r = 0; r < QWERTY.length; r++) {
            int col = QWERTY[r].indexOf(c);
            if (col >= 0) {
                String row = QWERTY[r];
                char left = col > 0 ? row.charAt(col - 1) : row.charAt(col + 1);
                char right = col + 1 < row.length() ? row.charAt(col + 1) : row.charAt(col - 1);
                return Optional.of(random.nextBoolean() ? left : right);
            }
        }
        return Optional.empty();
    }

    /** One edit of the suffix's last label: gov to gv, gob, govv...; mil to ml, mi, mill... */
    private static String suffixEdit(String suffix, Random random) {
        int dot = suffix.lastIndexOf('.');
        String head = dot >= 0 ? suffix.substring(0, dot + 1) : "";
        String last = suffix.substring(dot + 1);
        String edited;
        do {
            StringBuilder b = new StringBuilder(last);
            int at = random.nextInt(last.length());
            switch (random.nextInt(3)) {
                case 0:
                    b.deleteCharAt(at);
                    break;
                case 1:
                    b.setCharAt(at, LETTERS.charAt(random.nextInt(26)));
                    break;
                default:
                    b.insert(at, LETTERS.charAt(random.nextInt(26)));
            }
            edited = b.toString();
        } while (edited.equals(last) || edited.isEmpty());
        return head + edited;
    }
}
