package dev.lookalikeguard.detect.technique;

import java.util.Optional;
import java.util.Set;

import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.score.Evidence.Shape;
import dev.lookalikeguard.detect.score.Finding;

/**
 * One way a domain can be a near miss of a protected name. Each implementation is one small class that
 * reports its own name and scores what it finds through {@link dev.lookalikeguard.detect.score.Scoring};
 * adding a technique means adding one class to the catalogue ({@code Techniques}).
 */
public interface Technique {

    /** The technique's name as it appears in verdicts, logs and the condition (e.g. suffix-edit). */
    String name();

    /**
     * The shapes of the evidence of every finding this technique reports: with {@code Scoring.ceiling} they bound
     * its score, so that the engine need not run it when the best finding so far ranks higher.
     */
    Set<Shape> shapes();

    /**
     * The shapes of what it reports for a candidate {@linkplain Candidate#underProtectedSuffix() under a protected
     * suffix} (a mistyped .mil or .gov name, the commonest look-alike there): some shapes only occur elsewhere (a
     * suffix typed after a protected name, a mistyped suffix), and without them the engine skips the technique
     * sooner. All of {@link #shapes()} unless the technique says otherwise.
     */
    default Set<Shape> shapesUnderProtectedSuffix() {
        return shapes();
    }

    /** The best finding when {@code candidate} is a near miss of a protected name by this technique. */
    Optional<Finding> examine(Candidate candidate, ProtectedNames names);

    /**
     * {@link #examine(Candidate, ProtectedNames)} for a caller that holds a finding already and keeps only what
     * {@linkplain Finding#beats beats} it: the answer may differ only where neither could beat {@code toBeat}, and a
     * technique may use the bound to search less. {@code toBeat} null: no bound.
     */
    default Optional<Finding> examine(Candidate candidate, ProtectedNames names, Finding toBeat) {
        return examine(candidate, names);
    }
}
