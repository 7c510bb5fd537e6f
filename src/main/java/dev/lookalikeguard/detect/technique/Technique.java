package dev.lookalikeguard.detect.technique;

import java.util.Optional;

import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.score.Finding;

/**
 * One way a domain can be a near miss of a protected name. Each implementation is one small class that
 * reports its own name and scores what it finds through {@link dev.lookalikeguard.detect.score.Scoring};
 * adding a technique means adding one class to the catalogue ({@code Techniques}).
 */
public interface Technique {

    /** The technique's name as it appears in verdicts, logs and the condition (e.g. suffix-edit). */
    String name();

    /** The best finding when {@code candidate} is a near miss of a protected name by this technique. */
    Optional<Finding> examine(Candidate candidate, ProtectedNames names);
}
