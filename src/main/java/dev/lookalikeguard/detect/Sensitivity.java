package dev.lookalikeguard.detect;

import java.util.Locale;

import dev.lookalikeguard.detect.score.Scoring;

/**
 * How sure the engine must be before it calls a domain a look-alike: the lowest score that counts (see
 * {@link Scoring} and its bands), and how widely it searches.
 *
 * <table>
 *   <caption>What each level stops</caption>
 *   <tr><th></th><th>strict</th><th>balanced (default)</th><th>paranoid</th></tr>
 *   <tr><td>lowest score called a look-alike</td><td>75 (likely and certain)</td><td>60 (possible too)</td><td>40</td></tr>
 *   <tr><td>look-alikes of known names (lists) under other suffixes or with a word added</td><td>no</td><td>no</td><td>yes</td></tr>
 * </table>
 * A {@code minScore} clause in the condition replaces the level's lowest score.
 */
public enum Sensitivity {
    STRICT(Scoring.STRICT_THRESHOLD, false),
    BALANCED(Scoring.BALANCED_THRESHOLD, false),
    PARANOID(Scoring.PARANOID_THRESHOLD, true);

    private final int minScore;
    private final boolean searchesKnownNamesEverywhere;

    Sensitivity(int minScore, boolean searchesKnownNamesEverywhere) {
        this.minScore = minScore;
        this.searchesKnownNamesEverywhere = searchesKnownNamesEverywhere;
    }

    /** The lowest score this level calls a look-alike. */
    public int minScore() {
        return minScore;
    }

    /** Whether look-alikes of known names (not only listed ones) are searched under other suffixes. */
    public boolean searchesKnownNamesEverywhere() {
        return searchesKnownNamesEverywhere;
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
