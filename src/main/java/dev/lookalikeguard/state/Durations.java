package dev.lookalikeguard.state;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.james.util.DurationParser;

/**
 * Durations as an admin writes them (mailet parameters, WebAdmin's {@code for=}): a number and its unit ({@code 30s},
 * {@code 15m}, {@code 12h}, {@code 7d}, {@code 2w}, {@code 7 days}), read by James's {@link DurationParser}. The unit
 * is required: DurationParser reads a bare number in a default unit, which a typo should not choose.
 */
public final class Durations {
    /** What {@link #withUnit} takes, for messages. */
    public static final String FORM = "a duration with its unit, such as 30s, 15m, 12h, 7d or 2w";
    private static final Pattern WITH_UNIT = Pattern.compile("\\s*\\d+\\s*[a-zA-Z]+\\s*");

    private Durations() {
    }

    /**
     * The duration written, or empty when it has no unit.
     *
     * @throws IllegalArgumentException when the unit is unknown or the number too large
     */
    public static Optional<Duration> withUnit(String value) {
        if (!WITH_UNIT.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DurationParser.parse(value.strip(), ChronoUnit.SECONDS));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + value + "' is too long a duration", e);
        }
    }
}
