package dev.lookalikeguard.detect;

import java.util.Locale;

/**
 * How far from a protected name a domain may be and still be called a look-alike.
 *
 * <table>
 *   <caption>What each level allows (label length = length of the protected label, e.g. 4 for army)</caption>
 *   <tr><th></th><th>strict</th><th>balanced (default)</th><th>paranoid</th></tr>
 *   <tr><td>one label edit (omission, transposition, keyboard, ...)</td><td>labels of 6+</td><td>4+</td><td>3+</td></tr>
 *   <tr><td>two label edits</td><td>never</td><td>labels of 10+</td><td>7+</td></tr>
 *   <tr><td>homoglyphs, doppelgangers, suffix edit to a known name</td><td>always</td><td>always</td><td>always</td></tr>
 *   <tr><td>suffix swap to a common TLD (army.com)</td><td>never</td><td>names listed in <code>domains</code></td><td>every known name</td></tr>
 *   <tr><td>label edit combined with suffix edit (amry.ml)</td><td>never</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>any name under a real suffix one edit from a protected suffix (x.ml)</td><td>no</td><td>no</td><td>yes</td></tr>
 * </table>
 */
public enum Sensitivity {
    STRICT(6, Integer.MAX_VALUE, false, false, false, false),
    BALANCED(4, 10, true, false, true, false),
    PARANOID(3, 7, true, true, true, true);

    private final int singleEditMinLength;
    private final int doubleEditMinLength;
    private final boolean swapsListedDomains;
    private final boolean swapsKnownDomains;
    private final boolean combinesEdits;
    private final boolean flagsAnyNameUnderNearSuffix;

    Sensitivity(int singleEditMinLength, int doubleEditMinLength, boolean swapsListedDomains,
                boolean swapsKnownDomains, boolean combinesEdits, boolean flagsAnyNameUnderNearSuffix) {
        this.singleEditMinLength = singleEditMinLength;
        this.doubleEditMinLength = doubleEditMinLength;
        this.swapsListedDomains = swapsListedDomains;
        this.swapsKnownDomains = swapsKnownDomains;
        this.combinesEdits = combinesEdits;
        this.flagsAnyNameUnderNearSuffix = flagsAnyNameUnderNearSuffix;
    }

    /** How many label edits separate a look-alike from a protected label of this length (0: none allowed). */
    public int allowedEdits(int protectedLabelLength) {
        if (protectedLabelLength >= doubleEditMinLength) {
            return 2;
        }
        return protectedLabelLength >= singleEditMinLength ? 1 : 0;
    }

    /** The shortest protected label that may be two edits from a look-alike (MAX_VALUE: never). */
    public int doubleEditMinLength() {
        return doubleEditMinLength;
    }

    public int maxEdits() {
        return doubleEditMinLength == Integer.MAX_VALUE ? 1 : 2;
    }

    public boolean swapsSuffixOf(boolean listedInDomains) {
        return listedInDomains ? swapsListedDomains : swapsKnownDomains;
    }

    public boolean combinesEdits() {
        return combinesEdits;
    }

    public boolean flagsAnyNameUnderNearSuffix() {
        return flagsAnyNameUnderNearSuffix;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sensitivity parse(String value) {
        for (Sensitivity s : values()) {
            if (s.label().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sensitivity '" + value + "': expected strict, balanced or paranoid");
    }
}
