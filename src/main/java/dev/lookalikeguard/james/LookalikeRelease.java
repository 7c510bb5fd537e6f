package dev.lookalikeguard.james;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetConfig;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.state.HeldKey;
import dev.lookalikeguard.state.Quarantine;
import dev.lookalikeguard.state.RecipientVerdict;
import dev.lookalikeguard.state.RecipientVerdicts;
import dev.lookalikeguard.state.ReleaseToken;

/**
 * Handles a sender's reply to a confirm notice (see {@link IsLookalikeRelease}). A reply that is not from a local
 * user authenticated (SMTP AUTH) as its MAIL FROM is dropped with one log line and no answer: otherwise a forged
 * MAIL FROM would make the server write to anyone. Otherwise the token in the subject ({@link ReleaseToken}) must
 * be unaltered, unexpired, and the reply must come from the original sender; and the recipient it names must be held
 * for confirmation, under a name {@code noConfirm} does not cover now, and the token no longer-lived than
 * {@code confirmExpiry} after the holding (so that a token made with a leaked secret releases no more than a real
 * one could); then the held recipient it names is
 * released (delivered once, never held again; the other held recipients stay held), which also spends the token,
 * and the sender gets a short answer. Any other refusal is logged and answered, once per reply. The reply itself is
 * never delivered.
 * <pre>{@code
 * <mailet match="dev.lookalikeguard.james.IsLookalikeRelease" class="dev.lookalikeguard.james.LookalikeRelease"/>
 * }</pre>
 */
public class LookalikeRelease extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(LookalikeRelease.class);
    private static final String METRIC_PREFIX = "lookalikeGuard_";
    /**
     * How long after a recipient was held its token may have been issued: the guard issues it right after holding, on
     * the same node and clock, so only the time the holding and the notices took (a generous bound).
     */
    private static final Duration ISSUING_TIME = Duration.ofMinutes(5);
    private static final String NO_LONGER_HELD = "the message is no longer held (already released, returned to you or "
        + "deleted), or the token is not one of this server's";

    private final GuardRegistry registry;
    private final Quarantine quarantine;
    private final MetricFactory metricFactory;
    private final Clock clock;

    @Inject
    public LookalikeRelease(GuardRegistry registry, Quarantine quarantine, MetricFactory metricFactory) {
        this.registry = registry;
        this.quarantine = quarantine;
        this.metricFactory = metricFactory;
        this.clock = quarantine.clock();
    }

    /** A parameter it does not take stops James with one line: see {@link LookalikeConfigurationError}. */
    @Override
    public void init(MailetConfig config) throws MessagingException {
        LookalikeConfigurationError.reportingOnce(() -> super.init(config));
    }

    @Override
    public void init() throws MessagingException {
        try {
            checkInitParameters(Set.of());
        } catch (MessagingException e) {
            throw new MessagingException("LookalikeRelease: " + e.getMessage() + "; it takes none (the guards' "
                + "confirmSecret and confirmAddress are parameters of LookalikeGuard)");
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        // The reply is consumed whatever happens: it is never delivered, and it is handled once, however
        // many times (and in whatever case) it names the release address.
        mail.setState(Mail.GHOST);
        Optional<GuardRegistry.ConfirmSettings> settings = mail.getRecipients().stream()
            .map(recipient -> registry.confirmSettingsFor(recipient.asString()))
            .flatMap(Optional::stream)
            .findFirst();
        if (settings.isEmpty()) {
            return;
        }
        Optional<String> unanswerable = unanswerable(mail);
        if (unanswerable.isPresent()) {
            LOGGER.warn("action=self-release-dropped sender={} authenticated_as={} remote_addr={} release_recipients={}: {}; "
                + "nothing released, nothing sent", mail.getMaybeSender().asString(), authenticatedUser(mail).orElse("-"),
                mail.getRemoteAddr(), mail.getRecipients().size(), unanswerable.get());
            metricFactory.generate(METRIC_PREFIX + "self_release_dropped").increment();
            return;
        }
        handle(mail, settings.get());
    }

    /**
     * Why this reply gets no answer at all, if it does not: only a local user, authenticated by SMTP AUTH as
     * the very address in MAIL FROM, is ever answered. Anyone else could make the server write to a third
     * party (backscatter) by forging MAIL FROM.
     */
    private Optional<String> unanswerable(Mail reply) {
        if (reply.getMaybeSender().isNullSender()) {
            return Optional.of("no sender (MAIL FROM:<>)");
        }
        Optional<String> user = authenticatedUser(reply);
        if (user.isEmpty()) {
            return Optional.of("not authenticated (SMTP AUTH as the original sender is required)");
        }
        MailAddress sender = reply.getMaybeSender().get();
        if (!user.get().equalsIgnoreCase(sender.asString())) {
            return Optional.of("MAIL FROM is not the authenticated user");
        }
        if (!getMailetContext().isLocalServer(sender.getDomain())) {
            return Optional.of("the sender is not an address of this server");
        }
        return Optional.empty();
    }

    private static Optional<String> authenticatedUser(Mail mail) {
        return mail.getAttribute(Mail.SMTP_AUTH_USER).map(Attribute::getValue).map(AttributeValue::value)
            .map(String::valueOf);
    }

    private void handle(Mail reply, GuardRegistry.ConfirmSettings settings) throws MessagingException {
        String replier = reply.getMaybeSender().asString();
        Optional<ReleaseToken> token = ReleaseToken.in(reply.getMessage().getSubject());
        if (token.isEmpty()) {
            refuse(reply, "no release token in the subject", "-");
            return;
        }
        AtomicReference<ReleaseToken.Check> check = new AtomicReference<>();
        AtomicReference<String> refusal = new AtomicReference<>();
        AtomicReference<String> recipient = new AtomicReference<>("-");
        Quarantine.Outcome outcome = quarantine.end(settings.quarantine(), token.get().heldKey().asString(), held -> {
            List<MailAddress> recipients = List.copyOf(held.getRecipients());
            if (recipients.size() != 1) {
                check.set(ReleaseToken.Check.TAMPERED);
                return Quarantine.Ending.KEPT;
            }
            recipient.set(recipients.get(0).asString());
            check.set(token.get().check(settings.secret(), recipient.get(), held.getMaybeSender().asString(), replier,
                clock.instant()));
            if (check.get() != ReleaseToken.Check.VALID) {
                return Quarantine.Ending.KEPT;
            }
            refusal.set(notForTokens(token.get(), held, recipients.get(0), settings).orElse(null));
            if (refusal.get() != null) {
                return Quarantine.Ending.KEPT;
            }
            quarantine.spool(held, Mail.DEFAULT);
            return Quarantine.Ending.ENDED;
        });
        if (outcome == Quarantine.Outcome.NOT_HELD) {
            refuse(reply, NO_LONGER_HELD, "-");
            return;
        }
        if (outcome == Quarantine.Outcome.KEPT) {
            refuse(reply, refusal.get() != null ? refusal.get() : check.get().reason(),
                check.get() == ReleaseToken.Check.TAMPERED ? "-" : recipient.get());
            return;
        }
        MailAddress released = new MailAddress(recipient.get());
        if (!settings.remember().isZero()) {
            try {
                registry.remembered().remember(replier, released.getDomain().asString(), settings.remember());
            } catch (MessagingException | RuntimeException e) {
                LOGGER.warn("released {} but could not remember that {} writes to {}: the sender will be asked again",
                    released.asString(), replier, released.getDomain().asString(), e);
            }
        }
        LOGGER.info("action=self-release recipient={} sender={} mail={}: released by its authenticated sender",
            released.asString(), replier, token.get().heldKey().asString());
        metricFactory.generate(METRIC_PREFIX + "self_release").increment();
        answer(reply, "Released: your message to " + released.asString(),
            "As you confirmed, your message to " + released.asString() + " has been released and is on its way.");
    }

    /**
     * Why a held recipient is not released by a token that is valid, if it is not: only what was held for
     * confirmation, under the guard's settings now, and only by a token no longer-lived than the guard issues. The
     * token's own checks rest on the secret; these do not, so a token made with a leaked secret (or issued before
     * {@code noConfirm} changed) releases no more than the real ones may.
     */
    private static Optional<String> notForTokens(ReleaseToken token, Mail held, MailAddress recipient,
                                                 GuardRegistry.ConfirmSettings settings) {
        String nearest = RecipientVerdicts.recordedOn(held).forRecipient(recipient).flatMap(RecipientVerdict::nearest)
            .orElse("");
        if (token.heldKey().kind() != HeldKey.Kind.CONFIRM || !settings.selfReleasable(nearest)) {
            return Optional.of("this message is held for an administrator, who alone can release it");
        }
        if (token.expires().isAfter(token.heldKey().heldSince().plus(settings.tokenValidity()).plus(ISSUING_TIME))) {
            return Optional.of("the token is valid longer than this server now allows (confirmExpiry)");
        }
        return Optional.empty();
    }

    private void refuse(Mail reply, String reason, String recipient) throws MessagingException {
        LOGGER.warn("action=self-release-refused sender={} authenticated=true recipient={} reason={}",
            reply.getMaybeSender().asString(), recipient, reason);
        metricFactory.generate(METRIC_PREFIX + "self_release_refused").increment();
        answer(reply, "Not released: " + reason, "Your request to release a held message was refused: " + reason + ".\n"
            + "The message stays held. Ask your mail administrator (" + getMailetContext().getPostmaster().asString()
            + ") if you need it sent.");
    }

    /** Answers the reply's sender, who is a local user authenticated as that address ({@link #unanswerable}). */
    private void answer(Mail reply, String subject, String text) throws MessagingException {
        MailAddress to = reply.getMaybeSender().get();
        MimeMessage message = ConfirmNotice.answer(getMailetContext().getPostmaster(), to, subject, text);
        MailImpl answer = MailImpl.builder().name(MailImpl.getId()).sender(MaybeSender.nullSender()).addRecipient(to)
            .mimeMessage(message).build();
        try {
            getMailetContext().sendMail(answer);
        } finally {
            answer.dispose();
        }
    }

    @Override
    public String getMailetInfo() {
        return "Releases held mail on its sender's authenticated reply";
    }
}
