package dev.lookalikeguard.webadmin.dto;

/** What a seed did. */
public final class SeedResultDto {
    private final int received;
    private final int pinned;

    public SeedResultDto(int received, int pinned) {
        this.received = received;
        this.pinned = pinned;
    }

    /** Distinct domains in the request. */
    public int getReceived() {
        return received;
    }

    /** Of those, how many were not pinned before. */
    public int getPinned() {
        return pinned;
    }
}
