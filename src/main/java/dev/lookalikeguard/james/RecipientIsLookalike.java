package dev.lookalikeguard.james;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.MatcherConfig;
import org.apache.mailet.base.GenericMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.annotations.VisibleForTesting;

import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.policy.Policy;
import dev.lookalikeguard.policy.PolicyException;
import dev.lookalikeguard.state.DeployedMatcher;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.state.LookalikeAttributes;
import dev.lookalikeguard.state.RecipientVerdict;
import dev.lookalikeguard.state.RecipientVerdicts;

/**
 * Matches the recipients whose domain is a near miss of a protected domain or suffix, and records
 * each one's verdict in the mail attribute {@value LookalikeAttributes#VERDICTS_NAME} (see
 * {@link LookalikeAttributes}). Other recipients are not matched and continue untouched: James splits
 * the mail.
 *
 * <p>The condition (everything after the first {@code =}) is a list of {@code name: values} clauses
 * separated by {@code ;}; line breaks and indentation inside the attribute are fine:
 * <pre>{@code
 * <mailet match="dev.lookalikeguard.james.RecipientIsLookalike=
 *             suffixes: mil, gov, gov.uk, mod.uk, gouv.fr;
 *             domains: army.mil, navy.mil, af.mil, defense.gov, state.gov;
 *             known: nsa.gov, nasa.gov;
 *             lists: /opt/james/conf/dotgov.csv;
 *             allow: gouv.ml;
 *             sensitivity: balanced"
 *         class="dev.lookalikeguard.james.LookalikeGuard">
 *     <action>bounce</action>
 * </mailet>
 * }</pre>
 * Clauses (see {@link Policy}): {@code suffixes}, {@code domains}, {@code known}, {@code lists},
 * {@code allow}, {@code sensitivity} (strict, balanced (default), paranoid), {@code minScore}, {@code techniques}
 * ({@code all -bit-flip}, or a list of names), {@code learn} ({@code on} or {@code off} (default)) and
 * {@code learnThreshold} ({@code 15 days, 8 senders, 180 days idle}). A bad condition stops James at start-up with
 * a message naming the bad clause or value.
 *
 * <p>With {@code learn: on} the names this organisation writes to are protected too: a recipient domain that is a
 * near miss of a learned name is matched with technique {@code learned-name} (see {@link LearnCorrespondents}, which
 * counts deliveries, and {@code LearnedCorrespondents}). The matcher reads the learned names from an in-memory
 * snapshot, never from the store.
 *
 * <p>It extends {@link GenericMatcher} rather than {@code GenericRecipientMatcher}, whose final
 * {@code match} gives no access to the mail for recording verdicts; it matches recipient by recipient all
 * the same. A mail released from the quarantine (it carries {@value LookalikeAttributes#RELEASED_NAME})
 * is not matched again. The matcher only decides, from the condition (its {@code allow:} included), and reads no
 * state: the run-time exceptions (the WebAdmin allow-list, senders who confirmed a domain before) are one decision,
 * {@link dev.lookalikeguard.state.GuardRegistry#exemption}, which {@link LookalikeGuard} makes and acts on. If detection fails for a recipient, that
 * recipient is matched with a {@value RecipientVerdict#DETECTION_FAILED} verdict, so the guard holds it
 * (fail closed).
 */
public class RecipientIsLookalike extends GenericMatcher {
    private static final Logger LOGGER = LoggerFactory.getLogger(RecipientIsLookalike.class);

    private final GuardRegistry registry;
    private DeployedMatcher deployed;

    @Inject
    public RecipientIsLookalike(GuardRegistry registry) {
        this.registry = registry;
    }

    /** A bad condition stops James with one line: see {@link LookalikeConfigurationError}. */
    @Override
    public void init(MatcherConfig config) throws MessagingException {
        LookalikeConfigurationError.reportingOnce(() -> super.init(config));
    }

    @Override
    public void init() throws MessagingException {
        try {
            deployed = registry.deploy(getMatcherName(), getCondition());
        } catch (PolicyException e) {
            throw new MessagingException("RecipientIsLookalike: bad condition: " + e.getMessage(), e);
        }
        Optional<String> misspelt = registry.misspeltNoConfirm(deployed);
        if (misspelt.isPresent()) {
            throw new MessagingException("LookalikeGuard: parameter 'noConfirm': " + misspelt.get());
        }
        Policy policy = deployed.policy();
        if (policy.learning().isPresent()) {
            try {
                registry.learning().enable(policy.learning().get(), deployed.name());
            } catch (IllegalArgumentException e) {
                throw new MessagingException("RecipientIsLookalike: bad condition: clause 'learnThreshold': " + e.getMessage(), e);
            }
        }
        if (deployed.sharesIndexWith().isPresent()) {
            LOGGER.info("{} shares the names and indexes of {} (the same condition but minScore)", deployed.name(),
                deployed.sharesIndexWith().get());
        } else {
            policy.lists().forEach(list -> LOGGER.info("{} loaded {} known domains from {}{}", deployed.name(),
                list.domains().size(), list.path(), list.rejected().isEmpty() ? ""
                    : " (" + list.rejected().size() + " lines were not domain names and were skipped)"));
            policy.missingOptionalLists().forEach(file -> LOGGER.error("{}: OPTIONAL LIST FILE {} IS MISSING OR UNREADABLE: "
                + "started WITHOUT it, so the names it holds are neither protected nor known", deployed.name(), file));
            policy.warnings().forEach(warning -> LOGGER.warn("{}: condition: {}", deployed.name(), warning));
        }
        LOGGER.info("{} ready: {}", deployed.name(), policy.summary());
    }

    @VisibleForTesting
    DeployedMatcher deployed() {
        return deployed;
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        if (LookalikeAttributes.wasHeld(mail)) {
            LOGGER.debug("mail {} was released from the quarantine: not checked again", mail.getName());
            return List.of();
        }
        Map<MailAddress, RecipientVerdict> stopped = new LinkedHashMap<>();
        for (MailAddress recipient : mail.getRecipients()) {
            if (!stopped.containsKey(recipient)) {
                check(recipient).ifPresent(verdict -> stopped.put(recipient, verdict));
            }
        }
        if (!stopped.isEmpty()) {
            // An earlier guard's verdicts on recipients no longer on this mail have no business here.
            RecipientVerdicts.recordedOn(mail).onlyFor(mail.getRecipients()).with(RecipientVerdicts.of(stopped))
                .recordOn(mail);
        }
        return List.copyOf(stopped.keySet());
    }

    /** The verdict to record when this recipient must be stopped. No I/O: the mailet does the rest. */
    private Optional<RecipientVerdict> check(MailAddress recipient) {
        String domain = recipient.getDomain().asString();
        try {
            Verdict verdict = verdict(domain);
            return verdict.isLookalike() ? Optional.of(RecipientVerdict.of(verdict)) : Optional.empty();
        } catch (RuntimeException e) {
            LOGGER.error("RecipientIsLookalike could not check recipient domain {}: the recipient is matched so that "
                + "the guard holds the mail", domain, e);
            return Optional.of(RecipientVerdict.checkFailed(domain, e.getClass().getSimpleName()));
        }
    }

    /** The engine's verdict for one recipient domain (overridden by fault-injection tests). */
    protected Verdict verdict(String domain) {
        return registry.check(deployed, domain);
    }

    /** Writes what learning still buffers (James stopping). */
    @Override
    public void destroy() {
        if (deployed != null && deployed.policy().learning().isPresent()) {
            registry.learning().stop();
        }
    }

    @Override
    public String getMatcherInfo() {
        return "Matches recipients whose domain is a near miss of a protected domain or suffix";
    }
}
