package dev.lookalikeguard.detect;

/**
 * A string that is not a usable host name: the reason is the message. Thrown for recipients as they come (a mail
 * server sees such input every day), so it carries no stack trace, which would cost more than the check itself
 * (50 µs against a few).
 */
public final class InvalidDomainException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidDomainException(String reason) {
        super(reason, null, false, false);
    }
}
