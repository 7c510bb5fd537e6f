package dev.lookalikeguard.webadmin.dto;

import java.util.Optional;

import dev.lookalikeguard.detect.Verdict;

/** The verdict on one address under the deployed condition and run-time allow-list. */
public final class CheckDto {
    private final String address;
    private final Verdict verdict;
    private final Optional<String> allowedAtRunTimeBy;

    public CheckDto(String address, Verdict verdict, Optional<String> allowedAtRunTimeBy) {
        this.address = address;
        this.verdict = verdict;
        this.allowedAtRunTimeBy = allowedAtRunTimeBy;
    }

    public String getAddress() {
        return address;
    }

    public String getDomain() {
        return verdict.domain();
    }

    /** lookalike, protected, clean or invalid. */
    public String getVerdict() {
        return verdict.kind().label();
    }

    public Optional<String> getNearest() {
        return verdict.nearest();
    }

    public Optional<String> getSuggestion() {
        return verdict.suggestion();
    }

    public Optional<String> getTechnique() {
        return verdict.technique();
    }

    public int getScore() {
        return verdict.score();
    }

    public String getExplanation() {
        return verdict.explanation();
    }

    public Optional<String> getAllowedAtRunTimeBy() {
        return allowedAtRunTimeBy;
    }

    public boolean isWouldBeStopped() {
        return verdict.isLookalike() && allowedAtRunTimeBy.isEmpty();
    }
}
