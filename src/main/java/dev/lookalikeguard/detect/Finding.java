package dev.lookalikeguard.detect;

import java.util.List;

import com.google.common.collect.ImmutableList;

/** One technique's explanation of why a domain is a near miss of a protected name. Immutable. */
public final class Finding {
    private final String nearest;
    private final String suggestion;
    private final List<String> techniques;
    private final int score;
    private final String explanation;

    public Finding(String nearest, String suggestion, List<String> techniques, int score, String explanation) {
        this.nearest = nearest;
        this.suggestion = suggestion;
        this.techniques = ImmutableList.copyOf(techniques);
        this.score = Math.max(0, Math.min(100, score));
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

    public int score() {
        return score;
    }

    public String explanation() {
        return explanation;
    }

    /** Whether this finding should win over {@code other}: higher score, then fewer techniques, then name order. */
    public boolean beats(Finding other) {
        if (other == null) {
            return true;
        }
        if (score != other.score) {
            return score > other.score;
        }
        if (techniques.size() != other.techniques.size()) {
            return techniques.size() < other.techniques.size();
        }
        return nearest.compareTo(other.nearest) < 0;
    }
}
