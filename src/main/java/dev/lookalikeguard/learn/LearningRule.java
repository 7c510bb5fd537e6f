package dev.lookalikeguard.learn;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * When a recipient domain becomes a learned name: mail delivered to it on at least {@code days} distinct
 * days within the last {@code forgetAfter}, from at least {@code senders} distinct senders (so one careless
 * mail never makes a look-alike familiar, and a partner nobody writes to any more is forgotten as its days
 * slide out of the window). Pinned names are learned whatever their counts. Immutable.
 *
 * <p>Written in the condition as {@code learnThreshold: 15 days, 8 senders, 180 days idle}; parts left out
 * keep their defaults ({@value #DEFAULT_DAYS} days, {@value #DEFAULT_SENDERS} senders, forgotten after
 * {@value #DEFAULT_IDLE_DAYS} idle days). The defaults come from the simulated month measured in the README.
 */
public final class LearningRule {
    public static final int DEFAULT_DAYS = 15;
    public static final int DEFAULT_SENDERS = 8;
    public static final int DEFAULT_IDLE_DAYS = 180;
    /** The most days and senders a record keeps (thresholds above it could never be reached). */
    public static final int MAX_TRACKED = Correspondent.MAX_TRACKED;

    private final int days;
    private final int senders;
    private final Duration forgetAfter;

    public LearningRule(int days, int senders, Duration forgetAfter) {
        if (days < 1 || days > MAX_TRACKED || senders < 1 || senders > MAX_TRACKED) {
            throw new IllegalArgumentException("days and senders must be between 1 and " + MAX_TRACKED);
        }
        this.days = days;
        this.senders = senders;
        this.forgetAfter = Objects.requireNonNull(forgetAfter);
        if (forgetAfter.isNegative() || forgetAfter.isZero()) {
            throw new IllegalArgumentException("the idle time after which a name is forgotten must be positive");
        }
    }

    public static LearningRule defaults() {
        return new LearningRule(DEFAULT_DAYS, DEFAULT_SENDERS, Duration.ofDays(DEFAULT_IDLE_DAYS));
    }

    /**
     * Parses {@code 15 days, 8 senders, 180 days idle} (any of the three parts, in any order).
     *
     * @throws IllegalArgumentException naming what is wrong and the expected form
     */
    public static LearningRule parse(String text) {
        int days = DEFAULT_DAYS;
        int senders = DEFAULT_SENDERS;
        int idle = DEFAULT_IDLE_DAYS;
        String expected = "expected e.g. '15 days, 8 senders, 180 days idle'";
        for (String part : text.split(",")) {
            String[] words = part.strip().toLowerCase(Locale.ROOT).split("\\s+");
            if (words.length < 2 || words.length > 3) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a number and a unit; " + expected);
            }
            int number;
            try {
                number = Integer.parseInt(words[0]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + words[0] + "' is not a whole number; " + expected, e);
            }
            String unit = words[1] + (words.length == 3 ? " " + words[2] : "");
            switch (unit) {
                case "days":
                case "day":
                    days = number;
                    break;
                case "senders":
                case "sender":
                    senders = number;
                    break;
                case "days idle":
                case "day idle":
                    idle = number;
                    break;
                default:
                    throw new IllegalArgumentException("unknown unit '" + unit + "'; " + expected);
            }
        }
        if (idle < 1) {
            throw new IllegalArgumentException("idle days must be at least 1; " + expected);
        }
        return new LearningRule(days, senders, Duration.ofDays(idle));
    }

    /** Whether this record makes its domain a learned name at {@code now}. */
    public boolean learns(Correspondent record, Instant now) {
        if (record.pinned()) {
            return true;
        }
        return record.distinctDaysSince(now.minus(forgetAfter)) >= days && record.distinctSenders() >= senders;
    }

    /** Whether the record is so old that it can be dropped from the store (idle twice as long as forgetting). */
    public boolean obsolete(Correspondent record, Instant now) {
        return !record.pinned() && record.lastUse().plus(forgetAfter.multipliedBy(2)).isBefore(now);
    }

    public int days() {
        return days;
    }

    public int senders() {
        return senders;
    }

    public Duration forgetAfter() {
        return forgetAfter;
    }

    @Override
    public String toString() {
        return days + " days, " + senders + " senders, " + forgetAfter.toDays() + " days idle";
    }
}
