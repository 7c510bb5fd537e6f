package dev.lookalikeguard.state;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.mailrepository.api.MailRepositoryUrl;

import dev.lookalikeguard.policy.Policy;

/**
 * What is deployed, for the admin routes and the release mailet: the matcher's policy (for live checks), the
 * guard's quarantine repositories, the confirm settings of each guard with action confirm, and the run-time
 * state (allow-list, remembered senders). One per James (Guice singleton shared by the matcher, the mailets and
 * the WebAdmin routes, which all live in the extension class loader).
 */
@Singleton
public class GuardRegistry {
    private final RuntimeAllowList allowList;
    private final RememberedSenders remembered;
    private final List<Policy> policies = new CopyOnWriteArrayList<>();
    private final List<MailRepositoryUrl> quarantines = new CopyOnWriteArrayList<>();
    private final List<ConfirmSettings> confirmSettings = new CopyOnWriteArrayList<>();

    @Inject
    public GuardRegistry(RuntimeAllowList allowList, RememberedSenders remembered) {
        this.allowList = allowList;
        this.remembered = remembered;
    }

    /** What a guard with action=confirm tells the release mailet. Immutable. */
    public static final class ConfirmSettings {
        private final String secret;
        private final String releaseAddress;
        private final Duration remember;
        private final MailRepositoryUrl quarantine;

        public ConfirmSettings(String secret, String releaseAddress, Duration remember, MailRepositoryUrl quarantine) {
            this.secret = secret;
            this.releaseAddress = releaseAddress;
            this.remember = remember;
            this.quarantine = quarantine;
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

    public void registerConfirm(ConfirmSettings settings) {
        confirmSettings.add(settings);
    }

    /** The settings of the guard whose release address this is. */
    public Optional<ConfirmSettings> confirmSettingsFor(String releaseAddress) {
        return confirmSettings.stream().filter(s -> s.releaseAddress.equalsIgnoreCase(releaseAddress)).findFirst();
    }

    public void register(Policy policy) {
        policies.add(policy);
    }

    public void registerQuarantine(MailRepositoryUrl url) {
        if (!quarantines.contains(url)) {
            quarantines.add(url);
        }
    }

    /** The policy of the first RecipientIsLookalike started, if any. */
    public Optional<Policy> policy() {
        return policies.isEmpty() ? Optional.empty() : Optional.of(policies.get(0));
    }

    public List<MailRepositoryUrl> quarantines() {
        return List.copyOf(quarantines);
    }

    public RuntimeAllowList allowList() {
        return allowList;
    }

    public RememberedSenders remembered() {
        return remembered;
    }
}
