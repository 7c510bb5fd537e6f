package dev.lookalikeguard.state;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

import com.google.common.collect.ImmutableMap;

/**
 * The verdicts on the stopped recipients of one mail, by recipient: the value of the one mail attribute
 * {@value LookalikeAttributes#VERDICTS_NAME}, written by {@code RecipientIsLookalike} and read by
 * {@code LookalikeGuard}, the notices, the quarantine and WebAdmin. As an attribute it is a map from each
 * recipient's address to its {@link RecipientVerdict} (see there for its form). Immutable.
 */
public final class RecipientVerdicts {
    private static final RecipientVerdicts NONE = new RecipientVerdicts(ImmutableMap.of());

    private final ImmutableMap<MailAddress, RecipientVerdict> verdicts;

    private RecipientVerdicts(Map<MailAddress, RecipientVerdict> verdicts) {
        this.verdicts = ImmutableMap.copyOf(verdicts);
    }

    public static RecipientVerdicts of(Map<MailAddress, RecipientVerdict> verdicts) {
        return verdicts.isEmpty() ? NONE : new RecipientVerdicts(verdicts);
    }

    public static RecipientVerdicts none() {
        return NONE;
    }

    /** The verdicts recorded on this mail; none if it carries none (or an attribute this class cannot read). */
    public static RecipientVerdicts recordedOn(Mail mail) {
        return mail.getAttribute(LookalikeAttributes.VERDICTS).map(Attribute::getValue).map(RecipientVerdicts::read)
            .orElse(NONE);
    }

    private static RecipientVerdicts read(AttributeValue<?> value) {
        if (!(value.value() instanceof Map)) {
            return NONE;
        }
        Map<MailAddress, RecipientVerdict> verdicts = new LinkedHashMap<>();
        ((Map<?, ?>) value.value()).forEach((recipient, verdict) -> {
            if (verdict instanceof AttributeValue) {
                address(String.valueOf(recipient)).ifPresent(address -> RecipientVerdict
                    .fromAttributeValue((AttributeValue<?>) verdict).ifPresent(read -> verdicts.put(address, read)));
            }
        });
        return of(verdicts);
    }

    private static Optional<MailAddress> address(String text) {
        try {
            return Optional.of(new MailAddress(text));
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    /** Records these verdicts on the mail, replacing the attribute. */
    public void recordOn(Mail mail) {
        mail.setAttribute(toAttribute());
    }

    public Attribute toAttribute() {
        Map<String, AttributeValue<?>> value = new LinkedHashMap<>();
        verdicts.forEach((recipient, verdict) -> value.put(recipient.asString(), verdict.toAttributeValue()));
        return new Attribute(LookalikeAttributes.VERDICTS, AttributeValue.of(value));
    }

    /** The verdict on one recipient, if one was recorded. */
    public Optional<RecipientVerdict> forRecipient(MailAddress recipient) {
        return Optional.ofNullable(verdicts.get(recipient));
    }

    /** These verdicts, then {@code newer} ones over them. */
    public RecipientVerdicts with(RecipientVerdicts newer) {
        if (newer.verdicts.isEmpty()) {
            return this;
        }
        Map<MailAddress, RecipientVerdict> merged = new LinkedHashMap<>(verdicts);
        merged.putAll(newer.verdicts);
        return of(merged);
    }

    /** The verdicts on these recipients only. */
    public RecipientVerdicts onlyFor(Collection<MailAddress> recipients) {
        Map<MailAddress, RecipientVerdict> kept = new LinkedHashMap<>();
        verdicts.forEach((recipient, verdict) -> {
            if (recipients.contains(recipient)) {
                kept.put(recipient, verdict);
            }
        });
        return kept.size() == verdicts.size() ? this : of(kept);
    }

    public Map<MailAddress, RecipientVerdict> asMap() {
        return verdicts;
    }

    public boolean isEmpty() {
        return verdicts.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecipientVerdicts && ((RecipientVerdicts) o).verdicts.equals(verdicts);
    }

    @Override
    public int hashCode() {
        return verdicts.hashCode();
    }

    @Override
    public String toString() {
        return verdicts.toString();
    }
}
