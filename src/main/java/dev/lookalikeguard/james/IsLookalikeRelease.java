package dev.lookalikeguard.james;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.MatcherConfig;
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

    /** A condition it does not take stops James with one line: see {@link LookalikeConfigurationError}. */
    @Override
    public void init(MatcherConfig config) throws MessagingException {
        LookalikeConfigurationError.reportingOnce(() -> super.init(config));
    }

    @Override
    public void init() throws MessagingException {
        String condition = getCondition();
        if (condition != null && !condition.isBlank()) {
            throw new MessagingException("IsLookalikeRelease: takes no condition, got '" + condition.strip() + "'; the "
                + "release addresses are the confirmAddress parameters of the LookalikeGuard mailets");
        }
    }

    @Override
    public boolean matchRecipient(MailAddress recipient) {
        return registry.confirmSettingsFor(recipient.asString()).isPresent();
    }
}
