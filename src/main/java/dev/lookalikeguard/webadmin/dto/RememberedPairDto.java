package dev.lookalikeguard.webadmin.dto;

import java.time.Instant;
import java.util.Optional;

import dev.lookalikeguard.state.RememberedSenders;

/** One remembered sender/domain pair: that sender confirmed that domain and is not asked again until it expires. */
public final class RememberedPairDto {
    private final String sender;
    private final String domain;
    private final Optional<Instant> rememberedAt;
    private final Optional<Instant> expires;

    private RememberedPairDto(RememberedSenders.Pair pair) {
        this.sender = pair.sender();
        this.domain = pair.domain();
        this.rememberedAt = pair.rememberedAt();
        this.expires = pair.expires();
    }

    public static RememberedPairDto of(RememberedSenders.Pair pair) {
        return new RememberedPairDto(pair);
    }

    public String getSender() {
        return sender;
    }

    public String getDomain() {
        return domain;
    }

    /** When the sender confirmed; absent (null) for a pair an earlier version stored, which counts for nothing. */
    public Optional<Instant> getRememberedAt() {
        return rememberedAt;
    }

    public Optional<Instant> getExpires() {
        return expires;
    }
}
