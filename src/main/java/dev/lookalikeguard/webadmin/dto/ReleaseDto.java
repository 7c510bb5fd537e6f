package dev.lookalikeguard.webadmin.dto;

import java.util.List;

/** What a release did: the entries released, into which processor, and the domains allowed with it. */
public final class ReleaseDto {
    private final List<String> released;
    private final String processor;
    private final List<String> allowed;

    public ReleaseDto(List<String> released, String processor, List<String> allowed) {
        this.released = List.copyOf(released);
        this.processor = processor;
        this.allowed = List.copyOf(allowed);
    }

    public List<String> getReleased() {
        return released;
    }

    public String getProcessor() {
        return processor;
    }

    public List<String> getAllowed() {
        return allowed;
    }
}
