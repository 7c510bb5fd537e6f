package dev.lookalikeguard.james;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.mailet.base.GenericRecipientMatcher;

import dev.lookalikeguard.state.GuardRegistry;

/**
 * Matches the release address ({@code confirmAddress}) of a {@link LookalikeGuard} with
 * {@code action=confirm}. Put it, with {@link LookalikeRelease}, before local
 * delivery:
 * <pre>{@code
 * <mailet match="dev.lookalikeguard.james.IsLookalikeRelease" class="dev.lookalikeguard.james.LookalikeRelease"/>
 * }</pre>
 */
public class IsLookalikeRelease extends GenericRecipientMatcher {
    private final GuardRegistry registry;

    @Inject
    public IsLookalikeRelease(GuardRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean matchRecipient(MailAddress recipient) {
        return registry.confirmSettingsFor(recipient.asString()).isPresent();
    }
}
