package dev.lookalikeguard.detect.technique;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.Sets;

import dev.lookalikeguard.detect.name.ProtectedNames;
import dev.lookalikeguard.detect.name.Registrable;
import dev.lookalikeguard.detect.score.Evidence;
import dev.lookalikeguard.detect.score.Evidence.Shape;
import dev.lookalikeguard.detect.score.Finding;

/**
 * A protected label with a word, a hyphen or digits added before or after it, under any suffix:
 * dfas-login.com, navymail.net, secure-army.org, africomhr.mil. No word list: any addition counts, and the
 * score says how distinctive the protected label is and how the addition is joined (see {@code Scoring}).
 * Searched for the names the admin listed (every known name too at paranoid).
 */
public final class Combosquatting implements Technique {
    public static final String NAME = "combosquatting";
    private static final Set<Shape> SHAPES = Sets.immutableEnumSet(Shape.WORD_ADDED);
    /**
     * Under another suffix, protected labels shorter than this are only matched where a hyphen or digits
     * set them apart (dea-21olympic, not dealer); under their own suffix they are matched anywhere.
     */
    private static final int MIN_EMBEDDED = 4;
    private static final int MIN_LABEL = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Shape> shapes() {
        return SHAPES;
    }

    @Override
    public Optional<Finding> examine(Candidate candidate, ProtectedNames names) {
        if (!candidate.hasLabel()) {
            return Optional.empty();
        }
        String label = candidate.label();
        // The label is a stretch of the visual name, whose prefix hashes are at hand: no hashes of its own.
        int labelStart = candidate.start(candidate.suffixStart() - 1);
        Finding best = null;
        int[] lengths = names.crossSuffixLabelLengths();
        for (int length : lengths) {
            if (length >= label.length()) {
                break;
            }
            if (length < MIN_LABEL) {
                continue;
            }
            best = better(best, at(candidate, names, label, labelStart, 0, length));
            best = better(best, at(candidate, names, label, labelStart, label.length() - length, length));
        }
        if (label.indexOf('-') > 0) {
            int start = 0;
            while (start < label.length()) {
                int end = label.indexOf('-', start);
                end = end < 0 ? label.length() : end;
                if (start > 0 && end < label.length()) {
                    best = better(best, at(candidate, names, label, labelStart, start, end - start));
                }
                start = end + 1;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The added-word finding for {@code label[from, from + length)} (the label starts at {@code labelStart} in the visual name). */
    private static Finding at(Candidate candidate, ProtectedNames names, String label, int labelStart, int from, int length) {
        int at = labelStart + from;
        List<Registrable> targets = names.crossSuffixLabelled(candidate.visualHashes(), at, at + length);
        if (targets.isEmpty()) {
            return null;
        }
        int tokenStart = label.lastIndexOf('-', from - 1) + 1;
        int tokenEnd = label.indexOf('-', from + length);
        String token = label.substring(tokenStart, tokenEnd < 0 ? label.length() : tokenEnd);
        if (token.length() > length && names.isCommonWord(token)) {
            return null; // antagonist is a word, not nist with a word added
        }
        String before = label.substring(0, from);
        String after = label.substring(from + length);
        boolean separated = separates(before, true) || separates(after, false);
        if (!hasLetterOrDigit(before + after)) {
            return null;
        }
        Finding best = null;
        for (Registrable target : targets) {
            boolean sameSuffix = target.suffix().equals(candidate.suffix());
            if (length < MIN_EMBEDDED && !separated && !sameSuffix) {
                continue;
            }
            Evidence evidence = Evidence.of(Shape.WORD_ADDED, candidate.placement()).withGlyphs(0, candidate.folded())
                .withTarget(length, target.listed(), target.commonWord()).withWord(separated, sameSuffix);
            best = better(best, new Finding(target.name(), candidate.rebuilt(target.label(), target.suffix()),
                List.of(NAME), evidence, () -> candidate.display() + " looks like " + target.name() + ": '"
                    + (before + after).replace("-", "") + "' was added to " + target.label() + (sameSuffix ? "" : " and the name put under " + candidate.suffix())));
        }
        return best;
    }

    /** Whether the added text ends (before the label) or starts (after it) with a hyphen or a digit. */
    private static boolean separates(String added, boolean before) {
        if (added.isEmpty()) {
            return false;
        }
        char c = before ? added.charAt(added.length() - 1) : added.charAt(0);
        return c == '-' || (c >= '0' && c <= '9');
    }

    private static boolean hasLetterOrDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-') {
                return true;
            }
        }
        return false;
    }

    private static Finding better(Finding best, Finding candidate) {
        return candidate != null && candidate.beats(best) ? candidate : best;
    }
}
