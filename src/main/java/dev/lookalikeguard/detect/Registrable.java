package dev.lookalikeguard.detect;

/**
 * A protected name cut where it is registered: {@code army} under {@code mil}, {@code mod} under {@code uk}.
 * {@code listed} says whether the admin named it in the condition (as opposed to a known-domain list).
 */
public final class Registrable {
    private final String label;
    private final String suffix;
    private final boolean listed;

    Registrable(String label, String suffix, boolean listed) {
        this.label = label;
        this.suffix = suffix;
        this.listed = listed;
    }

    public String label() {
        return label;
    }

    public String suffix() {
        return suffix;
    }

    public String name() {
        return label + "." + suffix;
    }

    public boolean listed() {
        return listed;
    }

    Registrable mergedWith(Registrable other) {
        return listed || !other.listed ? this : other;
    }
}
