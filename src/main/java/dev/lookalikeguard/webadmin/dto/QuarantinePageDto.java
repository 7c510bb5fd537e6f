package dev.lookalikeguard.webadmin.dto;

import java.util.List;

/** One page of the quarantine, newest first. */
public final class QuarantinePageDto {
    private final int total;
    private final int offset;
    private final int limit;
    private final List<HeldMailDto> mails;

    public QuarantinePageDto(int total, int offset, int limit, List<HeldMailDto> mails) {
        this.total = total;
        this.offset = offset;
        this.limit = limit;
        this.mails = List.copyOf(mails);
    }

    /** How many entries match the filter, on every page. */
    public int getTotal() {
        return total;
    }

    public int getOffset() {
        return offset;
    }

    public int getLimit() {
        return limit;
    }

    public List<HeldMailDto> getMails() {
        return mails;
    }
}
