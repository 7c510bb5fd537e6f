package dev.lookalikeguard.detect.technique;

import java.util.List;
import java.util.Optional;

import com.ibm.icu.lang.UCharacter;

import dev.lookalikeguard.detect.Candidate;
import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.Finding;
import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.detect.ProtectedNames;
import dev.lookalikeguard.detect.Sensitivity;
import dev.lookalikeguard.detect.Skeletons;
import dev.lookalikeguard.detect.Technique;

/**
 * Characters that look alike: аrmy.mil with a Cyrillic а, arrny.mil (rn for m), m0d.uk (0 for o),
 * army.rnil. Compares UTS #39 skeletons of every tail of the domain with those of the protected names.
 */
public final class Homoglyph implements Technique {
    public static final String NAME = "homoglyph";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Finding> examine(Candidate candidate, ProtectedNames names, Sensitivity sensitivity) {
        DomainName domain = candidate.name();
        int count = domain.labels().size();
        String[] skeletons = Skeletons.ofTails(domain);
        for (int i = 0; i < count; i++) {
            String typed = domain.tail(i);
            Optional<String> target = names.withSkeleton(skeletons[i]);
            if (target.isPresent() && !target.get().equals(typed)) {
                String head = i > 0 ? domain.head(i) : "";
                boolean suffixOnly = names.isProtectedSuffix(target.get()) && names.exact(target.get()).isEmpty();
                if (suffixOnly && head.isEmpty()) {
                    continue;
                }
                String meant = head.isEmpty() ? target.get() : head + "." + target.get();
                String nearest = suffixOnly ? domain.labels().get(i - 1) + "." + target.get() : target.get();
                return Optional.of(new Finding(nearest, meant, List.of(NAME), 95,
                    domain.display() + " looks like " + meant + ": " + difference(domain.unicodeTail(i), target.get())));
            }
        }
        return Optional.empty();
    }

    private static String difference(String typed, String targetAscii) {
        String target;
        try {
            target = DomainName.parse(targetAscii).unicode();
        } catch (InvalidDomainException e) {
            target = targetAscii;
        }
        int start = 0;
        while (start < typed.length() && start < target.length() && typed.charAt(start) == target.charAt(start)) {
            start++;
        }
        int endTyped = typed.length();
        int endTarget = target.length();
        while (endTyped > start && endTarget > start && typed.charAt(endTyped - 1) == target.charAt(endTarget - 1)) {
            endTyped--;
            endTarget--;
        }
        String shown = typed.substring(start, endTyped);
        StringBuilder names = new StringBuilder();
        shown.codePoints().filter(cp -> cp > 0x7f).distinct().forEach(cp -> names.append(names.length() == 0 ? " (" : ", ")
            .append(String.format("U+%04X %s", cp, UCharacter.getName(cp))));
        if (names.length() > 0) {
            names.append(')');
        }
        return "'" + shown + "'" + names + " stands for '" + target.substring(start, endTarget) + "'";
    }
}
