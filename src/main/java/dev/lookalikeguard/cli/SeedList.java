package dev.lookalikeguard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.detect.score.Finding;
import dev.lookalikeguard.detect.score.Scoring;
import dev.lookalikeguard.learn.LearnedNames;
import dev.lookalikeguard.policy.Policy;

/**
 * The seed format of the learned correspondents: a JSON list of domains, {@code ["baesystems.com", "nato.int"]},
 * what {@code POST /lookalike/learned} takes and {@code GET /lookalike/learned/export} gives; reading also accepts one
 * domain per line ({@code #} comments). And a seed made from last month's recipients (addresses, one per line, as the
 * checker reads them): their distinct domains, less what should not become familiar.
 */
final class SeedList {
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");

    private SeedList() {
    }

    /** The domains of a seed (JSON list or one per line), canonical ASCII. */
    static List<String> read(String text) throws IllegalArgumentException {
        String body = text.strip();
        List<String> values = new ArrayList<>();
        if (body.startsWith("{")) {
            throw new IllegalArgumentException("not a JSON list of domains such as [\"baesystems.com\", \"nato.int\"]");
        }
        if (body.startsWith("[")) {
            Matcher strings = STRING.matcher(body);
            StringBuilder rest = new StringBuilder();
            int last = 0;
            while (strings.find()) {
                rest.append(body, last, strings.start()).append(' ');
                values.add(strings.group(1));
                last = strings.end();
            }
            rest.append(body.substring(last));
            if (!rest.toString().replaceAll("[\\s,]", "").equals("[]")) {
                throw new IllegalArgumentException("not a JSON list of domains such as [\"baesystems.com\", \"nato.int\"]");
            }
        } else {
            for (String line : body.split("\\R")) {
                String value = line.replaceFirst("#.*", "").strip();
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
        }
        List<String> domains = new ArrayList<>();
        for (String value : values) {
            try {
                domains.add(learnable(value));
            } catch (InvalidDomainException e) {
                throw new IllegalArgumentException("'" + value + "' is " + e.getMessage(), e);
            }
        }
        return domains;
    }

    /** A list of domains in the seed format, one per line. */
    static String write(List<String> domains) {
        if (domains.isEmpty()) {
            return "[]";
        }
        return domains.stream().map(domain -> "  \"" + domain + "\"").collect(Collectors.joining(",\n", "[\n", "\n]"));
    }

    private static String learnable(String value) throws InvalidDomainException {
        return DomainName.parseBelowPublicSuffix(value, "a bare public suffix or top-level name, not a name one writes to");
    }

    /** What {@link #fromRecipients} made: the seed and, in words, what it left out. */
    static final class Seed {
        final List<String> domains;
        final List<String> leftOut;
        final long lines;

        Seed(List<String> domains, List<String> leftOut, long lines) {
            this.domains = domains;
            this.leftOut = leftOut;
            this.lines = lines;
        }
    }

    /**
     * The distinct recipient domains of a list of recipients, in the seed format's order (by domain). Left out,
     * each with the reason: lines that are no domain or address; domains the condition (if given) calls a look-alike
     * of a protected name, or protects already; and a domain written to on one line only that is a near miss of one written to on
     * several (a mistyped address of last month must not become familiar).
     */
    static Seed fromRecipients(BufferedReader reader, Optional<Policy> policy) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        List<String> leftOut = new ArrayList<>();
        long count = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            count++;
            String domain = InputLine.domainOf(line);
            try {
                lines.merge(learnable(domain), 1, Integer::sum);
            } catch (InvalidDomainException e) {
                leftOut.add("'" + line.strip() + "': " + e.getMessage());
            }
        }
        Set<String> kept = new LinkedHashSet<>();
        if (policy.isPresent()) {
            for (String domain : lines.keySet()) {
                Verdict verdict = policy.get().detector().check(domain);
                if (verdict.isLookalike()) {
                    leftOut.add(domain + ": " + verdict.explanation());
                } else if (verdict.kind() == Verdict.Kind.PROTECTED) {
                    leftOut.add(domain + ": already protected (" + verdict.explanation() + ")");
                } else {
                    kept.add(domain);
                }
            }
        } else {
            kept.addAll(lines.keySet());
        }
        List<String> frequent = kept.stream().filter(domain -> lines.get(domain) > 1).collect(Collectors.toList());
        LearnedNames familiar = LearnedNames.of(frequent);
        for (String domain : new ArrayList<>(kept)) {
            if (lines.get(domain) > 1) {
                continue;
            }
            Optional<Finding> near = examine(familiar, domain);
            if (near.isPresent()) {
                kept.remove(domain);
                leftOut.add(domain + ": written to once, and a near miss of " + near.get().nearest() + " (written to "
                    + lines.get(near.get().nearest()) + " times)");
            }
        }
        List<String> domains = kept.stream().sorted(Comparator.naturalOrder()).collect(Collectors.toList());
        return new Seed(domains, leftOut, count);
    }

    private static Optional<Finding> examine(LearnedNames familiar, String domain) {
        try {
            return familiar.examine(DomainName.parse(domain)).filter(f -> f.score() >= Scoring.BALANCED_THRESHOLD);
        } catch (InvalidDomainException e) {
            return Optional.empty();
        }
    }
}
