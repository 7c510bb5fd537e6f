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
    private final List<Policy> policies = new CopyOnWriteArrayList<>();
    private final List<MailRepositoryUrl> quarantines = new CopyOnWriteArrayList<>();

    @Inject
    public GuardRegistry(RuntimeAllowList allowList) {
        this.allowList = allowList;
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
