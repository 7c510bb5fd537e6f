package dev.lookalikeguard.james;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lookalikeguard.state.Confirmations;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.state.Quarantine;

/**
 * Handles a sender's reply to a confirm notice (see {@link IsLookalikeRelease}): the token in the subject
 * must be known, unaltered, unexpired and unused, and the reply must come from the original sender,
 * authenticated by SMTP AUTH as that sender. Then the held mail is released for that one recipient
 * (delivered once, never held again; the other held recipients stay held), the token is spent, and the
 * sender gets a short answer. A reply that is not from a local user authenticated as its MAIL FROM is dropped
 * with one log line and no answer (otherwise a forged MAIL FROM would make the server write to anyone); any
 * other refusal is logged and answered, once per reply. The reply itself is never delivered.
 * <pre>{@code
 * <mailet match="dev.lookalikeguard.james.IsLookalikeRelease" class="dev.lookalikeguard.james.LookalikeRelease"/>
 * }</pre>
 */
public class LookalikeRelease extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(LookalikeRelease.class);
    private static final String METRIC_PREFIX = "lookalikeGuard_";

    private final GuardRegistry registry;
    private final Quarantine quarantine;
    private final MetricFactory metricFactory;

    @Inject
    public LookalikeRelease(GuardRegistry registry, Quarantine quarantine, MetricFactory metricFactory) {
        this.registry = registry;
        this.quarantine = quarantine;
        this.metricFactory = metricFactory;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(java.util.Set.of());
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
        String sender = reply.getMaybeSender().asString();
        Optional<String> token = Confirmations.tokenIn(reply.getMessage().getSubject());
        if (token.isEmpty()) {
            refuse(reply, "no release token in the subject", Optional.empty());
            return;
        }
        Optional<String> authenticated = authenticatedUser(reply);
        Confirmations.Result result = registry.confirmations().redeem(settings.secret(), token.get(), sender, authenticated);
        if (result.outcome() != Confirmations.Outcome.OK) {
            refuse(reply, result.outcome().reason(), result.grant().map(Confirmations.Grant::recipient));
            return;
        }
        Confirmations.Grant grant = result.grant().orElseThrow();
        if (!release(grant)) {
            refuse(reply, "the message is no longer held (already released, expired or deleted)", Optional.of(grant.recipient()));
            return;
        }
        if (!settings.remember().isZero()) {
            registry.confirmations().remember(grant.sender(), new MailAddress(grant.recipient()).getDomain().asString(),
                settings.remember());
        }
        LOGGER.info("action=self-release recipient={} sender={} mail={}: released by its authenticated sender",
            grant.recipient(), grant.sender(), grant.heldKey());
        metricFactory.generate(METRIC_PREFIX + "self_release").increment();
        answer(reply, "Released: your message to " + grant.recipient(),
            "As you confirmed, your message to " + grant.recipient() + " has been released and is on its way.");
    }

    /** Ends the hold of this recipient by sending its held copy on, once; false if it is no longer held. */
    private boolean release(Confirmations.Grant grant) throws MessagingException {
        MailAddress recipient = new MailAddress(grant.recipient());
        Quarantine.Outcome outcome = quarantine.end(MailRepositoryUrl.from(grant.quarantine()), grant.heldKey(), held -> {
            if (!List.copyOf(held.getRecipients()).equals(List.of(recipient))) {
                return Quarantine.Ending.KEPT;
            }
            quarantine.spool(held, Mail.DEFAULT);
            return Quarantine.Ending.ENDED;
        });
        return outcome == Quarantine.Outcome.ENDED;
    }

    private void refuse(Mail reply, String reason, Optional<String> recipient) throws MessagingException {
        LOGGER.warn("action=self-release-refused sender={} authenticated={} recipient={} reason={}",
            reply.getMaybeSender().asString(), reply.getAttribute(Mail.SMTP_AUTH_USER).isPresent(), recipient.orElse("-"), reason);
        metricFactory.generate(METRIC_PREFIX + "self_release_refused").increment();
        answer(reply, "Not released: " + reason, "Your request to release a held message was refused: " + reason + ".\n"
            + "The message stays held. Ask your mail administrator (" + getMailetContext().getPostmaster().asString()
            + ") if you need it sent.");
    }

    private void answer(Mail reply, String subject, String text) throws MessagingException {
        if (reply.getMaybeSender().isNullSender()) {
            return;
        }
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
