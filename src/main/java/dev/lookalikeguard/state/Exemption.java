package dev.lookalikeguard.state;

import java.util.Objects;

/**
 * Why a recipient that a matcher stopped is let through all the same ({@link GuardRegistry#exemption}): an entry of
 * the run-time allow-list, or the sender's earlier confirmation of that domain. Immutable.
 */
public final class Exemption {
    /** Where the exemption comes from. */
    public enum Kind {
        /** An administrator allowed the domain, or a parent of it, at run time (WebAdmin). */
        ALLOW_LIST,
        /** The sender confirmed this domain before (action confirm with {@code remember}). */
        REMEMBERED
    }

    private final Kind kind;
    private final String by;

    private Exemption(Kind kind, String by) {
        this.kind = kind;
        this.by = Objects.requireNonNull(by);
    }

    static Exemption allowList(String entry) {
        return new Exemption(Kind.ALLOW_LIST, entry);
    }

    static Exemption remembered(String sender) {
        return new Exemption(Kind.REMEMBERED, sender);
    }

    public Kind kind() {
        return kind;
    }

    /** The allow-list entry (the domain or the parent that allows it), or the sender who confirmed the domain. */
    public String by() {
        return by;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Exemption && ((Exemption) other).kind == kind && ((Exemption) other).by.equals(by);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, by);
    }

    @Override
    public String toString() {
        return kind == Kind.ALLOW_LIST ? "allowed at run time by " + by : "confirmed before by " + by;
    }
}
