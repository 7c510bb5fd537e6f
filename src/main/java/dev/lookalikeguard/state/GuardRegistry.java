package dev.lookalikeguard.state;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.mailrepository.api.MailRepositoryUrl;

import dev.lookalikeguard.policy.Policy;

/**
 * What is deployed, for the admin routes: the matcher's policy (for live checks), the guard's
 * quarantine repositories, and the run-time allow-list. One per James (Guice singleton shared by the
 * matcher, the mailet and the WebAdmin routes, which all live in the extension class loader).
 */
@Singleton
public class GuardRegistry {
    private final RuntimeAllowList allowList;
    private final Confirmations confirmations;
    private final List<Policy> policies = new CopyOnWriteArrayList<>();
    private final List<MailRepositoryUrl> quarantines = new CopyOnWriteArrayList<>();
    private final List<ConfirmSettings> confirmSettings = new CopyOnWriteArrayList<>();

    @Inject
    public GuardRegistry(RuntimeAllowList allowList, Confirmations confirmations) {
        this.allowList = allowList;
        this.confirmations = confirmations;
    }

    /** What a guard with action=confirm tells the release handler: its secret, release address, remember period. */
    public static final class ConfirmSettings {
        private final String secret;
        private final String releaseAddress;
        private final java.time.Duration remember;

        public ConfirmSettings(String secret, String releaseAddress, java.time.Duration remember) {
            this.secret = secret;
            this.releaseAddress = releaseAddress;
            this.remember = remember;
        }

        public String secret() {
            return secret;
        }

        public String releaseAddress() {
            return releaseAddress;
        }

        public java.time.Duration remember() {
            return remember;
        }
    }

    public void registerConfirm(ConfirmSettings settings) {
        confirmSettings.add(settings);
    }

    /** The settings of the guard whose release address this is. */
    public Optional<ConfirmSettings> confirmSettingsFor(String releaseAddress) {
        return confirmSettings.stream().filter(s -> s.releaseAddress.equalsIgnoreCase(releaseAddress)).findFirst();
    }

    public Confirmations confirmations() {
        return confirmations;
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
}
