package dev.lookalikeguard.it;

import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.james.RecipientIsLookalike;

/** Fault injection: the real matcher, except that checking any domain starting with "boom" throws. */
public class ExplodingRecipientIsLookalike extends RecipientIsLookalike {
    @Override
    protected Verdict verdict(String domain) {
        if (domain.startsWith("boom")) {
            throw new IllegalStateException("injected fault for " + domain);
        }
        return super.verdict(domain);
    }
}
