package dev.lookalikeguard.detect;

/** A string that is not a usable host name: the reason is the message. */
public final class InvalidDomainException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidDomainException(String reason) {
        super(reason);
    }
}
