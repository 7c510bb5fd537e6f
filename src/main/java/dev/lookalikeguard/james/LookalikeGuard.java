package dev.lookalikeguard.james;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetConfig;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.annotations.VisibleForTesting;

import dev.lookalikeguard.detect.name.PublicSuffixes;
import dev.lookalikeguard.state.Exemption;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.state.HeldKey;
import dev.lookalikeguard.state.Quarantine;
import dev.lookalikeguard.state.ReleaseToken;
import dev.lookalikeguard.state.LookalikeAttributes;
import dev.lookalikeguard.state.RecipientVerdict;
import dev.lookalikeguard.state.RecipientVerdicts;

/**
 * Acts on the recipients matched by {@link RecipientIsLookalike}, one of four actions:
 * <ul>
 *   <li>{@code bounce} (default): a delivery status notification to the sender ("did you mean army.mil?"); the
 *       stopped recipients do not leave;</li>
 *   <li>{@code hold}: each stopped recipient is held in the quarantine repository (one entry per recipient, see
 *       {@code Quarantine}) for an administrator, who releases or deletes it through WebAdmin
 *       ({@code POST /lookalike/quarantine/{key}/release});</li>
 *   <li>{@code confirm}: held as with {@code hold}, and the sender gets one notice per held recipient with a release
 *       token: an authenticated reply to {@code confirmAddress} releases that recipient ({@link LookalikeRelease});
 *       what nobody confirms is returned to the sender after {@code heldExpiry};</li>
 *   <li>{@code tag} (monitor mode): a header naming what each stopped recipient resembles, and the mail goes on.</li>
 * </ul>
 *
 * <p>Every parameter, with its default (unknown parameters and bad values stop James at start-up, naming the
 * parameter):
 * <pre>{@code
 * <mailet match="dev.lookalikeguard.james.RecipientIsLookalike=suffixes: mil, gov; domains: army.mil"
 *         class="dev.lookalikeguard.james.LookalikeGuard">
 *     <!-- bounce (default) | hold | confirm | tag -->
 *     <action>bounce</action>
 *     <!-- Where held mail goes (hold, confirm; with bounce, what cannot be bounced or whose check failed): a path
 *          (default protocol of the repository store) or a URL. Default var/mail/quarantine. One guard per
 *          repository. -->
 *     <repositoryPath>file://var/mail/quarantine/</repositoryPath>
 *     <!-- tag: the header added, one per stopped recipient. Default X-Lookalike-Guard -->
 *     <header>X-Lookalike-Guard</header>
 *     <!-- Notices: the RFC 3463 status of each stopped recipient (5.X.Y). Default 5.7.1 -->
 *     <status>5.7.1</status>
 *     <!-- Notices: what they carry of the original: heads (default) | message | none -->
 *     <attachment>heads</attachment>
 *     <!-- Notices: their language, en (default) or fr; or noticeTemplate (not both), a file in the format of the
 *          built-in notice-en.txt (subject, body, one block per stopped recipient, {placeholders}) -->
 *     <language>en</language>
 *     <noticeTemplate>/opt/james/conf/notice.txt</noticeTemplate>
 *     <!-- Notices: also send every notice to the postmaster. Default false -->
 *     <postmasterCopy>false</postmasterCopy>
 *
 *     <!-- Only with action confirm (refused with any other action): -->
 *     <!-- required: the key of the release tokens' HMAC, 16 random characters or more (openssl rand -hex 32); one
 *          with white space or fewer than 5 different characters is refused -->
 *     <confirmSecret>...</confirmSecret>
 *     <!-- required: the address senders reply to; a user of its own in a local domain, not a postmaster's; one guard
 *          per address -->
 *     <confirmAddress>lookalike-release@example.gov</confirmAddress>
 *     <!-- how long a release token is valid. Default 7d -->
 *     <confirmExpiry>7d</confirmExpiry>
 *     <!-- held recipients nobody confirmed are returned to their sender after this. Default confirmExpiry -->
 *     <heldExpiry>7d</heldExpiry>
 *     <!-- no self-release (held for an administrator: no token, no expiry) for look-alikes of these names or suffixes
 *          (a misspelt one, under no real top-level domain or a look-alike itself, is refused).
 *          Default none -->
 *     <noConfirm>mil, defense.gov</noConfirm>
 *     <!-- after a release, that sender is not asked again about that domain for this long. Default 0 (off) -->
 *     <remember>30d</remember>
 *     <!-- the confirm notice: a file in the format of the built-in confirm-en.txt. Default: the built-in one in
 *          the language above -->
 *     <confirmTemplate>/opt/james/conf/confirm.txt</confirmTemplate>
 * </mailet>
 * }</pre>
 * Durations take their unit ({@code 30s}, {@code 15m}, {@code 12h}, {@code 7d}, {@code 2w}), read by James's
 * {@code DurationParser}. Action confirm also needs {@link LookalikeRelease} (matcher {@link IsLookalikeRelease})
 * before local delivery: {@code <mailet match="dev.lookalikeguard.james.IsLookalikeRelease"
 * class="dev.lookalikeguard.james.LookalikeRelease"/>}.
 *
 * <p>The run-time decision is made here, not in the matcher (which does no I/O), by
 * {@link GuardRegistry#exemption}: a stopped recipient whose domain an administrator allowed at run time, or whose
 * sender confirmed that domain before ({@code remember}), is let through (the condition's {@code allow:} is part of
 * the condition: such a domain is never matched). Those recipients, like every recipient in {@code tag} mode, go on
 * to the next mailet of the processor (in the sample configuration, {@code ToProcessor remote-delivery}: keep one).
 * The others are acted on.
 *
 * <p>A mail released from the quarantine (into any processor) carries {@value LookalikeAttributes#RELEASED_NAME}:
 * the matcher skips it and this mailet lets it through, so it is delivered once and never held again. Recipients
 * held for confirmation are returned to their sender after {@code heldExpiry} through the guard's own mail queue
 * ({@link GuardQueue}).
 *
 * <p>Safety rules, whatever the action: the guard writes only to a sender of this server's own domains, never to
 * the null sender nor about a mail that is itself an automatic notice; any other mail that would be bounced or
 * confirmed is held for an administrator instead (no backscatter to third parties, no bounce loop); a recipient whose check failed
 * or that carries no verdict is held (fail closed) unless the action is {@code tag}; a recipient repeated
 * in the envelope is handled once. One log line per stopped recipient:
 * {@code action=... recipient_domain=... nearest=... technique=... score=...}.
 */
public class LookalikeGuard extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(LookalikeGuard.class);
    private static final String METRIC_PREFIX = "lookalikeGuard_";

    private final MailRepositoryStore repositoryStore;
    private final MetricFactory metricFactory;
    private final GuardRegistry registry;
    private final Quarantine quarantine;
    private final MailQueueFactory<?> queues;
    private final Supplier<MailetContainerLayout> container;

    private GuardConfiguration configuration;
    private MailRepositoryUrl quarantineUrl;
    private BounceNotice notice;
    private MailAddress releaseAddress;
    private GuardQueue queue;

    @Inject
    public LookalikeGuard(MailRepositoryStore repositoryStore, MetricFactory metricFactory, GuardRegistry registry,
                          Quarantine quarantine, MailQueueFactory<?> queues, ConfigurationProvider configuration) {
        this(repositoryStore, metricFactory, registry, quarantine, queues, () -> MailetContainerLayout.of(configuration));
    }

    /** @param container the mailet container this guard is part of, read at init */
    @VisibleForTesting
    LookalikeGuard(MailRepositoryStore repositoryStore, MetricFactory metricFactory, GuardRegistry registry,
                   Quarantine quarantine, MailQueueFactory<?> queues, Supplier<MailetContainerLayout> container) {
        this.repositoryStore = repositoryStore;
        this.metricFactory = metricFactory;
        this.registry = registry;
        this.quarantine = quarantine;
        this.queues = queues;
        this.container = container;
    }

    /** A bad parameter stops James with one line: see {@link LookalikeConfigurationError}. */
    @Override
    public void init(MailetConfig config) throws MessagingException {
        LookalikeConfigurationError.reportingOnce(() -> super.init(config));
    }

    @Override
    public void init() throws MessagingException {
        try {
            checkInitParameters(GuardConfiguration.PARAMETERS);
        } catch (MessagingException e) {
            throw new MessagingException("LookalikeGuard: " + e.getMessage() + "; expected "
                + String.join(", ", new TreeSet<>(GuardConfiguration.PARAMETERS)));
        }
        configuration = GuardConfiguration.parse(this::getInitParameter);
        quarantineUrl = configuration.repositoryUrl(repositoryStore.defaultProtocol());
        try {
            repositoryStore.select(quarantineUrl);
        } catch (MailRepositoryStore.MailRepositoryStoreException | RuntimeException e) {
            throw new MessagingException("LookalikeGuard: parameter '" + GuardConfiguration.REPOSITORY_PATH + "': "
                + "cannot open mail repository " + quarantineUrl.asString() + " (" + e.getMessage() + "); is its "
                + "protocol declared in mailrepositorystore.xml?", e);
        }
        if (!registry.claimQuarantine(quarantineUrl)) {
            throw new MessagingException("LookalikeGuard: parameter '" + GuardConfiguration.REPOSITORY_PATH + "': "
                + quarantineUrl.asString() + " is the quarantine of another LookalikeGuard already; give each guard its own "
                + "repositoryPath (each has its own expiry and release settings)");
        }
        notice = new BounceNotice(configuration);
        if (configuration.confirm().isPresent()) {
            initConfirm(configuration.confirm().get());
        }
        queue = new GuardQueue(queues, quarantine, quarantineUrl, configuration.confirm().map(confirm -> confirm.heldExpiry),
            this::returnIfExpired, this::purgeRunTimeState);
        queue.start();
        LOGGER.info("LookalikeGuard ready: action={} quarantine={}", configuration.action().label(),
            quarantineUrl.asString());
    }

    private void initConfirm(GuardConfiguration.Confirm confirm) throws MessagingException {
        releaseAddress = confirm.address;
        MailetContainerLayout layout = container.get();
        if (!layout.hasMailet("transport", LookalikeRelease.class.getSimpleName())
                && !layout.hasMailet("root", LookalikeRelease.class.getSimpleName())) {
            // Elsewhere (relay: remote mail only) or missing, a sender's reply is delivered to the release address as any
            // mail, and releases nothing.
            throw new MessagingException("LookalikeGuard: action confirm needs the release mailet where replies pass: add "
                + "<mailet match=\"dev.lookalikeguard.james.IsLookalikeRelease\" class=\"dev.lookalikeguard.james.LookalikeRelease\"/> "
                + "at the top of the transport processor of mailetcontainer.xml, or senders' replies release nothing");
        }
        if (!getMailetContext().isLocalServer(releaseAddress.getDomain())) {
            throw new MessagingException("LookalikeGuard: parameter '" + GuardConfiguration.CONFIRM_ADDRESS + "': "
                + releaseAddress.asString() + " is not an address of this server's domains (domainlist.xml): senders' "
                + "replies would never reach it");
        }
        if (releaseAddress.equals(getMailetContext().getPostmaster())
                || releaseAddress.getLocalPart().equalsIgnoreCase("postmaster")) {
            // James's PostmasterAlias rewrites postmaster@ any local domain to the postmaster before any reply is seen.
            throw new MessagingException("LookalikeGuard: parameter '" + GuardConfiguration.CONFIRM_ADDRESS + "': "
                + releaseAddress.asString() + " is a postmaster's address: mail to it is the postmaster's, so no reply would "
                + "reach the release, or every mail to it would be taken as a reply; give the release address a user of "
                + "its own");
        }
        for (String entry : confirm.noConfirm) {
            checkNoConfirm(entry);
        }
        Optional<String> misspelt = registry.registerNoConfirm(confirm.noConfirm);
        if (misspelt.isPresent()) {
            throw new MessagingException("LookalikeGuard: parameter '" + GuardConfiguration.NO_CONFIRM + "': " + misspelt.get());
        }
        if (!registry.registerConfirm(new GuardRegistry.ConfirmSettings(confirm.secret, releaseAddress.asString(),
            confirm.remember, quarantineUrl, confirm.tokenValidity, confirm::allowsSelfRelease))) {
            throw new MessagingException("LookalikeGuard: parameter '" + GuardConfiguration.CONFIRM_ADDRESS + "': "
                + releaseAddress.asString() + " is the release address of another LookalikeGuard already; give each guard "
                + "its own");
        }
        LOGGER.info("LookalikeGuard confirm: release address {}, tokens valid {}, held mail returned after {}, no self-release "
            + "for {}", releaseAddress.asString(), confirm.tokenValidity, confirm.heldExpiry, confirm.noConfirm);
    }

    /**
     * Refuses a {@code noConfirm} entry under no real top-level domain ({@code navy.mill}): misspelt, it would keep
     * nothing for the admin while the admin believes it does. (One that a matcher calls a look-alike is refused by
     * {@link GuardRegistry#registerNoConfirm}, whichever of the two James starts first.)
     */
    private static void checkNoConfirm(String entry) throws MessagingException {
        String topLevel = PublicSuffixes.topLevelOf(entry);
        if (!PublicSuffixes.isTopLevelDomain(topLevel)) {
            throw new MessagingException("LookalikeGuard: parameter '" + GuardConfiguration.NO_CONFIRM + "': '" + entry
                + "' is under no real top-level domain ('" + topLevel + "' is none): misspelt? it takes protected names "
                + "or suffixes (mil, defense.gov)");
        }
    }

    @Override
    public void destroy() {
        if (queue != null) {
            queue.stop();
        }
    }

    @VisibleForTesting
    GuardQueue queue() {
        return queue;
    }

    private int purgeRunTimeState() throws MessagingException {
        return registry.remembered().purgeExpired() + registry.allowList().purgeExpired();
    }

    /** Returns one held recipient to its sender if it was held for confirmation longer than heldExpiry. */
    private Quarantine.Ending returnIfExpired(String key, Mail held) throws MessagingException {
        Instant limit = quarantine.clock().instant().minus(configuration.confirm().orElseThrow().heldExpiry);
        Instant heldSince = HeldKey.parse(key).map(HeldKey::heldSince)
            .orElse(held.getLastUpdated() == null ? Instant.MAX : held.getLastUpdated().toInstant());
        if (!LookalikeAttributes.action(held).orElse("").equals(GuardAction.CONFIRM.label()) || heldSince.isAfter(limit)) {
            return Quarantine.Ending.KEPT;
        }
        Map<MailAddress, RecipientVerdict> stopped = stoppedRecipients(held);
        if (stopped.values().stream().anyMatch(verdict -> kindOf(GuardAction.CONFIRM, verdict) != HeldKey.Kind.CONFIRM)) {
            // Held for confirmation before noConfirm covered its name: now the admin's, as a token for it is refused.
            LOGGER.warn("action=expire-kept mail={}: not confirmed in time, but noConfirm now covers its name; held for an "
                + "administrator", key);
            return Quarantine.Ending.KEPT;
        }
        Optional<NoNotice> noNotice = noticeRefused(held);
        if (noNotice.isPresent()) {
            // Held for confirmation before senders were checked so (or with no sender left to tell): returning it would
            // mean a notice to an address this server does not serve, deleting it would lose it. An admin decides.
            LOGGER.warn("action=expire-kept mail={}: not confirmed in time, but {}; held for an administrator", key,
                noNotice.get().reason(held));
            return Quarantine.Ending.KEPT;
        }
        sendNotice(held, notice.build(held, stopped, getMailetContext().getPostmaster()));
        stopped.forEach((recipient, verdict) -> {
            LOGGER.info("action=expire recipient_domain={} nearest={} mail={}: not confirmed in time, returned to the "
                + "sender", verdict.domain(), verdict.nearest().orElse("-"), key);
            metricFactory.generate(METRIC_PREFIX + "expire").increment();
        });
        return Quarantine.Ending.ENDED;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (LookalikeAttributes.wasHeld(mail)) {
            // Counted (lookalikeGuard_release) when it left the quarantine.
            LOGGER.debug("mail {} was released from the quarantine: delivered as is", mail.getName());
            return;
        }
        String state = mail.getState();
        Map<MailAddress, RecipientVerdict> stopped = new LinkedHashMap<>();
        List<MailAddress> passing = new ArrayList<>();
        stoppedRecipients(mail).forEach((recipient, verdict) -> {
            if (allowedAtRunTime(mail, verdict)) {
                passing.add(recipient);
            } else {
                stopped.put(recipient, verdict);
            }
        });
        if (stopped.isEmpty()) {
            mail.setRecipients(passing);
            return;
        }
        GuardAction action = effectiveAction(mail, stopped);
        switch (action) {
            case BOUNCE:
                bounce(mail, stopped);
                break;
            case HOLD:
                hold(mail, stopped, GuardAction.HOLD);
                tellPostmasterOfAnotherDomainsSender(mail, stopped);
                break;
            case CONFIRM:
                confirm(mail, stopped);
                break;
            default:
                tag(mail, stopped);
        }
        if (action != GuardAction.TAG) {
            // The stopped recipients end here; those allowed at run time go on to the next mailet.
            if (passing.isEmpty()) {
                mail.setState(Mail.GHOST);
            } else {
                mail.setRecipients(passing);
                mail.setState(state);
            }
        }
        LookalikeAttributes.recordAction(mail, action.label());
        stopped.forEach((recipient, verdict) -> {
            LOGGER.info("action={} recipient_domain={} nearest={} technique={} score={} mail={}", action.label(),
                verdict.domain(), verdict.nearest().orElse("-"), verdict.techniquesText(), verdict.score(), mail.getName());
            metricFactory.generate(METRIC_PREFIX + action.label()).increment();
            if (verdict.checkFailed()) {
                metricFactory.generate(METRIC_PREFIX + "check_failed").increment();
            }
            verdict.techniques().forEach(technique -> metricFactory.generate(METRIC_PREFIX + "technique_"
                + technique.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")).increment());
        });
    }

    /**
     * Whether a recipient the matcher stopped is let through all the same: the run-time decision of
     * {@link GuardRegistry#exemption} (the run-time allow-list; for action confirm, the sender's earlier confirmation).
     * A recipient whose check failed is never let through, nor one whose state cannot be read (fail closed).
     */
    private boolean allowedAtRunTime(Mail mail, RecipientVerdict verdict) {
        if (verdict.checkFailed()) {
            return false;
        }
        // An earlier confirmation counts only as the guard is configured now: remember on, and a recipient its sender may
        // release (not one noConfirm keeps for an administrator), whatever was configured when it was remembered.
        Duration remember = configuration.confirm().map(confirm -> confirm.remember).orElse(Duration.ZERO);
        Optional<String> confirmingSender = !remember.isZero() && !mail.getMaybeSender().isNullSender()
            && kindOf(configuration.action(), verdict) == HeldKey.Kind.CONFIRM
            ? Optional.of(mail.getMaybeSender().asString()) : Optional.empty();
        Optional<Exemption> exemption;
        try {
            exemption = registry.exemption(verdict.domain(), confirmingSender, remember);
        } catch (MessagingException | RuntimeException e) {
            LOGGER.warn("LookalikeGuard could not read its run-time allow-list or remembered senders for {}: the recipient "
                + "is stopped as usual", verdict.domain(), e);
            return false;
        }
        if (exemption.isEmpty()) {
            return false;
        }
        if (exemption.get().kind() == Exemption.Kind.ALLOW_LIST) {
            LOGGER.info("action=allow recipient_domain={} nearest={} technique={} score={} mail={}: allowed at run time by {}",
                verdict.domain(), verdict.nearest().orElse("-"), verdict.techniquesText(), verdict.score(), mail.getName(),
                exemption.get().by());
            metricFactory.generate(METRIC_PREFIX + "allow").increment();
        } else {
            LOGGER.info("action=remembered recipient_domain={} nearest={} mail={}: the sender confirmed this domain before",
                verdict.domain(), verdict.nearest().orElse("-"), mail.getName());
            metricFactory.generate(METRIC_PREFIX + "remembered").increment();
        }
        return true;
    }

    /** The mail's recipients (each once) with their recorded verdicts; a missing verdict counts as a failed check. */
    private static Map<MailAddress, RecipientVerdict> stoppedRecipients(Mail mail) {
        RecipientVerdicts verdicts = RecipientVerdicts.recordedOn(mail);
        Map<MailAddress, RecipientVerdict> stopped = new LinkedHashMap<>();
        for (MailAddress recipient : new LinkedHashSet<>(mail.getRecipients())) {
            stopped.put(recipient, verdicts.forRecipient(recipient).orElseGet(() -> RecipientVerdict.checkFailed(
                recipient.getDomain().asString(), "no verdict recorded by RecipientIsLookalike")));
        }
        return stopped;
    }

    private GuardAction effectiveAction(Mail mail, Map<MailAddress, RecipientVerdict> stopped) throws MessagingException {
        GuardAction configured = configuration.action();
        if (configured == GuardAction.TAG) {
            return configured;
        }
        if (stopped.values().stream().anyMatch(RecipientVerdict::checkFailed)) {
            LOGGER.warn("LookalikeGuard holds mail {}: the check failed for one of its recipients (fail closed)",
                mail.getName());
            return GuardAction.HOLD;
        }
        if (configured == GuardAction.BOUNCE || configured == GuardAction.CONFIRM) {
            Optional<NoNotice> noNotice = noticeRefused(mail);
            if (noNotice.isPresent()) {
                LOGGER.warn("LookalikeGuard holds mail {} for an administrator instead of writing to its sender: {}",
                    mail.getName(), noNotice.get().reason(mail));
                return GuardAction.HOLD;
            }
        }
        return configured;
    }

    /** Why the guard does not write to a mail's sender (see {@link #noticeRefused}). */
    private enum NoNotice {
        /** The null sender. */
        NO_SENDER,
        /** {@code Auto-Submitted} other than {@code no}: a notice about it could loop. */
        AUTOMATIC,
        /** A sender of another domain than this server's. */
        OTHER_DOMAIN;

        String reason(Mail mail) {
            switch (this) {
                case NO_SENDER:
                    return "it has no sender to notify";
                case AUTOMATIC:
                    return "it is itself an automatic notice";
                default:
                    return "its sender's domain " + mail.getMaybeSender().get().getDomain().asString() + " is not one of "
                        + "this server's, so a notice would go to someone it does not serve";
            }
        }
    }

    /**
     * Why the guard must not write to the mail's sender (no bounce, no confirmation, no return at expiry), if it must
     * not: there is no sender (the null sender), the mail is itself an automatic notice (no loop), or the sender is no
     * address of this server's own domains. Mail from anyone else reaches a look-alike through this server only by a
     * way the sender does not control the recipient of (a forward a local user set, a relay for a local application):
     * a notice to that sender would let anyone make the server write to a third party of their choosing, with their
     * own subject and headers (backscatter), and tell them where the mail was going. Such mail is held instead.
     */
    private Optional<NoNotice> noticeRefused(Mail mail) throws MessagingException {
        if (mail.getMaybeSender().isNullSender()) {
            return Optional.of(NoNotice.NO_SENDER);
        }
        String[] autoSubmitted = mail.getMessage().getHeader("Auto-Submitted");
        if (autoSubmitted != null && autoSubmitted.length > 0
                && !autoSubmitted[0].strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of(NoNotice.AUTOMATIC);
        }
        if (!getMailetContext().isLocalServer(mail.getMaybeSender().get().getDomain())) {
            return Optional.of(NoNotice.OTHER_DOMAIN);
        }
        return Optional.empty();
    }

    private void bounce(Mail mail, Map<MailAddress, RecipientVerdict> stopped) throws MessagingException {
        sendNotice(mail, notice.build(mail, stopped, getMailetContext().getPostmaster()));
    }

    /** Sends a notice from the null sender to the mail's sender (and the postmaster if configured). */
    private void sendNotice(Mail mail, MimeMessage message) throws MessagingException {
        MailAddress postmaster = getMailetContext().getPostmaster();
        MailAddress sender = mail.getMaybeSender().get();
        send(message, configuration.postmasterCopy() && !postmaster.equals(sender) ? List.of(sender, postmaster)
            : List.of(sender));
    }

    /** Sends a notice from the null sender. */
    private void send(MimeMessage message, List<MailAddress> recipients) throws MessagingException {
        MailImpl notice = MailImpl.builder()
            .name(MailImpl.getId())
            .sender(MaybeSender.nullSender())
            .addRecipients(recipients)
            .mimeMessage(message)
            .build();
        try {
            getMailetContext().sendMail(notice);
        } finally {
            notice.dispose();
        }
    }

    /**
     * With {@code postmasterCopy}, the postmaster gets the notice the guard did not send to a sender of another domain
     * (see {@link #noticeRefused}): such mail, held for an administrator, would otherwise be known only from the log.
     * Not for mail without a sender or that is itself a notice: those are no one's mistake to tell about.
     */
    private void tellPostmasterOfAnotherDomainsSender(Mail mail, Map<MailAddress, RecipientVerdict> stopped)
            throws MessagingException {
        GuardAction configured = configuration.action();
        if (!configuration.postmasterCopy() || (configured != GuardAction.BOUNCE && configured != GuardAction.CONFIRM)
                || !noticeRefused(mail).equals(Optional.of(NoNotice.OTHER_DOMAIN))) {
            return;
        }
        MailAddress postmaster = getMailetContext().getPostmaster();
        try {
            send(notice.build(mail, stopped, postmaster), List.of(postmaster));
        } catch (MessagingException | RuntimeException e) {
            // The mail is safely held already: the log line says why it was held.
            LOGGER.error("LookalikeGuard held mail {} but could not tell the postmaster", mail.getName(), e);
        }
    }

    /** Holds the mail, then gives its sender a one-time release token per recipient that may be self-released. */
    private void confirm(Mail mail, Map<MailAddress, RecipientVerdict> stopped) throws MessagingException {
        GuardConfiguration.Confirm confirm = configuration.confirm().orElseThrow();
        List<HeldKey> keys = hold(mail, stopped, GuardAction.CONFIRM);
        for (HeldKey key : keys) {
            if (key.kind() != HeldKey.Kind.CONFIRM) {
                continue;
            }
            try {
                queue.scheduleExpiry(key);
            } catch (MessagingException | RuntimeException e) {
                LOGGER.error("LookalikeGuard held {} but could not schedule its expiry in queue {}: it will be scheduled at the "
                    + "next start, or release or delete it through WebAdmin", key, GuardQueue.nameFor(quarantineUrl), e);
            }
        }
        // The sender is a local address (see noticeRefused): only a local user can use a token, by an authenticated reply.
        MailAddress sender = mail.getMaybeSender().get();
        MailAddress postmaster = getMailetContext().getPostmaster();
        Iterator<HeldKey> key = keys.iterator();
        for (Map.Entry<MailAddress, RecipientVerdict> entry : stopped.entrySet()) {
            HeldKey held = key.next();
            if (held.kind() != HeldKey.Kind.CONFIRM) {
                LOGGER.info("action=confirm recipient_domain={} nearest={}: no self-release for look-alikes of this name, held "
                    + "for an administrator", entry.getValue().domain(), entry.getValue().nearest().orElse("-"));
                continue;
            }
            try {
                String token = ReleaseToken.issue(confirm.secret, held, entry.getKey().asString(), sender.asString(),
                    quarantine.clock().instant().plus(confirm.tokenValidity)).asString();
                sendNotice(mail, ConfirmNotice.build(confirm.template, mail, entry.getKey(), entry.getValue(), token,
                    releaseAddress, postmaster, confirm.heldExpiry));
            } catch (MessagingException | RuntimeException e) {
                // The mail is safely held already: an admin can still release it; do not hand it to error handling too.
                LOGGER.error("LookalikeGuard held mail {} but could not send its sender the confirmation notice for {}: "
                    + "release it through WebAdmin", held.asString(), entry.getKey().asString(), e);
            }
        }
    }

    /**
     * How a recipient is held: for confirmation (its sender may release it, and it expires) with action confirm, unless
     * {@code noConfirm} keeps look-alikes of its nearest name for an administrator (no token, no expiry), as with hold.
     */
    private HeldKey.Kind kindOf(GuardAction action, RecipientVerdict verdict) {
        return action == GuardAction.CONFIRM && configuration.confirm().orElseThrow().allowsSelfRelease(verdict.nearest().orElse(""))
            ? HeldKey.Kind.CONFIRM : HeldKey.Kind.ADMIN;
    }

    /** Holds each stopped recipient as its own quarantine entry, then ends the mail's journey here. */
    private List<HeldKey> hold(Mail mail, Map<MailAddress, RecipientVerdict> stopped, GuardAction action) throws MessagingException {
        List<HeldKey> keys;
        try {
            keys = quarantine.hold(quarantineUrl, mail, RecipientVerdicts.of(stopped), verdict -> kindOf(action, verdict),
                action.label());
        } catch (MessagingException | RuntimeException e) {
            LOGGER.error("LookalikeGuard could not store mail {} in the quarantine {}: left to James's error handling, "
                + "not delivered", mail.getName(), quarantineUrl.asString(), e);
            throw e;
        }
        return keys;
    }

    private void tag(Mail mail, Map<MailAddress, RecipientVerdict> stopped) throws MessagingException {
        MimeMessage message = mail.getMessage();
        for (Map.Entry<MailAddress, RecipientVerdict> entry : stopped.entrySet()) {
            message.addHeader(configuration.header(), headerValue(entry.getKey(), entry.getValue()));
        }
        message.saveChanges();
    }

    /** One line, encoded: the explanation can hold any character, a header cannot. */
    String headerValue(MailAddress recipient, RecipientVerdict verdict) {
        String text = recipient.asString() + "; nearest=" + verdict.nearest().orElse("-") + "; technique="
            + verdict.techniquesText() + "; score=" + verdict.score() + "; " + verdict.explanation();
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ");
        try {
            return MimeUtility.fold(configuration.header().length() + 2, MimeUtility.encodeText(oneLine, "UTF-8", "Q"));
        } catch (UnsupportedEncodingException e) {
            return oneLine.replaceAll("[^\\x20-\\x7e]", "?");
        }
    }

    GuardConfiguration configuration() {
        return configuration;
    }

    MailRepositoryUrl quarantineUrl() {
        return quarantineUrl;
    }

    @Override
    public String getMailetInfo() {
        return "Bounces, holds or tags mail to look-alikes of protected domains";
    }
}
