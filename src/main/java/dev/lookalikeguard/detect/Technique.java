package dev.lookalikeguard.detect;

import java.util.Optional;

/**
 * One way a domain can be a near miss of a protected name. Each implementation is one small class
 * that reports its own name; adding a technique means adding one class to {@link Techniques}.
 */
public interface Technique {

    /** The technique's name as it appears in verdicts, logs and the condition (e.g. suffix-edit). */
    String name();

    /** A finding when {@code candidate} is a near miss of a protected name by this technique. */
    Optional<Finding> examine(Candidate candidate, ProtectedNames names, Sensitivity sensitivity);
}
