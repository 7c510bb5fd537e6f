package dev.lookalikeguard.webadmin.dto;

import java.time.Instant;
import java.util.Optional;

import dev.lookalikeguard.state.RuntimeAllowList;

/** One run-time allow-list entry. */
public final class AllowEntryDto {
    private final String domain;
    private final Instant added;
    private final String reason;
    private final Optional<Instant> expires;

    private AllowEntryDto(RuntimeAllowList.Entry entry) {
        this.domain = entry.domain();
        this.added = entry.added();
        this.reason = entry.reason();
        this.expires = entry.expires();
    }

    public static AllowEntryDto of(RuntimeAllowList.Entry entry) {
        return new AllowEntryDto(entry);
    }

    public String getDomain() {
        return domain;
    }

    public Instant getAdded() {
        return added;
    }

    public String getReason() {
        return reason;
    }

    /** When it stops allowing; absent (null) for ever. */
    public Optional<Instant> getExpires() {
        return expires;
    }
}
