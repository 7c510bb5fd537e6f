package dev.lookalikeguard.webadmin.dto;

import java.util.List;

/** One page of the counted recipient domains, by domain. */
public final class LearnedNamesPageDto {
    private final String learning;
    private final int learnedNow;
    private final int total;
    private final int offset;
    private final int limit;
    private final List<LearnedNameDto> names;

    public LearnedNamesPageDto(String learning, int learnedNow, int total, int offset, int limit, List<LearnedNameDto> names) {
        this.learning = learning;
        this.learnedNow = learnedNow;
        this.total = total;
        this.offset = offset;
        this.limit = limit;
        this.names = List.copyOf(names);
    }

    /** The threshold in force ({@code 15 days, 8 senders, 180 days idle}), or {@code off}. */
    public String getLearning() {
        return learning;
    }

    /** How many names the matchers use now (this node's snapshot). */
    public int getLearnedNow() {
        return learnedNow;
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

    public List<LearnedNameDto> getNames() {
        return names;
    }
}
