package dev.lookalikeguard.state;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.mailet.Mail;

/**
 * What is known of one quarantine entry, read once (the mail itself is disposed at once). Entries held by
 * this version have one recipient each; entries of older versions may have several. Immutable.
 */
public final class HeldMail {
    private final MailRepositoryUrl repository;
    private final String key;
    private final Optional<HeldKey> heldKey;
    private final String sender;
    private final List<MailAddress> recipients;
    private final RecipientVerdicts verdicts;
    private final Instant heldSince;
    private final HeldKey.Kind kind;
    private final String error;
    private final String subject;

    private HeldMail(MailRepositoryUrl repository, String key, Mail mail) {
        this.repository = repository;
        this.key = key;
        this.heldKey = HeldKey.parse(key);
        this.sender = mail.getMaybeSender().asString("");
        this.recipients = List.copyOf(mail.getRecipients());
        this.verdicts = RecipientVerdicts.recordedOn(mail);
        this.heldSince = heldKey.map(HeldKey::heldSince)
            .orElse(mail.getLastUpdated() == null ? Instant.EPOCH : mail.getLastUpdated().toInstant());
        this.kind = heldKey.map(HeldKey::kind).orElse(LookalikeAttributes.action(mail).filter("confirm"::equals).isPresent()
            ? HeldKey.Kind.CONFIRM : HeldKey.Kind.ADMIN);
        this.error = Optional.ofNullable(mail.getErrorMessage()).orElse("");
        String text = "";
        try {
            if (mail.getMessage() != null && mail.getMessage().getSubject() != null) {
                text = mail.getMessage().getSubject();
            }
        } catch (MessagingException e) {
            // an unreadable subject is shown empty
        }
        this.subject = text;
    }

    /** What is known of {@code mail}, the entry {@code key} of {@code repository} (the mail is not disposed). */
    public static HeldMail of(MailRepositoryUrl repository, String key, Mail mail) {
        return new HeldMail(repository, key, mail);
    }

    public MailRepositoryUrl repository() {
        return repository;
    }

    public String key() {
        return key;
    }

    public Optional<HeldKey> heldKey() {
        return heldKey;
    }

    /** The original sender, or {@code ""} for the null sender. */
    public String sender() {
        return sender;
    }

    public List<MailAddress> recipients() {
        return recipients;
    }

    /** The recorded verdict of a held recipient, if any. */
    public Optional<RecipientVerdict> verdict(MailAddress recipient) {
        return verdicts.forRecipient(recipient);
    }

    public Instant heldSince() {
        return heldSince;
    }

    public HeldKey.Kind kind() {
        return kind;
    }

    public String error() {
        return error;
    }

    public String subject() {
        return subject;
    }

    /** Whether this entry was sent by {@code sender} (case-insensitive). */
    public boolean isFrom(String sender) {
        return this.sender.equalsIgnoreCase(sender.strip());
    }

    /**
     * Whether one of its recipients is in {@code domain} or under it, or resembles {@code domain} or a name under
     * it (the recipient's verdict names the protected name it resembles).
     */
    public boolean concerns(String domain) {
        String wanted = domain.strip().toLowerCase(Locale.ROOT);
        for (MailAddress recipient : recipients) {
            String recipientDomain = recipient.getDomain().asString().toLowerCase(Locale.ROOT);
            String nearest = verdict(recipient).flatMap(RecipientVerdict::nearest).orElse("");
            if (isAtOrUnder(recipientDomain, wanted) || isAtOrUnder(nearest, wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAtOrUnder(String name, String domain) {
        return !name.isEmpty() && (name.equals(domain) || name.endsWith("." + domain));
    }
}
