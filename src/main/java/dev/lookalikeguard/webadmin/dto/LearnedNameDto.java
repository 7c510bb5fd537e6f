package dev.lookalikeguard.webadmin.dto;

import java.time.Instant;

/** One recipient domain the guard counts deliveries to, and whether it is a learned name. */
public final class LearnedNameDto {
    /** pinned (by an admin or a seed), learned (past the threshold), or counting (not yet). */
    public enum Status { PINNED, LEARNED, COUNTING }

    private final String domain;
    private final Status status;
    private final boolean learned;
    private final boolean pinned;
    private final long recipients;
    private final int days;
    private final int senders;
    private final Instant firstUse;
    private final Instant lastUse;

    public LearnedNameDto(String domain, Status status, long recipients, int days, int senders, Instant firstUse,
                          Instant lastUse) {
        this.domain = domain;
        this.status = status;
        this.learned = status != Status.COUNTING;
        this.pinned = status == Status.PINNED;
        this.recipients = recipients;
        this.days = days;
        this.senders = senders;
        this.firstUse = firstUse;
        this.lastUse = lastUse;
    }

    public String getDomain() {
        return domain;
    }

    /** pinned, learned or counting. */
    public String getStatus() {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether it is a learned name now (pinned, or past the threshold). */
    public boolean isLearned() {
        return learned;
    }

    public boolean isPinned() {
        return pinned;
    }

    /** Recipients delivered to it, counted. */
    public long getRecipients() {
        return recipients;
    }

    /** Distinct days (UTC) with mail to it within the threshold's window (its idle days). */
    public int getDays() {
        return days;
    }

    /** Distinct senders who wrote to it (up to 64 are told apart). */
    public int getSenders() {
        return senders;
    }

    /** The first delivery counted (for a name pinned before any, when it was pinned). */
    public Instant getFirstUse() {
        return firstUse;
    }

    public Instant getLastUse() {
        return lastUse;
    }
}
