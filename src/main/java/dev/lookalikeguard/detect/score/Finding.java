package dev.lookalikeguard.detect.score;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.google.common.collect.ImmutableList;

import dev.lookalikeguard.detect.score.Evidence.Placement;
import dev.lookalikeguard.detect.score.Evidence.Shape;

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
    private final Explanation explanation;

    /** @param explanation the explanation in words, built only when asked for (most findings lose to a better one) */
    public Finding(String nearest, String suggestion, List<String> techniques, Evidence evidence,
                   Supplier<String> explanation) {
        this(nearest, suggestion, techniques, evidence, Scoring.score(evidence), explanation);
    }

    private Finding(String nearest, String suggestion, List<String> techniques, Evidence evidence, int score,
                    Supplier<String> explanation) {
        this.nearest = nearest;
        this.suggestion = suggestion;
        this.techniques = List.copyOf(techniques);
        this.evidence = evidence;
        this.score = score;
        this.explanation = new Explanation(explanation);
    }

    /** This finding towards a learned name: named by {@code technique} first, with its own score and explanation. */
    public Finding learned(String technique, int learnedScore, Supplier<String> learnedExplanation) {
        List<String> more = ImmutableList.<String>builder().add(technique).addAll(techniques).build();
        return new Finding(nearest, suggestion, more, evidence, learnedScore, learnedExplanation);
    }

    /**
     * This finding for a name that was folded from Unicode to be compared: named by {@code technique} too
     * (homoglyph) when it is not already, and explained with the folded characters.
     */
    public Finding folded(String technique, Supplier<String> foldNote) {
        if (techniques.contains(technique)) {
            return this;
        }
        List<String> more = ImmutableList.<String>builder().addAll(techniques).add(technique).build();
        return new Finding(nearest, suggestion, more, evidence, score, () -> explanation.get() + "; " + foldNote.get());
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
        return explanation.get();
    }

    /** The explanation, still to be built. */
    public Supplier<String> lazyExplanation() {
        return explanation;
    }

    /** What {@link #beats} compares first: the score, {@value #LISTED_PREFERENCE} more towards a listed name. */
    public int rank() {
        return score + (evidence.listed() ? LISTED_PREFERENCE : 0);
    }

    /**
     * The highest rank a finding with evidence of these shapes and this placement can have (see
     * {@link Scoring#ceiling}): a finding ranked above it is beaten by none of them.
     */
    public static int highestRank(Set<Shape> shapes, Placement placement) {
        int highest = 0;
        for (Shape shape : shapes) {
            highest = Math.max(highest, Scoring.ceiling(shape, placement) + LISTED_PREFERENCE);
        }
        return highest;
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
        int mine = rank();
        int theirs = other.rank();
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

    /**
     * The explanation, built on first use and kept: most findings lose to a better one and are never explained. Two
     * threads asking at once may both build it; they build the same text.
     */
    private static final class Explanation implements Supplier<String> {
        private final Supplier<String> builder;
        private volatile String text;

        Explanation(Supplier<String> builder) {
            this.builder = builder;
        }

        @Override
        public String get() {
            String built = text;
            if (built == null) {
                built = builder.get();
                text = built;
            }
            return built;
        }
    }
}
