package dev.lookalikeguard.james;

import javax.mail.MessagingException;

/**
 * A bad configuration of the guard (a bad matcher condition, a bad mailet parameter), thrown from
 * {@code init} so that James stops at start-up with one clear line:
 * <pre>
 * ERROR org.apache.james.GuiceJamesServer - Fatal error while starting James
 * dev.lookalikeguard.james.LookalikeConfigurationError: RecipientIsLookalike: bad condition: unknown clause 'sufixes'; ...
 * </pre>
 *
 * <p>Why an {@link Error} rather than the {@link MessagingException} of the mailet API: James 3.8's
 * matcher and mailet loaders wrap every {@code Exception} ("Can not load matcher ..."), the mailet
 * container logs that wrapper and its nested exception, each with its stack trace, and
 * {@code GuiceJamesServer} then logs the whole chain once more: about 200 lines carrying the message six
 * times. An {@code Error} passes the loaders and the mailet container untouched and reaches
 * {@code GuiceJamesServer.start}, which logs it once and exits (or, with
 * {@code james.exit.on.startup.error=false}, rethrows it to whoever started the server, such as a test).
 * It has no stack trace and no cause on purpose: the message names the matcher or mailet, the parameter,
 * the bad value and what is expected, and already includes the cause's message.
 */
public final class LookalikeConfigurationError extends Error {
    private static final long serialVersionUID = 1L;

    /** A step of {@code init} that reports bad configuration with a {@link MessagingException}. */
    @FunctionalInterface
    interface Init {
        void run() throws MessagingException;
    }

    LookalikeConfigurationError(String message) {
        super(message, null, false, false);
    }

    /** Runs {@code init}, turning its {@link MessagingException} into this error. */
    static void reportingOnce(Init init) {
        try {
            init.run();
        } catch (MessagingException e) {
            throw new LookalikeConfigurationError(e.getMessage());
        }
    }
}
