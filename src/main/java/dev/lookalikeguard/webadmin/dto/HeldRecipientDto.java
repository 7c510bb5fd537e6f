package dev.lookalikeguard.webadmin.dto;

import java.util.Optional;

import org.apache.james.core.MailAddress;

import dev.lookalikeguard.state.RecipientVerdict;

/** A held recipient and the verdict that stopped it. */
public final class HeldRecipientDto {
    private final String address;
    private final String domain;
    private final String nearest;
    private final String technique;
    private final int score;
    private final String explanation;

    private HeldRecipientDto(String address, String domain, String nearest, String technique, int score, String explanation) {
        this.address = address;
        this.domain = domain;
        this.nearest = nearest;
        this.technique = technique;
        this.score = score;
        this.explanation = explanation;
    }

    static HeldRecipientDto of(MailAddress recipient, Optional<RecipientVerdict> verdict) {
        return verdict.map(v -> new HeldRecipientDto(recipient.asString(), v.domain(), v.nearest(), v.technique(), v.score(),
                v.explanation()))
            .orElse(new HeldRecipientDto(recipient.asString(), recipient.getDomain().asString(), "", "", 0, ""));
    }

    public String getAddress() {
        return address;
    }

    public String getDomain() {
        return domain;
    }

    /** The protected name it resembles (army.mil), or empty. */
    public String getNearest() {
        return nearest;
    }

    public String getTechnique() {
        return technique;
    }

    public int getScore() {
        return score;
    }

    public String getExplanation() {
        return explanation;
    }
}
