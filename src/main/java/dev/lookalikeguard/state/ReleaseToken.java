package dev.lookalikeguard.state;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A release token: {@code <held key>.<expiry>.<mac>}, where the held key names the one held recipient the
 * token releases (see {@link HeldKey}), the expiry is in epoch seconds, and the mac is an HMAC-SHA256 (the
 * guard's secret) over the held key, that recipient's address, the original sender and the expiry. Nothing
 * is stored: the token carries what it is bound to, and is single-use because releasing ends the hold of
 * that entry (a replay finds nothing held). Immutable.
 */
public final class ReleaseToken {
    /** Where a token appears in the notice's subject, and is looked for in the reply's. */
    public static final Pattern IN_SUBJECT = Pattern.compile(
        "\\[release (h1-[a-z2-7-]+\\+?)\\.([a-z2-7]{7})\\.([a-z2-7]{20})\\]", Pattern.CASE_INSENSITIVE);
    private static final int MAC_CHARS = 20;

    /** What a check of a token against the held entry it names found. */
    public enum Check {
        VALID("valid"),
        TAMPERED("the token does not match the held message it names"),
        EXPIRED("the token has expired"),
        WRONG_SENDER("the reply does not come from the original sender");

        private final String reason;

        Check(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private final HeldKey heldKey;
    private final Instant expires;
    private final String mac;

    private ReleaseToken(HeldKey heldKey, Instant expires, String mac) {
        this.heldKey = heldKey;
        this.expires = expires;
        this.mac = mac;
    }

    /** The token for one held recipient, valid until {@code expires}. */
    public static ReleaseToken issue(String secret, HeldKey heldKey, String recipient, String sender, Instant expires) {
        Instant seconds = Instant.ofEpochSecond(expires.getEpochSecond());
        return new ReleaseToken(heldKey, seconds, mac(secret, heldKey, recipient, sender, seconds));
    }

    /** The token in a subject line, if one is there (well formed; nothing is checked yet). */
    public static Optional<ReleaseToken> in(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher matcher = IN_SUBJECT.matcher(subject);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return HeldKey.parse(matcher.group(1).toLowerCase(Locale.ROOT)).map(key -> new ReleaseToken(key,
            Instant.ofEpochSecond(Base32.parseFixed(matcher.group(2).toLowerCase(Locale.ROOT))),
            matcher.group(3).toLowerCase(Locale.ROOT)));
    }

    /**
     * Checks this token against the entry it names: its mac over that entry's recipient and sender, its expiry,
     * and that {@code replier} (the authenticated sender of the reply) is that sender.
     */
    public Check check(String secret, String recipient, String sender, String replier, Instant now) {
        byte[] expected = mac(secret, heldKey, recipient, sender, expires).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, mac.getBytes(StandardCharsets.US_ASCII))) {
            return Check.TAMPERED;
        }
        if (now.isAfter(expires)) {
            return Check.EXPIRED;
        }
        if (!sender.equalsIgnoreCase(replier)) {
            return Check.WRONG_SENDER;
        }
        return Check.VALID;
    }

    public HeldKey heldKey() {
        return heldKey;
    }

    public Instant expires() {
        return expires;
    }

    /** As it is written in the subject: {@code [release <this>]}. */
    public String asString() {
        return heldKey.asString() + "." + Base32.fixed(expires.getEpochSecond(), 7) + "." + mac;
    }

    @Override
    public String toString() {
        return asString();
    }

    private static String mac(String secret, HeldKey heldKey, String recipient, String sender, Instant expires) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = hmac.doFinal(String.join("\n", "release-v1", heldKey.asString(),
                recipient.toLowerCase(Locale.ROOT), sender.toLowerCase(Locale.ROOT), String.valueOf(expires.getEpochSecond()))
                .getBytes(StandardCharsets.UTF_8));
            return Base32.encode(digest, MAC_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
