package dev.lookalikeguard.webadmin.dto;

import java.util.List;
import java.util.Optional;

import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.state.DeployedMatcher;

/** The verdict of one deployed RecipientIsLookalike matcher on an address, named so that an admin can tell them apart. */
public final class MatcherCheckDto {
    private final DeployedMatcher matcher;
    private final Verdict verdict;

    public MatcherCheckDto(DeployedMatcher matcher, Verdict verdict) {
        this.matcher = matcher;
        this.verdict = verdict;
    }

    /** {@code RecipientIsLookalike #1}: numbered in the order of {@code mailetcontainer.xml}. */
    public String getName() {
        return matcher.name();
    }

    /** Its condition, as written. */
    public String getCondition() {
        return matcher.condition();
    }

    /** The lowest score it calls a look-alike. */
    public int getMinScore() {
        return matcher.minScore();
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

    /** The techniques joined with {@code +}, as in the logs. */
    public Optional<String> getTechnique() {
        return verdict.technique();
    }

    public List<String> getTechniques() {
        return verdict.techniques();
    }

    public int getScore() {
        return verdict.score();
    }

    /** certain, likely, possible or weak, for a look-alike. */
    public Optional<String> getBand() {
        return verdict.isLookalike() ? Optional.of(verdict.band().label()) : Optional.empty();
    }

    public String getExplanation() {
        return verdict.explanation();
    }

    /** Whether this matcher calls it a look-alike (and so would stop it, unless allowed at run time). */
    public boolean isLookalike() {
        return verdict.isLookalike();
    }

    Verdict verdict() {
        return verdict;
    }
}
