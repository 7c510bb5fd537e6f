package dev.lookalikeguard.detect.score;

import java.util.List;

import com.google.common.collect.ImmutableList;

/**
 * One technique's finding: the protected name a recipient domain resembles, what the sender probably
 * meant, the techniques that explain the difference, the {@link Evidence} and the score
 * {@link Scoring} gives it, and the explanation in words. Immutable.
 */
public final class Finding {
    /** How much more a finding towards a listed name weighs when choosing the nearest name. */
    public static final int LISTED_PREFERENCE = 8;
    private final String nearest;
    private final String suggestion;
    private final List<String> techniques;
    private final Evidence evidence;
    private final int score;
    private final String explanation;

    public Finding(String nearest, String suggestion, List<String> techniques, Evidence evidence, String explanation) {
        this.nearest = nearest;
        this.suggestion = suggestion;
        this.techniques = ImmutableList.copyOf(techniques);
        this.evidence = evidence;
        this.score = Scoring.score(evidence);
        this.explanation = explanation;
    }

    public String nearest() {
        return nearest;
    }

    public String suggestion() {
        return suggestion;
    }

    public List<String> techniques() {
        return techniques;
    }

    public Evidence evidence() {
        return evidence;
    }

    public int score() {
        return score;
    }

    public String explanation() {
        return explanation;
    }

    /**
     * Whether this finding names the likelier intended name than {@code other}: the higher score, where a
     * name the admin listed counts {@value #LISTED_PREFERENCE} more (the organisation writes to it), then
     * the higher score itself, then fewer techniques, then name order.
     */
    public boolean beats(Finding other) {
        if (other == null) {
            return true;
        }
        int mine = score + (evidence.listed() ? LISTED_PREFERENCE : 0);
        int theirs = other.score + (other.evidence.listed() ? LISTED_PREFERENCE : 0);
        if (mine != theirs) {
            return mine > theirs;
        }
        if (score != other.score) {
            return score > other.score;
        }
        if (evidence.listed() != other.evidence.listed()) {
            return evidence.listed();
        }
        if (techniques.size() != other.techniques.size()) {
            return techniques.size() < other.techniques.size();
        }
        return nearest.compareTo(other.nearest) < 0;
    }
}
