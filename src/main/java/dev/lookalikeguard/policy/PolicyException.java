package dev.lookalikeguard.policy;

/** A condition or list that cannot be used; the message names the bad part and the expected form. */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
