package dev.lookalikeguard.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * The mail attributes the guard reads and writes, defined once.
 *
 * <ul>
 *   <li>{@link #VERDICTS} {@value #VERDICTS_NAME}: a map from each stopped recipient (its address as
 *       a string) to a map with {@code domain}, {@code nearest}, {@code suggestion}, {@code technique},
 *       {@code score} (an integer 0-100) and {@code explanation}. Set by {@code RecipientIsLookalike}.</li>
 *   <li>{@link #ACTION} {@value #ACTION_NAME}: what {@code LookalikeGuard} did: bounce, hold or tag.</li>
 *   <li>{@link #RELEASED} {@value #RELEASED_NAME}: set on a held mail when it is stored; a mail carrying
 *       it has been released from the quarantine by an administrator and is never checked again.</li>
 * </ul>
 */
public final class LookalikeAttributes {
    public static final String VERDICTS_NAME = "dev.lookalikeguard.verdicts";
    public static final String ACTION_NAME = "dev.lookalikeguard.action";
    public static final String RELEASED_NAME = "dev.lookalikeguard.held";

    public static final AttributeName VERDICTS = AttributeName.of(VERDICTS_NAME);
    public static final AttributeName ACTION = AttributeName.of(ACTION_NAME);
    public static final AttributeName RELEASED = AttributeName.of(RELEASED_NAME);

    private LookalikeAttributes() {
    }

    /** The verdicts recorded on this mail, by recipient address. */
    public static Map<String, RecipientVerdict> verdicts(Mail mail) {
        Map<String, RecipientVerdict> result = new LinkedHashMap<>();
        mail.getAttribute(VERDICTS)
            .map(Attribute::getValue)
            .map(AttributeValue::value)
            .filter(Map.class::isInstance)
            .map(Map.class::cast)
            .ifPresent(map -> map.forEach((recipient, value) -> RecipientVerdict
                .fromAttributeValue(value instanceof AttributeValue ? ((AttributeValue<?>) value).value() : value)
                .ifPresent(verdict -> result.put(String.valueOf(recipient), verdict))));
        return result;
    }

    public static void recordVerdicts(Mail mail, Map<String, RecipientVerdict> verdicts) {
        Map<String, AttributeValue<?>> value = new LinkedHashMap<>();
        verdicts(mail).forEach((recipient, verdict) -> value.put(recipient, verdict.toAttributeValue()));
        verdicts.forEach((recipient, verdict) -> value.put(recipient, verdict.toAttributeValue()));
        mail.setAttribute(new Attribute(VERDICTS, AttributeValue.of(value)));
    }

    /** Whether this mail was held by the guard before (and so, if it is seen again, released). */
    public static boolean wasHeld(Mail mail) {
        return mail.getAttribute(RELEASED).isPresent();
    }

    public static void markHeld(Mail mail) {
        mail.setAttribute(new Attribute(RELEASED, AttributeValue.of(true)));
    }

    public static void unmarkHeld(Mail mail) {
        mail.removeAttribute(RELEASED);
    }

    public static void recordAction(Mail mail, String action) {
        mail.setAttribute(new Attribute(ACTION, AttributeValue.of(action)));
    }

    public static Optional<String> action(Mail mail) {
        return mail.getAttribute(ACTION).map(Attribute::getValue).map(AttributeValue::value).map(String::valueOf);
    }
}
