package dev.lookalikeguard.state;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.mailrepository.api.MailRepositoryUrl;

import com.google.common.collect.ImmutableList;

import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.policy.Policy;
import dev.lookalikeguard.policy.PolicyException;

/**
 * What is deployed in this James, shared by the matchers, the mailets and the WebAdmin routes: one Guice singleton
 * per server (James builds matchers, mailets and routes through Guice, and the classes of {@code extensions-jars/}
 * share one class loader), injected into each; nothing static.
 *
 * <ul>
 *   <li>the {@link DeployedMatcher}s, in the order James started them, for the live check. Their policies are
 *       parsed here, once per condition: matchers whose conditions differ only by {@code minScore} (one per score
 *       band) share one parsed policy, so the lists are read and indexed once ({@link Policy#withMinScore});</li>
 *   <li>the quarantine of each {@code LookalikeGuard}, each claimed by one guard only (a guard's quarantine has its
 *       own expiry queue and release settings);</li>
 *   <li>the confirm settings of each guard with action confirm, by release address (one guard per address);</li>
 *   <li>the run-time state: the allow-list and the remembered senders (James mail repositories);</li>
 *   <li>the learned correspondents ({@link LearnedCorrespondents}), on when a matcher has {@code learn: on}.</li>
 * </ul>
 * Registration happens while James starts (each matcher's and mailet's {@code init}); what it registers is
 * immutable. Thread-safe.
 */
@Singleton
public class GuardRegistry {
    private final RuntimeAllowList allowList;
    private final RememberedSenders remembered;
    private final LearnedCorrespondents learning;
    private final Map<String, DeployedMatcher> parsedBySharingKey = new HashMap<>();
    private final List<DeployedMatcher> matchers = new ArrayList<>();
    /** The noConfirm entries of the guards started so far (see {@link #registerNoConfirm}). */
    private final List<String> noConfirm = new ArrayList<>();
    // Read on every mail (the release matcher) and by the routes: copied on write, read without a lock.
    private final List<MailRepositoryUrl> quarantines = new CopyOnWriteArrayList<>();
    private final List<ConfirmSettings> confirmSettings = new CopyOnWriteArrayList<>();

    @Inject
    public GuardRegistry(RuntimeAllowList allowList, RememberedSenders remembered, LearnedCorrespondents learning) {
        this.allowList = allowList;
        this.remembered = remembered;
        this.learning = learning;
    }

    /** What a guard with action=confirm tells the release mailet. Immutable. */
    public static final class ConfirmSettings {
        private final String secret;
        private final String releaseAddress;
        private final Duration remember;
        private final MailRepositoryUrl quarantine;
        private final Duration tokenValidity;
        private final Predicate<String> selfReleasable;

        /**
         * @param tokenValidity  how long after a recipient was held its token may be valid ({@code confirmExpiry})
         * @param selfReleasable whether look-alikes of a nearest name may be released by their sender ({@code noConfirm})
         */
        public ConfirmSettings(String secret, String releaseAddress, Duration remember, MailRepositoryUrl quarantine,
                               Duration tokenValidity, Predicate<String> selfReleasable) {
            this.secret = secret;
            this.releaseAddress = releaseAddress;
            this.remember = remember;
            this.quarantine = quarantine;
            this.tokenValidity = tokenValidity;
            this.selfReleasable = selfReleasable;
        }

        /** How long after a recipient was held its release token may be valid. */
        public Duration tokenValidity() {
            return tokenValidity;
        }

        /** Whether a held look-alike of this nearest name may be released by its sender (not so under noConfirm). */
        public boolean selfReleasable(String nearest) {
            return selfReleasable.test(nearest);
        }

        public String secret() {
            return secret;
        }

        public String releaseAddress() {
            return releaseAddress;
        }

        public Duration remember() {
            return remember;
        }

        /** Where this guard holds mail. */
        public MailRepositoryUrl quarantine() {
            return quarantine;
        }
    }

    /**
     * Deploys one matcher: parses its condition, or takes the parsed policy of an earlier matcher whose condition
     * differs only by {@code minScore} ({@link Policy#sharingKey}) with this one's minimum score.
     *
     * @param matcherName what James calls the matcher (its class name); the deployed name adds its number
     * @throws PolicyException for a bad condition, naming the bad clause or value
     */
    public synchronized DeployedMatcher deploy(String matcherName, String condition) throws PolicyException {
        String key = Policy.sharingKey(condition);
        Optional<Integer> minScore = Policy.minScoreOf(condition);
        String name = matcherName.substring(matcherName.lastIndexOf('.') + 1) + " #" + (matchers.size() + 1);
        String written = condition == null ? "" : condition.strip().replaceAll("\\s+", " ");
        DeployedMatcher earlier = parsedBySharingKey.get(key);
        DeployedMatcher deployed;
        if (earlier == null) {
            deployed = new DeployedMatcher(name, written, Policy.parse(condition), Optional.empty());
            parsedBySharingKey.put(key, deployed);
        } else {
            Policy shared = earlier.policy();
            deployed = new DeployedMatcher(name, written, shared.withMinScore(minScore.orElse(shared.sensitivity().minScore())),
                Optional.of(earlier.name()));
        }
        matchers.add(deployed);
        return deployed;
    }

    /**
     * Records a guard's {@code noConfirm} entries and checks them against the matchers started so far; a matcher that
     * starts later checks them too ({@link #misspeltNoConfirm(DeployedMatcher)}), so the order James starts them in
     * does not matter.
     *
     * @return why an entry cannot be what the admin meant, if one cannot
     */
    public synchronized Optional<String> registerNoConfirm(List<String> entries) {
        noConfirm.addAll(entries);
        for (DeployedMatcher matcher : matchers) {
            Optional<String> misspelt = misspelt(entries, matcher);
            if (misspelt.isPresent()) {
                return misspelt;
            }
        }
        return Optional.empty();
    }

    /** Why a {@code noConfirm} entry of a guard started before this matcher cannot be what the admin meant, if one cannot. */
    public synchronized Optional<String> misspeltNoConfirm(DeployedMatcher matcher) {
        return misspelt(noConfirm, matcher);
    }

    /**
     * The first entry the matcher's detector calls a look-alike ({@code amry.mil}): misspelt, it would keep nothing for
     * the admin. The detector alone decides, not the names learned so far, which change from one start to the next.
     */
    private static Optional<String> misspelt(List<String> entries, DeployedMatcher matcher) {
        for (String entry : entries) {
            Verdict verdict = matcher.policy().detector().check(entry);
            if (verdict.isLookalike()) {
                return Optional.of("'" + entry + "' is itself a look-alike of " + verdict.nearest().orElse("a protected name")
                    + " for " + matcher.name() + ": misspelt? it takes protected names or suffixes (mil, defense.gov)");
            }
        }
        return Optional.empty();
    }

    /** The deployed matchers, in the order James started them. */
    public synchronized List<DeployedMatcher> matchers() {
        return ImmutableList.copyOf(matchers);
    }

    /** Claims a quarantine for one guard; false if another guard holds mail there already. */
    public synchronized boolean claimQuarantine(MailRepositoryUrl url) {
        String folder = folderOf(url);
        if (quarantines.stream().anyMatch(claimed -> folderOf(claimed).equals(folder))) {
            return false;
        }
        return quarantines.add(url);
    }

    /**
     * What a quarantine's URL designates: for a {@code file} repository the folder itself, absolute (a relative path is
     * under James's working directory, as James's file system resolves it), so that {@code file://var/mail/quarantine}
     * and its absolute spelling are one; for another protocol the URL.
     */
    private static String folderOf(MailRepositoryUrl url) {
        if (!url.getProtocol().getValue().equals("file")) {
            return url.asString();
        }
        Path base = Path.of(System.getProperty("working.directory", System.getProperty("user.dir")));
        return "file://" + base.resolve(url.getPath().asString()).normalize();
    }

    public List<MailRepositoryUrl> quarantines() {
        return ImmutableList.copyOf(quarantines);
    }

    /** Registers a guard's confirm settings; false if another guard has that release address already. */
    public synchronized boolean registerConfirm(ConfirmSettings settings) {
        if (confirmSettingsFor(settings.releaseAddress()).isPresent()) {
            return false;
        }
        confirmSettings.add(settings);
        return true;
    }

    /** The settings of the guard whose release address this is (case-insensitive). */
    public Optional<ConfirmSettings> confirmSettingsFor(String releaseAddress) {
        String wanted = releaseAddress.toLowerCase(Locale.ROOT);
        return confirmSettings.stream().filter(s -> s.releaseAddress.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /**
     * The one run-time decision on a recipient domain that a matcher stopped: whether it is let through all the same,
     * and why. The condition's own {@code allow:} is not here: it is part of the condition, so the engine never calls
     * such a domain a look-alike (and the command-line checker and the live check say so too); what can change while
     * James runs is decided here, for the guard ({@code LookalikeGuard}) and the live check alike:
     * <ol>
     *   <li>the run-time allow-list (WebAdmin) allows the domain or a parent of it;</li>
     *   <li>else, given a {@code sender} (a guard with action confirm, {@code remember} on, and a recipient its sender
     *       may release), that sender confirmed this domain before and it is still remembered, within {@code remember}
     *       as the guard has it now (see {@link RememberedSenders#isRemembered}).</li>
     * </ol>
     * Reads by key only (one read per parent on the allow-list, one for the sender); no listing.
     *
     * @param asciiDomain the stopped recipient's domain, canonical ASCII (as the verdict has it)
     * @param sender whose earlier confirmations count, or empty when they do not (another action, {@code remember} off,
     *               a recipient only an administrator may release, the null sender)
     * @param remember how long after a confirmation it counts ({@code remember} of the guard as configured now)
     * @throws MessagingException when the state cannot be read: the caller then lets nothing through (fail closed)
     */
    public Optional<Exemption> exemption(String asciiDomain, Optional<String> sender, Duration remember)
            throws MessagingException {
        Optional<String> entry = allowList.allowing(asciiDomain);
        if (entry.isPresent()) {
            return Optional.of(Exemption.allowList(entry.get()));
        }
        if (sender.isPresent() && remembered.isRemembered(sender.get(), asciiDomain, remember)) {
            return Optional.of(Exemption.remembered(sender.get()));
        }
        return Optional.empty();
    }

    public RuntimeAllowList allowList() {
        return allowList;
    }

    public RememberedSenders remembered() {
        return remembered;
    }

    public LearnedCorrespondents learning() {
        return learning;
    }

    /**
     * The verdict of a deployed matcher for a domain, as the matcher gives it: with {@code learn: on}, against the
     * learned names of this node's snapshot too (see {@link Policy#check}).
     */
    public Verdict check(DeployedMatcher matcher, String domain) {
        Policy policy = matcher.policy();
        return policy.learning().isPresent() ? policy.check(domain, learning.snapshot()) : policy.detector().check(domain);
    }
}
