package dev.lookalikeguard.james;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetConfig;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.state.LearnedCorrespondents;
import dev.lookalikeguard.state.LookalikeAttributes;

/**
 * Counts the recipient domains that outgoing mail is delivered to, for the learned correspondents of
 * {@code RecipientIsLookalike} with {@code learn: on}. Place it <em>after</em> the guard's matcher, just before remote
 * delivery, so that it sees only the recipients the guard let through: a stopped look-alike never becomes familiar.
 * <pre>{@code
 * <mailet match="dev.lookalikeguard.james.RecipientIsLookalike=...; learn: on" class="ToProcessor">
 *     <processor>lookalike-stopped</processor>
 * </mailet>
 * <mailet match="All" class="dev.lookalikeguard.james.LearnCorrespondents">
 *     <!-- how often the counts are written to the store. Default 30s -->
 *     <flushInterval>30s</flushInterval>
 *     <!-- how often the learned names are re-read from the store (what the other nodes and admins did). Default 5m -->
 *     <refreshInterval>5m</refreshInterval>
 * </mailet>
 * <mailet match="All" class="ToProcessor">
 *     <processor>remote-delivery</processor>
 * </mailet>
 * }</pre>
 *
 * <p>What counts: each distinct recipient domain of the mail, once per mail, with the (hashed) sender. Not counted:
 * mail from the null sender (notices), mail released from the quarantine (an admin's or a sender's release is not
 * a sign the name is familiar: pin it instead), recipients the guard let through in {@code lookalike-stopped}
 * (tagged, allowed at run time, confirmed before), and anything while no matcher has {@code learn: on}.
 *
 * <p>The mail is never changed, held or delayed: a delivery is added to an in-memory buffer, written to the store in
 * the background (see {@link LearnedCorrespondents}); a failure to count is logged and the mail goes on.
 */
public class LearnCorrespondents extends GenericMailet {
    public static final String FLUSH_INTERVAL = "flushInterval";
    public static final String REFRESH_INTERVAL = "refreshInterval";
    private static final Set<String> PARAMETERS = Set.of(FLUSH_INTERVAL, REFRESH_INTERVAL);
    private static final Logger LOGGER = LoggerFactory.getLogger(LearnCorrespondents.class);

    private final GuardRegistry registry;

    @Inject
    public LearnCorrespondents(GuardRegistry registry) {
        this.registry = registry;
    }

    /** A bad parameter stops James with one line: see {@link LookalikeConfigurationError}. */
    @Override
    public void init(MailetConfig config) throws MessagingException {
        LookalikeConfigurationError.reportingOnce(() -> super.init(config));
    }

    @Override
    public void init() throws MessagingException {
        try {
            checkInitParameters(PARAMETERS);
        } catch (MessagingException e) {
            throw new MessagingException("LearnCorrespondents: " + e.getMessage() + "; expected "
                + String.join(", ", new TreeSet<>(PARAMETERS)));
        }
        Duration flush = interval(FLUSH_INTERVAL, LearnedCorrespondents.DEFAULT_FLUSH_INTERVAL);
        Duration refresh = interval(REFRESH_INTERVAL, LearnedCorrespondents.DEFAULT_REFRESH_INTERVAL);
        LearnedCorrespondents learning = registry.learning();
        learning.intervals(flush, refresh);
        if (learning.isOn()) {
            LOGGER.info("LearnCorrespondents ready: counting delivered recipient domains ({}); flush every {}, refresh every {}",
                learning.rule().orElseThrow(), flush, refresh);
        } else {
            LOGGER.warn("LearnCorrespondents: no RecipientIsLookalike before it has 'learn: on': nothing is counted until "
                + "one has");
        }
    }

    private Duration interval(String name, Duration defaultValue) throws MessagingException {
        Duration value;
        try {
            value = GuardConfiguration.duration(name, getInitParameter(name), defaultValue);
        } catch (MessagingException e) {
            throw new MessagingException(e.getMessage().replace("LookalikeGuard:", "LearnCorrespondents:"));
        }
        if (value.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new MessagingException("LearnCorrespondents: parameter '" + name + "' is '" + getInitParameter(name)
                + "'; expected at least 1s");
        }
        return value;
    }

    @Override
    public void service(Mail mail) {
        LearnedCorrespondents learning = registry.learning();
        if (!learning.isOn() || LookalikeAttributes.wasHeld(mail)) {
            return;
        }
        MaybeSender sender = mail.getMaybeSender();
        if (sender.isNullSender()) {
            return;
        }
        try {
            Set<String> domains = new TreeSet<>();
            for (MailAddress recipient : mail.getRecipients()) {
                canonical(recipient).ifPresent(domains::add);
            }
            String from = sender.get().asString().toLowerCase(Locale.ROOT);
            domains.forEach(domain -> learning.record(domain, from));
        } catch (RuntimeException e) {
            LOGGER.warn("LearnCorrespondents could not count the recipients of mail {}: the mail goes on uncounted",
                mail.getName(), e);
        }
    }

    private static java.util.Optional<String> canonical(MailAddress recipient) {
        try {
            return java.util.Optional.of(DomainName.parse(recipient.getDomain().asString()).ascii());
        } catch (InvalidDomainException e) {
            return java.util.Optional.empty();
        }
    }

    /** Writes what is still buffered (James stopping). */
    @Override
    public void destroy() {
        registry.learning().stop();
    }

    @Override
    public String getMailetInfo() {
        return "Counts the recipient domains of delivered mail for the guard's learned correspondents";
    }
}
