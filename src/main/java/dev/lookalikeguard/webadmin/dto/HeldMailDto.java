package dev.lookalikeguard.webadmin.dto;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.lookalikeguard.state.HeldMail;

/** One quarantine entry as WebAdmin shows it: a held recipient (or, for entries of earlier versions, several). */
public final class HeldMailDto {
    private final String key;
    private final String mail;
    private final String repository;
    private final String sender;
    private final Instant heldSince;
    private final long ageSeconds;
    private final String kind;
    private final List<HeldRecipientDto> recipients;
    private final String error;
    private final String subject;

    private HeldMailDto(HeldMail held, Instant now) {
        this.key = held.key();
        this.mail = held.heldKey().map(heldKey -> heldKey.mailId()).orElse(held.key());
        this.repository = held.repository().asString();
        this.sender = held.sender();
        this.heldSince = held.heldSince();
        this.ageSeconds = Math.max(0, Duration.between(held.heldSince(), now).getSeconds());
        this.kind = held.kind().name().toLowerCase(Locale.ROOT);
        this.recipients = held.recipients().stream().map(recipient -> HeldRecipientDto.of(recipient, held.verdict(recipient)))
            .collect(Collectors.toList());
        this.error = held.error();
        this.subject = held.subject();
    }

    public static HeldMailDto of(HeldMail held, Instant now) {
        return new HeldMailDto(held, now);
    }

    /** What WebAdmin calls it: release and delete take this. */
    public String getKey() {
        return key;
    }

    /** Shared by the entries of the recipients of one mail. */
    public String getMail() {
        return mail;
    }

    public String getRepository() {
        return repository;
    }

    /** The original sender; empty for the null sender. */
    public String getSender() {
        return sender;
    }

    public Instant getHeldSince() {
        return heldSince;
    }

    public long getAgeSeconds() {
        return ageSeconds;
    }

    /**
     * {@code admin}: only an administrator releases it (and it does not expire); {@code confirm}: its sender may, and it
     * is returned at {@code heldExpiry} unless the guard keeps it for the admin then (see LookalikeGuard).
     */
    public String getKind() {
        return kind;
    }

    public List<HeldRecipientDto> getRecipients() {
        return recipients;
    }

    /** Why it was held, in words. */
    public String getError() {
        return error;
    }

    public String getSubject() {
        return subject;
    }
}
