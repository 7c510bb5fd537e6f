package dev.lookalikeguard.webadmin.dto;

import java.util.List;
import java.util.Optional;

import com.google.common.collect.ImmutableList;

/**
 * The verdict on one address under every deployed RecipientIsLookalike matcher and the run-time allow-list. The
 * top-level fields are the verdict of the matcher that would stop it (the first, in the order of
 * {@code mailetcontainer.xml}, that calls it a look-alike: it takes the recipient off the mail before the later ones
 * see it), else of the first matcher; {@code matchers} has each one's verdict.
 */
public final class CheckDto {
    private final String address;
    private final List<MatcherCheckDto> matchers;
    private final MatcherCheckDto deciding;
    private final Optional<String> allowedAtRunTimeBy;

    /** @param matchers one per deployed matcher, in their order (at least one) */
    public CheckDto(String address, List<MatcherCheckDto> matchers, Optional<String> allowedAtRunTimeBy) {
        this.address = address;
        this.matchers = ImmutableList.copyOf(matchers);
        this.deciding = matchers.stream().filter(MatcherCheckDto::isLookalike).findFirst().orElse(matchers.get(0));
        this.allowedAtRunTimeBy = allowedAtRunTimeBy;
    }

    public String getAddress() {
        return address;
    }

    public String getDomain() {
        return deciding.verdict().domain();
    }

    /** lookalike, protected, clean or invalid. */
    public String getVerdict() {
        return deciding.getVerdict();
    }

    public Optional<String> getNearest() {
        return deciding.getNearest();
    }

    public Optional<String> getSuggestion() {
        return deciding.getSuggestion();
    }

    public Optional<String> getTechnique() {
        return deciding.getTechnique();
    }

    public List<String> getTechniques() {
        return deciding.getTechniques();
    }

    public int getScore() {
        return deciding.getScore();
    }

    public Optional<String> getBand() {
        return deciding.getBand();
    }

    public String getExplanation() {
        return deciding.getExplanation();
    }

    public Optional<String> getAllowedAtRunTimeBy() {
        return allowedAtRunTimeBy;
    }

    public boolean isWouldBeStopped() {
        return deciding.isLookalike() && allowedAtRunTimeBy.isEmpty();
    }

    /** The matcher that would stop it, if one would. */
    public Optional<String> getStoppedBy() {
        return isWouldBeStopped() ? Optional.of(deciding.getName()) : Optional.empty();
    }

    /** Every deployed matcher's verdict, in their order. */
    public List<MatcherCheckDto> getMatchers() {
        return matchers;
    }
}
