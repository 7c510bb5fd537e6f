package dev.lookalikeguard.learn;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;

import com.google.common.hash.Hashing;

import java.nio.charset.StandardCharsets;

/**
 * What the guard knows of one recipient domain that outgoing mail was delivered to: when it was first and
 * last used, how many recipients, on which distinct days (UTC; the latest {@value #MAX_TRACKED}) and from how
 * many distinct senders (up to {@value #MAX_TRACKED}: enough for any threshold, and a record stays small), and
 * whether an admin pinned it. Senders are kept as short hashes, not addresses. Immutable; {@link #encode()}
 * and {@link #decode(String)} give the form it is stored in, {@link #merge} adds what another node saw.
 */
public final class Correspondent {
    /** The most distinct days and senders a record remembers. */
    public static final int MAX_TRACKED = 64;

    private final String domain;
    private final Instant firstUse;
    private final Instant lastUse;
    private final long recipients;
    /** Distinct UTC epoch days, ascending, at most MAX_TRACKED (the latest). */
    private final long[] days;
    /** Distinct sender hashes, ascending, at most MAX_TRACKED. */
    private final long[] senders;
    private final boolean pinned;

    private Correspondent(String domain, Instant firstUse, Instant lastUse, long recipients, long[] days, long[] senders,
                          boolean pinned) {
        this.domain = Objects.requireNonNull(domain);
        this.firstUse = Objects.requireNonNull(firstUse);
        this.lastUse = Objects.requireNonNull(lastUse);
        this.recipients = recipients;
        this.days = days;
        this.senders = senders;
        this.pinned = pinned;
    }

    /** One delivery to {@code domain} from {@code sender} at {@code when}. */
    public static Correspondent delivery(String domain, String sender, Instant when) {
        return new Correspondent(domain, when, when, 1, new long[] {day(when)}, new long[] {senderHash(sender)}, false);
    }

    /** A record an admin pinned (or seeded) without deliveries. */
    public static Correspondent pinned(String domain, Instant when) {
        return new Correspondent(domain, when, when, 0, new long[0], new long[0], true);
    }

    /** This record with what {@code other} (for the same domain) saw added. */
    public Correspondent merge(Correspondent other) {
        if (!other.domain.equals(domain)) {
            throw new IllegalArgumentException("cannot merge " + other.domain + " into " + domain);
        }
        return new Correspondent(domain, min(firstUse, other.firstUse), max(lastUse, other.lastUse),
            recipients + other.recipients, union(days, other.days), union(senders, other.senders), pinned || other.pinned);
    }

    /** This record pinned or unpinned. */
    public Correspondent withPinned(boolean value) {
        return new Correspondent(domain, firstUse, lastUse, recipients, days, senders, value);
    }

    public String domain() {
        return domain;
    }

    public Instant firstUse() {
        return firstUse;
    }

    public Instant lastUse() {
        return lastUse;
    }

    public long recipients() {
        return recipients;
    }

    public int distinctDays() {
        return days.length;
    }

    /** Distinct days of delivery from {@code since} on (the sliding window a threshold counts in). */
    public int distinctDaysSince(Instant since) {
        long first = day(since);
        int count = 0;
        for (long d : days) {
            if (d >= first) {
                count++;
            }
        }
        return count;
    }

    public int distinctSenders() {
        return senders.length;
    }

    public boolean pinned() {
        return pinned;
    }

    /** {@code domain first last recipients pinned days senders}, space-separated; days and senders comma-separated. */
    public String encode() {
        return domain + ' ' + firstUse.toEpochMilli() + ' ' + lastUse.toEpochMilli() + ' ' + recipients + ' '
            + (pinned ? 1 : 0) + ' ' + join(days) + ' ' + join(senders);
    }

    /** @throws IllegalArgumentException when the text is not an {@link #encode()}d record */
    public static Correspondent decode(String text) {
        String[] parts = text.strip().split(" ");
        if (parts.length != 7) {
            throw new IllegalArgumentException("not a correspondent record: '" + text + "'");
        }
        try {
            return new Correspondent(parts[0], Instant.ofEpochMilli(Long.parseLong(parts[1])),
                Instant.ofEpochMilli(Long.parseLong(parts[2])), Long.parseLong(parts[3]), parts[4].equals("1"),
                split(parts[5]), split(parts[6]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a correspondent record: '" + text + "'", e);
        }
    }

    private Correspondent(String domain, Instant firstUse, Instant lastUse, long recipients, boolean pinned, long[] days,
                          long[] senders) {
        this(domain, firstUse, lastUse, recipients, latest(days), latest(senders), pinned);
    }

    private static long day(Instant when) {
        return when.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    /** A short one-way hash of the sender address: counting distinct senders needs no address. */
    static long senderHash(String sender) {
        return Hashing.murmur3_128().hashString(sender.toLowerCase(java.util.Locale.ROOT), StandardCharsets.UTF_8)
            .asLong() & 0xffffffffffL;
    }

    private static long[] union(long[] a, long[] b) {
        long[] all = new long[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return latest(all);
    }

    /** Sorted, distinct, the largest MAX_TRACKED. */
    private static long[] latest(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int size = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[size++] = sorted[i];
            }
        }
        int from = Math.max(0, size - MAX_TRACKED);
        return Arrays.copyOfRange(sorted, from, size);
    }

    private static String join(long[] values) {
        if (values.length == 0) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        for (long value : values) {
            text.append(text.length() == 0 ? "" : ",").append(value);
        }
        return text.toString();
    }

    private static long[] split(String text) {
        if (text.equals("-")) {
            return new long[0];
        }
        return Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public String toString() {
        return encode();
    }
}
