package dev.lookalikeguard.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mailrepository.api.MailKey;

/**
 * The repository key of one held recipient, which also says what the quarantine is listed and filtered by,
 * so that a listing reads keys only and retrieves just the entries of the page it shows:
 * <pre>
 * h1-&lt;held since: 9&gt;&lt;random: 8&gt;-&lt;recipient: 3&gt;-&lt;sender: 7&gt;-&lt;kind: h|c&gt;&lt;domain digests: 7 each&gt;[+]
 * </pre>
 * All parts are lower-case base 32 ({@code a-z2-7}). "Held since" is the epoch milliseconds, fixed width, so
 * keys sort by it; the first 17 characters after {@code h1-} identify the held mail, shared by the entries of
 * its recipients. The sender and domains are SHA-256 digests (a filter compares digests, then checks the
 * entries it returns). The domains are the recipient's domain, the protected name it resembles, and every
 * parent of both (mail.army.ml, army.ml, ml, army.mil, mil), at most {@value #MAX_DOMAINS}; a {@code +}
 * marks a key that could not hold them all (a filter then reads that entry). The key is at most 91
 * characters: a file-backed repository writes it hex-encoded in a file name. Immutable.
 */
public final class HeldKey {
    /** Who may end the hold of a recipient besides an administrator. */
    public enum Kind {
        /** Held for an administrator only. */
        ADMIN('h'),
        /** Held until its sender confirms (or it expires). */
        CONFIRM('c');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        static Optional<Kind> of(char code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    static final int MAX_DOMAINS = 8;
    private static final int DIGEST = 7;
    private static final Pattern FORMAT = Pattern.compile(
        "h1-([a-z2-7]{9})([a-z2-7]{8})-([a-z2-7]{3})-([a-z2-7]{7})-([hc])((?:[a-z2-7]{7}){0,8})(\\+?)");

    private final String value;
    private final Instant heldSince;
    private final String mailId;
    private final String sender;
    private final Kind kind;
    private final List<String> domains;
    private final boolean overflow;

    private HeldKey(String value, Instant heldSince, String mailId, String sender, Kind kind, List<String> domains,
                    boolean overflow) {
        this.value = value;
        this.heldSince = heldSince;
        this.mailId = mailId;
        this.sender = sender;
        this.kind = kind;
        this.domains = List.copyOf(domains);
        this.overflow = overflow;
    }

    /**
     * The key of recipient {@code index} of a held mail.
     *
     * @param mailId what identifies the held mail: {@link #newMailId}
     * @param sender the sender as a string ({@code ""} for the null sender)
     * @param domain the recipient's domain (ASCII)
     * @param nearest the protected name it resembles, or empty
     */
    public static HeldKey of(String mailId, int index, String sender, Kind kind, String domain, String nearest) {
        Set<String> digests = new LinkedHashSet<>();
        for (String name : List.of(domain, nearest)) {
            for (String parent : selfAndParents(name)) {
                digests.add(Base32.digest(parent, DIGEST));
            }
        }
        List<String> kept = new ArrayList<>(digests);
        boolean overflow = kept.size() > MAX_DOMAINS;
        if (overflow) {
            kept = kept.subList(0, MAX_DOMAINS);
        }
        String senderDigest = Base32.digest(normalize(sender), DIGEST);
        String value = "h1-" + mailId + "-" + Base32.fixed(index, 3) + "-" + senderDigest + "-" + kind.code
            + String.join("", kept) + (overflow ? "+" : "");
        return new HeldKey(value, heldSinceOf(mailId), mailId, senderDigest, kind, kept, overflow);
    }

    /** A new identity for a mail held at {@code heldSince}: its time and 40 random bits. */
    public static String newMailId(Instant heldSince) {
        return Base32.fixed(heldSince.toEpochMilli(), 9) + Base32.random(8);
    }

    /** The key this string is, if it is one (keys of other forms, such as entries of older versions, are not). */
    public static Optional<HeldKey> parse(String value) {
        Matcher matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String digests = matcher.group(6);
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < digests.length(); i += DIGEST) {
            domains.add(digests.substring(i, i + DIGEST));
        }
        String mailId = matcher.group(1) + matcher.group(2);
        return Optional.of(new HeldKey(value, heldSinceOf(mailId), mailId, matcher.group(4),
            Kind.of(matcher.group(5).charAt(0)).orElseThrow(), domains, !matcher.group(7).isEmpty()));
    }

    private static Instant heldSinceOf(String mailId) {
        return Instant.ofEpochMilli(Base32.parseFixed(mailId.substring(0, 9)));
    }

    private static List<String> selfAndParents(String name) {
        List<String> names = new ArrayList<>();
        String rest = normalize(name);
        while (!rest.isEmpty()) {
            names.add(rest);
            int dot = rest.indexOf('.');
            rest = dot < 0 ? "" : rest.substring(dot + 1);
        }
        return names;
    }

    private static String normalize(String text) {
        String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    public String asString() {
        return value;
    }

    public MailKey mailKey() {
        return new MailKey(value);
    }

    public Instant heldSince() {
        return heldSince;
    }

    /** What the entries of one held mail (one per recipient) share. */
    public String mailId() {
        return mailId;
    }

    public Kind kind() {
        return kind;
    }

    /** False when this key's entry is certainly not from {@code sender}; true means "read it to be sure". */
    public boolean mayBeFrom(String sender) {
        return mayBeFrom(Digest.of(sender));
    }

    public boolean mayBeFrom(Digest sender) {
        return this.sender.equals(sender.value);
    }

    /**
     * False when this key's recipient is certainly not {@code domain}, under it, nor a look-alike of it or of a name
     * under it; true means "read the entry to be sure".
     */
    public boolean mayConcern(String domain) {
        return mayConcern(Digest.of(domain));
    }

    public boolean mayConcern(Digest domain) {
        return overflow || domains.contains(domain.value);
    }

    /** A sender or domain as keys carry it, computed once for a filter applied to many keys. Immutable. */
    public static final class Digest {
        private final String value;

        private Digest(String value) {
            this.value = value;
        }

        public static Digest of(String text) {
            return new Digest(Base32.digest(normalize(text), DIGEST));
        }
    }

    /** Whether this key could not carry every name of its recipient: {@link #mayConcern} then says yes to any domain. */
    public boolean overflow() {
        return overflow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeldKey && ((HeldKey) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
