package dev.lookalikeguard.webadmin.dto;

import java.util.List;
import java.util.Optional;

import org.apache.james.core.MailAddress;

import dev.lookalikeguard.detect.score.Scoring;
import dev.lookalikeguard.state.RecipientVerdict;

/** A held recipient and the verdict that stopped it. */
public final class HeldRecipientDto {
    private final String address;
    private final Optional<RecipientVerdict> verdict;

    private HeldRecipientDto(String address, Optional<RecipientVerdict> verdict) {
        this.address = address;
        this.verdict = verdict;
    }

    static HeldRecipientDto of(MailAddress recipient, Optional<RecipientVerdict> verdict) {
        return new HeldRecipientDto(recipient.asString(), verdict);
    }

    public String getAddress() {
        return address;
    }

    /** {@code lookalike}, or {@code check-failed} (held because the check itself failed); empty without a verdict. */
    public String getStatus() {
        return verdict.map(v -> v.status().label()).orElse("");
    }

    public String getDomain() {
        return verdict.map(RecipientVerdict::domain).orElse(address.substring(address.lastIndexOf('@') + 1));
    }

    /** The protected name it resembles (army.mil), or empty. */
    public String getNearest() {
        return verdict.flatMap(RecipientVerdict::nearest).orElse("");
    }

    /** The techniques joined with {@code +} (as in the logs and notices), or empty. */
    public String getTechnique() {
        return verdict.filter(v -> !v.techniques().isEmpty()).map(RecipientVerdict::techniquesText).orElse("");
    }

    public List<String> getTechniques() {
        return verdict.map(RecipientVerdict::techniques).orElse(List.of());
    }

    public int getScore() {
        return verdict.map(RecipientVerdict::score).orElse(0);
    }

    /** certain, likely, possible or weak; empty when the check failed. */
    public String getBand() {
        return verdict.flatMap(RecipientVerdict::band).map(Scoring.Band::label).orElse("");
    }

    public String getExplanation() {
        return verdict.map(RecipientVerdict::explanation).orElse("");
    }
}
