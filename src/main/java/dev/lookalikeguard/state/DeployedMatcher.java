package dev.lookalikeguard.state;

import java.util.Optional;

import dev.lookalikeguard.policy.Policy;

/**
 * One {@code RecipientIsLookalike} matcher as deployed: the name WebAdmin and the logs give it
 * ({@code RecipientIsLookalike #2}: numbered in the order James started the matchers, which is their order in
 * {@code mailetcontainer.xml}), its condition as written, and the policy it checks with. Immutable.
 */
public final class DeployedMatcher {
    private final String name;
    private final String condition;
    private final Policy policy;
    private final Optional<String> sharesIndexWith;

    DeployedMatcher(String name, String condition, Policy policy, Optional<String> sharesIndexWith) {
        this.name = name;
        this.condition = condition;
        this.policy = policy;
        this.sharesIndexWith = sharesIndexWith;
    }

    public String name() {
        return name;
    }

    /** The condition as written, on one line (runs of white space made one space). */
    public String condition() {
        return condition;
    }

    public Policy policy() {
        return policy;
    }

    /** The lowest score this matcher calls a look-alike: its {@code minScore}, else its sensitivity's. */
    public int minScore() {
        return policy.detector().minScore();
    }

    /** The matcher whose parsed names and indexes this one uses (same condition but for {@code minScore}), if any. */
    public Optional<String> sharesIndexWith() {
        return sharesIndexWith;
    }

    @Override
    public String toString() {
        return name + " (" + condition + ")";
    }
}
