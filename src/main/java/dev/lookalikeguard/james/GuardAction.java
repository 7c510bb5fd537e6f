package dev.lookalikeguard.james;

import java.util.Locale;

/** What {@link LookalikeGuard} does with the stopped recipients of a mail. */
public enum GuardAction {
    /** A delivery status notification to the sender; the mail does not leave. */
    BOUNCE,
    /** Stored in the quarantine repository for an administrator to release through WebAdmin. */
    HOLD,
    /** A header is added and the mail goes on (monitor mode). */
    TAG,
    /** Held, and the sender may release it with an authenticated reply carrying a one-time token. */
    CONFIRM;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static GuardAction parse(String value) {
        for (GuardAction action : values()) {
            if (action.label().equalsIgnoreCase(value.strip())) {
                return action;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
