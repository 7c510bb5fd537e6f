package dev.lookalikeguard.webadmin;

import java.util.Optional;

import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.state.HeldKey;
import dev.lookalikeguard.state.HeldMail;

/**
 * Which held entries a request is about: by sender, and by domain (the recipient's domain, the protected name
 * it resembles, or a parent of either). Decided from the key alone where the key says "certainly not", else from
 * the entry. Immutable.
 */
final class QuarantineFilter {
    private final Optional<String> sender;
    private final Optional<String> domain;
    private final Optional<HeldKey.Digest> senderDigest;
    private final Optional<HeldKey.Digest> domainDigest;

    private QuarantineFilter(Optional<String> sender, Optional<String> domain) {
        this.sender = sender;
        this.domain = domain;
        this.senderDigest = sender.map(HeldKey.Digest::of);
        this.domainDigest = domain.map(HeldKey.Digest::of);
    }

    /** From the {@code sender} and {@code domain} parameters, validated (400 otherwise). */
    static QuarantineFilter of(QueryParameters parameters) {
        Optional<String> sender = parameters.text("sender")
            .map(value -> QueryParameters.address("query parameter 'sender'", value));
        Optional<String> domain = parameters.text("domain");
        if (domain.isPresent()) {
            try {
                domain = Optional.of(DomainName.parse(domain.get()).ascii());
            } catch (InvalidDomainException e) {
                throw QueryParameters.badRequest("query parameter 'domain' is not a domain name: '" + domain.get() + "'");
            }
        }
        return new QuarantineFilter(sender, domain);
    }

    boolean isEmpty() {
        return sender.isEmpty() && domain.isEmpty();
    }

    /** False when the key proves the entry does not match; true when it may (read it to be sure). */
    boolean mayMatch(HeldKey key) {
        return senderDigest.map(key::mayBeFrom).orElse(true) && domainDigest.map(key::mayConcern).orElse(true);
    }

    /** Whether the key alone cannot settle a match that {@link #mayMatch} allows (a key too short for its names). */
    boolean needsEntry(HeldKey key) {
        return domain.isPresent() && key.overflow();
    }

    boolean matches(HeldMail held) {
        return sender.map(held::isFrom).orElse(true) && domain.map(held::concerns).orElse(true);
    }
}
