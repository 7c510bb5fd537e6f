package dev.lookalikeguard.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.mailet.AttributeValue;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.detect.score.Scoring;

/**
 * Why the guard stopped one recipient, from the matcher to the mailet, the notices, the quarantine and WebAdmin:
 * either a look-alike ({@link Status#LOOKALIKE}: the protected name it resembles, the domain the sender probably
 * meant, the techniques, the score and the explanation) or a check that failed ({@link Status#CHECK_FAILED}: the
 * recipient is held for an administrator, fail closed). Immutable.
 *
 * <p>It travels inside the one attribute of {@link RecipientVerdicts}, as James's own typed values do (see
 * {@code DsnParameters}): built from James's typed attribute values only, a map of strings, an integer and a list
 * of strings, so that every James store (mail repositories, mail queues, their JSON) keeps it, a restart included:
 * <pre>
 * {status: "lookalike", domain: "army.ml", nearest: "army.mil", suggestion: "army.mil",
 *  techniques: ["suffix-edit"], score: 95, explanation: "army.ml looks like army.mil: ..."}
 * {status: "check-failed", domain: "boom.example", techniques: [], score: 0, explanation: "the look-alike check failed ..."}
 * </pre>
 * ({@code nearest} and {@code suggestion} are left out when there is none.) Not an {@code ArbitrarySerializable}:
 * James loads the deserializer of such a value by name from the mailet API's class loader, which does not see the
 * classes of {@code extensions-jars/}, so the value would be lost (or the mail fail to copy) in a deployed server.
 */
public final class RecipientVerdict {
    /** What the matcher found. */
    public enum Status {
        /** A near miss of a protected name, scoring at least the matcher's minimum score. */
        LOOKALIKE("lookalike"),
        /** The check itself failed for this recipient: it is held, whatever the action but tag. */
        CHECK_FAILED("check-failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Optional<Status> of(String label) {
            for (Status status : values()) {
                if (status.label.equals(label)) {
                    return Optional.of(status);
                }
            }
            return Optional.empty();
        }
    }

    static final String STATUS = "status";
    static final String DOMAIN = "domain";
    static final String NEAREST = "nearest";
    static final String SUGGESTION = "suggestion";
    static final String TECHNIQUES = "techniques";
    static final String SCORE = "score";
    static final String EXPLANATION = "explanation";
    /** The joined techniques of entries written by versions before the typed verdict (read, never written). */
    private static final String LEGACY_TECHNIQUE = "technique";
    private static final String LEGACY_DETECTION_FAILED = "detection-failed";

    private final Status status;
    private final String domain;
    private final Optional<String> nearest;
    private final Optional<String> suggestion;
    private final List<String> techniques;
    private final int score;
    private final String explanation;

    private RecipientVerdict(Status status, String domain, Optional<String> nearest, Optional<String> suggestion,
                             List<String> techniques, int score, String explanation) {
        this.status = Objects.requireNonNull(status);
        this.domain = Objects.requireNonNull(domain);
        this.nearest = nearest.filter(name -> !name.isEmpty());
        this.suggestion = suggestion.filter(name -> !name.isEmpty());
        this.techniques = ImmutableList.copyOf(techniques);
        this.score = score;
        this.explanation = Objects.requireNonNull(explanation);
    }

    /** The engine's verdict on a look-alike. */
    public static RecipientVerdict of(Verdict verdict) {
        Preconditions.checkArgument(verdict.isLookalike(), "not a look-alike: %s", verdict);
        return lookalike(verdict.domain(), verdict.nearest().orElse(""), verdict.suggestion().orElse(""),
            verdict.techniques(), verdict.score(), verdict.explanation());
    }

    /** A look-alike as recorded ({@code nearest} and {@code suggestion} empty when there is none). */
    public static RecipientVerdict lookalike(String domain, String nearest, String suggestion, List<String> techniques,
                                             int score, String explanation) {
        return new RecipientVerdict(Status.LOOKALIKE, domain, Optional.of(nearest), Optional.of(suggestion), techniques,
            score, explanation);
    }

    /** The check failed for this recipient domain; {@code why} names the failure (e.g. the exception's class). */
    public static RecipientVerdict checkFailed(String domain, String why) {
        return new RecipientVerdict(Status.CHECK_FAILED, domain, Optional.empty(), Optional.empty(), List.of(), 0,
            "the look-alike check failed (" + why + "); held for an administrator");
    }

    /** As a James attribute value: a map of James's typed values (see the class comment). */
    public AttributeValue<?> toAttributeValue() {
        Map<String, AttributeValue<?>> map = new LinkedHashMap<>();
        map.put(STATUS, AttributeValue.of(status.label()));
        map.put(DOMAIN, AttributeValue.of(domain));
        nearest.ifPresent(name -> map.put(NEAREST, AttributeValue.of(name)));
        suggestion.ifPresent(name -> map.put(SUGGESTION, AttributeValue.of(name)));
        List<AttributeValue<?>> list = new ArrayList<>();
        techniques.forEach(technique -> list.add(AttributeValue.of(technique)));
        map.put(TECHNIQUES, AttributeValue.of(list));
        map.put(SCORE, AttributeValue.of(score));
        map.put(EXPLANATION, AttributeValue.of(explanation));
        return AttributeValue.of(map);
    }

    /**
     * The verdict an attribute value holds, if it is one. Also reads the entries of earlier versions of the guard
     * (still held in a quarantine): a {@code technique} joined with {@code +}, a failed check written as the
     * technique {@code detection-failed}.
     */
    public static Optional<RecipientVerdict> fromAttributeValue(AttributeValue<?> value) {
        if (!(value.value() instanceof Map)) {
            return Optional.empty();
        }
        Map<?, ?> map = (Map<?, ?>) value.value();
        Optional<String> domain = text(map, DOMAIN);
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        List<String> techniques = list(map, TECHNIQUES).orElseGet(() -> text(map, LEGACY_TECHNIQUE)
            .map(joined -> List.of(joined.split("\\+"))).orElse(List.of()));
        Status status = text(map, STATUS).flatMap(Status::of)
            .orElse(techniques.contains(LEGACY_DETECTION_FAILED) ? Status.CHECK_FAILED : Status.LOOKALIKE);
        if (status == Status.CHECK_FAILED) {
            techniques = List.of();
        }
        Object score = unwrap(map.get(SCORE));
        return Optional.of(new RecipientVerdict(status, domain.get(), text(map, NEAREST), text(map, SUGGESTION),
            techniques, score instanceof Integer ? (Integer) score : 0, text(map, EXPLANATION).orElse("")));
    }

    private static Object unwrap(Object value) {
        return value instanceof AttributeValue ? ((AttributeValue<?>) value).value() : value;
    }

    private static Optional<String> text(Map<?, ?> map, String key) {
        Object value = unwrap(map.get(key));
        return value instanceof String ? Optional.of((String) value) : Optional.empty();
    }

    private static Optional<List<String>> list(Map<?, ?> map, String key) {
        Object value = unwrap(map.get(key));
        if (!(value instanceof Collection)) {
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        for (Object item : (Collection<?>) value) {
            Object text = unwrap(item);
            if (text instanceof String && !((String) text).isEmpty()) {
                items.add((String) text);
            }
        }
        return Optional.of(items);
    }

    public Status status() {
        return status;
    }

    public boolean checkFailed() {
        return status == Status.CHECK_FAILED;
    }

    /** The recipient's domain, as the engine read it (canonical ASCII). */
    public String domain() {
        return domain;
    }

    /** The protected name the recipient domain resembles (army.mil); none when the check failed. */
    public Optional<String> nearest() {
        return nearest;
    }

    /** The domain the sender probably meant (mail.army.mil), if the engine has one. */
    public Optional<String> suggestion() {
        return suggestion;
    }

    /** The techniques that explain the difference, most telling first; empty when the check failed. */
    public List<String> techniques() {
        return techniques;
    }

    /** The techniques for people and logs: joined with {@code +}, or {@code -} when there is none. */
    public String techniquesText() {
        return techniques.isEmpty() ? "-" : String.join("+", techniques);
    }

    /** 0 to 100 (0 when the check failed). */
    public int score() {
        return score;
    }

    /** The score's band (see {@link Scoring.Band}); none when the check failed. */
    public Optional<Scoring.Band> band() {
        return status == Status.LOOKALIKE ? Optional.of(Scoring.Band.of(score)) : Optional.empty();
    }

    /** Why, in one line. */
    public String explanation() {
        return explanation;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RecipientVerdict)) {
            return false;
        }
        RecipientVerdict other = (RecipientVerdict) o;
        return status == other.status && domain.equals(other.domain) && nearest.equals(other.nearest)
            && suggestion.equals(other.suggestion) && techniques.equals(other.techniques) && score == other.score
            && explanation.equals(other.explanation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, domain, nearest, suggestion, techniques, score, explanation);
    }

    @Override
    public String toString() {
        return status.label() + " " + domain + " nearest=" + nearest.orElse("-") + " techniques=" + techniquesText()
            + " score=" + score + band().map(band -> " band=" + band.label()).orElse("");
    }
}
