package dev.lookalikeguard.state;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * One-time release tokens for held mail ("confirm" action), and remembered sender/domain pairs.
 *
 * <p>A token is {@code <id>.<mac>}: a random 100-bit id and an HMAC-SHA256 (server secret) over the id,
 * the held mail, the recipient, the original sender and the expiry, so a token is unguessable, cannot
 * be altered, and is bound to one held mail, one recipient and one sender. Tokens are stored, one entry
 * per id, in the James mail repository {@value #PATH} (survives restarts, shared by a cluster) and
 * removed when used: a replay finds nothing. Thread-safe.
 */
@Singleton
public class Confirmations {
    public static final String PATH = "var/mail/lookalike-confirmations";
    /** Where a token appears in the notice's subject, and is looked for in the reply's. */
    public static final Pattern IN_SUBJECT = Pattern.compile("\\[release ([a-z2-7]{20}\\.[a-z2-7]{20})\\]",
        Pattern.CASE_INSENSITIVE);
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final AttributeName HELD_KEY = AttributeName.of("dev.lookalikeguard.confirm.held");
    private static final AttributeName QUARANTINE = AttributeName.of("dev.lookalikeguard.confirm.quarantine");
    private static final AttributeName RECIPIENT = AttributeName.of("dev.lookalikeguard.confirm.recipient");
    private static final AttributeName SENDER = AttributeName.of("dev.lookalikeguard.confirm.sender");
    private static final AttributeName EXPIRES = AttributeName.of("dev.lookalikeguard.confirm.expires");
    private static final AttributeName DOMAIN = AttributeName.of("dev.lookalikeguard.confirm.domain");

    private final StateRepository entries;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    @Inject
    public Confirmations(MailRepositoryStore store) {
        this(store, Clock.systemUTC());
    }

    Confirmations(MailRepositoryStore store, Clock clock) {
        this.entries = new StateRepository(store, PATH);
        this.clock = clock;
    }

    /** What a token releases. */
    public static final class Grant {
        private final String heldKey;
        private final String quarantine;
        private final String recipient;
        private final String sender;
        private final Instant expires;

        Grant(String heldKey, String quarantine, String recipient, String sender, Instant expires) {
            this.heldKey = heldKey;
            this.quarantine = quarantine;
            this.recipient = recipient;
            this.sender = sender;
            this.expires = expires;
        }

        public String heldKey() {
            return heldKey;
        }

        public String quarantine() {
            return quarantine;
        }

        public String recipient() {
            return recipient;
        }

        public String sender() {
            return sender;
        }

        public Instant expires() {
            return expires;
        }
    }

    /** Why a token was refused; {@link #OK} when it was not. */
    public enum Outcome {
        OK("released"), UNKNOWN("unknown or already used token"), TAMPERED("token does not match its record"),
        EXPIRED("token expired"), WRONG_SENDER("the reply does not come from the original sender"),
        NOT_AUTHENTICATED("the reply was not authenticated (SMTP AUTH as the original sender is required)");

        private final String reason;

        Outcome(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Creates and stores a token for one held recipient. */
    public String issue(String secret, String heldKey, String quarantine, String recipient, String sender, Duration validity)
            throws MessagingException {
        String id = randomId();
        Instant expires = clock.instant().plus(validity);
        String token = id + "." + mac(secret, id, heldKey, recipient, sender, expires);
        MailImpl entry = MailImpl.builder()
            .name(id)
            .mimeMessage(StateRepository.placeholder("look-alike guard release token", "release token"))
            .addAttribute(new Attribute(HELD_KEY, AttributeValue.of(heldKey)))
            .addAttribute(new Attribute(QUARANTINE, AttributeValue.of(quarantine)))
            .addAttribute(new Attribute(RECIPIENT, AttributeValue.of(recipient)))
            .addAttribute(new Attribute(SENDER, AttributeValue.of(sender)))
            .addAttribute(new Attribute(EXPIRES, AttributeValue.of(expires.toEpochMilli())))
            .build();
        try {
            entries.repository().store(entry);
        } finally {
            entry.dispose();
        }
        return token;
    }

    /**
     * Checks a token against the reply that carries it, and consumes it when everything holds.
     *
     * @param authenticatedUser the SMTP AUTH user of the reply, if any
     */
    public synchronized Result redeem(String secret, String token, String replySender, Optional<String> authenticatedUser)
            throws MessagingException {
        int dot = token.indexOf('.');
        String id = token.substring(0, Math.max(0, dot)).toLowerCase(Locale.ROOT);
        String mac = token.substring(dot + 1).toLowerCase(Locale.ROOT);
        Mail entry = id.isEmpty() ? null : entries.retrieveIfPresent(new MailKey(id));
        if (entry == null) {
            return new Result(Outcome.UNKNOWN, Optional.empty());
        }
        Grant grant;
        try {
            grant = new Grant(text(entry, HELD_KEY), text(entry, QUARANTINE), text(entry, RECIPIENT), text(entry, SENDER),
                Instant.ofEpochMilli(number(entry, EXPIRES)));
        } finally {
            LifecycleUtil.dispose(entry);
        }
        if (!MessageDigest.isEqual(mac.getBytes(StandardCharsets.US_ASCII),
            mac(secret, id, grant.heldKey, grant.recipient, grant.sender, grant.expires).getBytes(StandardCharsets.US_ASCII))) {
            return new Result(Outcome.TAMPERED, Optional.of(grant));
        }
        if (clock.instant().isAfter(grant.expires)) {
            return new Result(Outcome.EXPIRED, Optional.of(grant));
        }
        if (!grant.sender.equalsIgnoreCase(replySender)) {
            return new Result(Outcome.WRONG_SENDER, Optional.of(grant));
        }
        if (authenticatedUser.map(user -> !user.equalsIgnoreCase(grant.sender)).orElse(true)) {
            return new Result(Outcome.NOT_AUTHENTICATED, Optional.of(grant));
        }
        entries.repository().remove(new MailKey(id));
        return new Result(Outcome.OK, Optional.of(grant));
    }

    /** The outcome of redeeming a token, and what it was for (if the token was found). */
    public static final class Result {
        private final Outcome outcome;
        private final Optional<Grant> grant;

        Result(Outcome outcome, Optional<Grant> grant) {
            this.outcome = outcome;
            this.grant = grant;
        }

        public Outcome outcome() {
            return outcome;
        }

        public Optional<Grant> grant() {
            return grant;
        }
    }

    /** Remembers that {@code sender} really writes to {@code domain}, for {@code validity}. */
    public void remember(String sender, String domain, Duration validity) throws MessagingException {
        MailImpl entry = MailImpl.builder()
            .name(pairKey(sender, domain))
            .mimeMessage(StateRepository.placeholder("look-alike guard remembered pair", "remembered pair"))
            .addAttribute(new Attribute(SENDER, AttributeValue.of(sender.toLowerCase(Locale.ROOT))))
            .addAttribute(new Attribute(DOMAIN, AttributeValue.of(domain)))
            .addAttribute(new Attribute(EXPIRES, AttributeValue.of(clock.instant().plus(validity).toEpochMilli())))
            .build();
        try {
            entries.repository().store(entry);
        } finally {
            entry.dispose();
        }
    }

    /** Whether {@code sender} confirmed writing to {@code domain} and that is still remembered. */
    public boolean remembered(String sender, String domain) throws MessagingException {
        Mail entry = entries.retrieveIfPresent(new MailKey(pairKey(sender, domain)));
        try {
            return entry != null && clock.instant().toEpochMilli() < number(entry, EXPIRES);
        } finally {
            LifecycleUtil.dispose(entry);
        }
    }

    private static String pairKey(String sender, String domain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((sender.toLowerCase(Locale.ROOT) + "\n" + domain).getBytes(StandardCharsets.UTF_8));
            return "pair-" + base32(digest, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomId() {
        byte[] bytes = new byte[13];
        random.nextBytes(bytes);
        return base32(bytes, 20);
    }

    static String mac(String secret, String id, String heldKey, String recipient, String sender, Instant expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(String.join("\n", id, heldKey, recipient.toLowerCase(Locale.ROOT),
                sender.toLowerCase(Locale.ROOT), String.valueOf(expires.toEpochMilli())).getBytes(StandardCharsets.UTF_8));
            return base32(digest, 20);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private static String base32(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder(length);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && out.length() < length) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return out.toString();
    }

    /** The token found in a subject line, if any. */
    public static Optional<String> tokenIn(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher matcher = IN_SUBJECT.matcher(subject);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String text(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(Attribute::getValue).map(AttributeValue::value).map(String::valueOf).orElse("");
    }

    private static long number(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(Attribute::getValue).map(AttributeValue::value)
            .filter(Number.class::isInstance).map(Number.class::cast).map(Number::longValue).orElse(0L);
    }
}
