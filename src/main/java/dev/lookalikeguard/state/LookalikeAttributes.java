package dev.lookalikeguard.state;

import java.util.Optional;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * The mail attributes the guard reads and writes, defined once.
 *
 * <ul>
 *   <li>{@link #VERDICTS} {@value #VERDICTS_NAME}: the {@link RecipientVerdicts} of the mail, a map from each
 *       stopped recipient (its address as a string) to its {@link RecipientVerdict}: a map with {@code status}
 *       ({@code lookalike} or {@code check-failed}), {@code domain}, {@code nearest}, {@code suggestion},
 *       {@code techniques} (a list), {@code score} (an integer 0-100) and {@code explanation}. Set by
 *       {@code RecipientIsLookalike}, read by {@code LookalikeGuard}.</li>
 *   <li>{@link #ACTION} {@value #ACTION_NAME}: what {@code LookalikeGuard} did: bounce, hold, confirm or tag.</li>
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
