package dev.lookalikeguard.it;

import javax.inject.Inject;

import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.james.RecipientIsLookalike;
import dev.lookalikeguard.state.GuardRegistry;

/** Fault injection: the real matcher, except that checking any domain starting with "boom" throws. */
public class ExplodingRecipientIsLookalike extends RecipientIsLookalike {
    @Inject
    public ExplodingRecipientIsLookalike(GuardRegistry registry) {
        super(registry);
    }

    @Override
    protected Verdict verdict(String domain) {
        if (domain.startsWith("boom")) {
            throw new IllegalStateException("injected fault for " + domain);
        }
        return super.verdict(domain);
    }
}
