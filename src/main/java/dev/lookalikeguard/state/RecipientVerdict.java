package dev.lookalikeguard.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.mailet.AttributeValue;

import dev.lookalikeguard.detect.Verdict;

/**
 * The verdict on one stopped recipient, as it travels in the mail's attributes (and so survives a
 * mail repository and a restart). Immutable.
 */
public final class RecipientVerdict {
    static final String DOMAIN = "domain";
    static final String NEAREST = "nearest";
    static final String SUGGESTION = "suggestion";
    static final String TECHNIQUE = "technique";
    static final String SCORE = "score";
    static final String EXPLANATION = "explanation";
    /** Technique recorded when detection itself failed: the guard fails closed and holds the mail. */
    public static final String DETECTION_FAILED = "detection-failed";

    private final String domain;
    private final String nearest;
    private final String suggestion;
    private final String technique;
    private final int score;
    private final String explanation;

    public RecipientVerdict(String domain, String nearest, String suggestion, String technique, int score, String explanation) {
        this.domain = domain;
        this.nearest = nearest;
        this.suggestion = suggestion;
        this.technique = technique;
        this.score = score;
        this.explanation = explanation;
    }

    public static RecipientVerdict of(Verdict verdict) {
        return new RecipientVerdict(verdict.domain(), verdict.nearest().orElse(""), verdict.suggestion().orElse(""),
            verdict.technique().orElse(""), verdict.score(), verdict.explanation());
    }

    public static RecipientVerdict detectionFailed(String domain, Exception cause) {
        return new RecipientVerdict(domain, "", "", DETECTION_FAILED, 0,
            "the look-alike check failed (" + cause.getClass().getSimpleName() + "); held for an administrator");
    }

    public AttributeValue<?> toAttributeValue() {
        Map<String, AttributeValue<?>> map = new LinkedHashMap<>();
        map.put(DOMAIN, AttributeValue.of(domain));
        map.put(NEAREST, AttributeValue.of(nearest));
        map.put(SUGGESTION, AttributeValue.of(suggestion));
        map.put(TECHNIQUE, AttributeValue.of(technique));
        map.put(SCORE, AttributeValue.of(score));
        map.put(EXPLANATION, AttributeValue.of(explanation));
        return AttributeValue.of(map);
    }

    public static Optional<RecipientVerdict> fromAttributeValue(Object value) {
        if (!(value instanceof Map)) {
            return Optional.empty();
        }
        Map<?, ?> map = (Map<?, ?>) value;
        Object score = unwrap(map.get(SCORE));
        return Optional.of(new RecipientVerdict(text(map, DOMAIN), text(map, NEAREST), text(map, SUGGESTION),
            text(map, TECHNIQUE), score instanceof Integer ? (Integer) score : 0, text(map, EXPLANATION)));
    }

    private static Object unwrap(Object value) {
        return value instanceof AttributeValue ? ((AttributeValue<?>) value).value() : value;
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = unwrap(map.get(key));
        return value == null ? "" : value.toString();
    }

    public String domain() {
        return domain;
    }

    /** The protected name the recipient domain resembles (army.mil), or empty. */
    public String nearest() {
        return nearest;
    }

    /** The domain the sender probably meant (mail.army.mil), or empty. */
    public String suggestion() {
        return suggestion;
    }

    public String technique() {
        return technique;
    }

    public int score() {
        return score;
    }

    public String explanation() {
        return explanation;
    }

    public boolean detectionFailed() {
        return DETECTION_FAILED.equals(technique);
    }
}
