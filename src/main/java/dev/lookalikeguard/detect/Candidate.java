package dev.lookalikeguard.detect;

import java.util.Optional;

/**
 * A recipient domain cut where it would be registered: {@code mail.amry.mil} is prefix {@code mail},
 * label {@code amry}, suffix {@code mil}. The suffix is the longest protected suffix the domain is under,
 * else its registry suffix from the Public Suffix List, else its last label.
 */
public final class Candidate {
    private final DomainName name;
    private final int suffixStart;
    private final boolean underProtectedSuffix;
    private final boolean suffixIsRegistrySuffix;

    private Candidate(DomainName name, int suffixStart, boolean underProtectedSuffix, boolean suffixIsRegistrySuffix) {
        this.name = name;
        this.suffixStart = suffixStart;
        this.underProtectedSuffix = underProtectedSuffix;
        this.suffixIsRegistrySuffix = suffixIsRegistrySuffix;
    }

    static Candidate of(DomainName name, ProtectedNames names) {
        String ascii = name.ascii();
        Optional<String> protectedSuffix = names.longestProtectedSuffixStrictlyAbove(ascii);
        if (protectedSuffix.isPresent()) {
            return new Candidate(name, labelCount(protectedSuffix.get(), name), true,
                PublicSuffixes.isRegistrySuffix(protectedSuffix.get()));
        }
        Optional<String> registrySuffix = PublicSuffixes.registrySuffixStrictlyAbove(ascii);
        if (registrySuffix.isPresent()) {
            return new Candidate(name, labelCount(registrySuffix.get(), name), false, true);
        }
        int count = name.labels().size();
        return new Candidate(name, Math.max(0, count - 1), false, false);
    }

    private static int labelCount(String suffix, DomainName name) {
        int suffixLabels = 1;
        for (int i = 0; i < suffix.length(); i++) {
            if (suffix.charAt(i) == '.') {
                suffixLabels++;
            }
        }
        return name.labels().size() - suffixLabels;
    }

    public DomainName name() {
        return name;
    }

    /** The suffix part (mil, gov.uk, com, or the unknown last label). */
    public String suffix() {
        return name.tail(suffixStart);
    }

    /** Whether there is a label left of the suffix. */
    public boolean hasLabel() {
        return suffixStart > 0;
    }

    /** The registrable label: the one just left of the suffix. */
    public String label() {
        return name.labels().get(suffixStart - 1);
    }

    /** The labels left of the registrable label, joined, possibly empty (mail in mail.army.ml). */
    public String prefix() {
        return suffixStart > 1 ? name.head(suffixStart - 1) : "";
    }

    /** Everything left of the suffix (mail.army in mail.army.ml), possibly empty. */
    public String beforeSuffix() {
        return name.head(suffixStart);
    }

    public boolean underProtectedSuffix() {
        return underProtectedSuffix;
    }

    public boolean suffixIsRegistrySuffix() {
        return suffixIsRegistrySuffix;
    }

    /** {@code prefix.label.suffix} with the given label and suffix: what the sender probably meant. */
    public String rebuilt(String newLabel, String newSuffix) {
        String prefix = prefix();
        return (prefix.isEmpty() ? "" : prefix + ".") + newLabel + "." + newSuffix;
    }
}
