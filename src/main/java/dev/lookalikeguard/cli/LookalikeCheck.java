package dev.lookalikeguard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.lookalikeguard.detect.Detector;
import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.learn.LearnedNames;
import dev.lookalikeguard.policy.Policy;
import dev.lookalikeguard.policy.PolicyException;

/**
 * The admin's dry run: checks a list of domains or addresses against a condition, exactly as the
 * matcher would, before the condition is deployed.
 *
 * <pre>
 * java -jar james-lookalike-guard-VERSION-cli.jar --condition 'suffixes: mil, gov; domains: army.mil' [FILE]
 * </pre>
 * One output line per input line, tab-separated:
 * {@code input verdict nearest technique score explanation} (empty fields as {@code -}); a summary with
 * the lines checked per second on standard error. Exit 0 on success, 2 on a bad condition or usage, 1
 * when the input cannot be read.
 *
 * <p>{@code --learned FILE} checks as if the domains of FILE (the seed format: see {@link SeedList}) were learned
 * names (the condition needs {@code learn: on}); {@code --seed-from FILE} prints, in that format, the distinct
 * recipient domains of a list of last month's recipients, to seed a new deployment
 * ({@code POST /lookalike/learned}).
 */
public final class LookalikeCheck {
    static final int OK = 0;
    static final int INPUT_ERROR = 1;
    static final int USAGE_ERROR = 2;

    private static final String USAGE = String.join("\n",
        "Usage: java -jar james-lookalike-guard-cli.jar --condition 'CONDITION' [FILE]",
        "",
        "Checks domains or addresses, one per line, from FILE or standard input, against the same",
        "condition as in mailetcontainer.xml (RecipientIsLookalike=CONDITION), and prints one line per",
        "input line:",
        "  input<TAB>verdict<TAB>nearest<TAB>technique<TAB>score<TAB>explanation",
        "verdict is lookalike, protected, clean or invalid; empty fields are '-'.",
        "Lines may be domains (army.ml), addresses (j@army.ml) or full addresses (John <j@ARMY.ML>).",
        "",
        "Options:",
        "  --condition, -c CONDITION   the matcher condition, e.g. 'suffixes: mil, gov; domains: army.mil'",
        "  --learned FILE              check as if the domains of FILE were learned names (needs 'learn: on'",
        "                              in the condition); FILE is a JSON list of domains, as WebAdmin's",
        "                              GET /lookalike/learned/export gives, or one domain per line",
        "  --seed-from FILE            instead of checking: print the distinct recipient domains of FILE (last",
        "                              month's recipients, one address per line) as a JSON list for WebAdmin's",
        "                              POST /lookalike/learned; left out (told on standard error): lines that are",
        "                              no address, look-alikes of the condition's names and names it protects",
        "                              already (with --condition), and a domain seen once that is a near miss",
        "                              of one seen more often",
        "  --help, -h                  this text",
        "",
        "Exit status: 0 checked, 1 input could not be read, 2 bad condition or usage.");

    /** Output is handed to the stream in chunks of about this many characters. */
    private static final int OUTPUT_CHUNK = 1 << 15;
    private static final String LINE_SEPARATOR = System.lineSeparator();

    private LookalikeCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new InputStreamReader(System.in, StandardCharsets.UTF_8), System.out, System.err));
    }

    static int run(String[] args, Reader stdin, PrintStream out, PrintStream err) {
        String condition = null;
        String learnedFile = null;
        String seedFile = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return OK;
            } else if (arg.equals("--learned") || arg.equals("--seed-from")) {
                if (i + 1 >= args.length) {
                    err.println(arg + " needs a FILE\n\n" + USAGE);
                    return USAGE_ERROR;
                }
                if (arg.equals("--learned")) {
                    learnedFile = args[++i];
                } else {
                    seedFile = args[++i];
                }
            } else if (arg.equals("--condition") || arg.equals("-c")) {
                if (i + 1 >= args.length) {
                    err.println("--condition needs a value\n\n" + USAGE);
                    return USAGE_ERROR;
                }
                condition = args[++i];
            } else if (arg.startsWith("--condition=")) {
                condition = arg.substring("--condition=".length());
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                err.println("unknown option " + arg + "\n\n" + USAGE);
                return USAGE_ERROR;
            } else {
                files.add(arg);
            }
        }
        if (seedFile != null) {
            if (!files.isEmpty() || learnedFile != null) {
                err.println("--seed-from takes no other FILE and no --learned\n\n" + USAGE);
                return USAGE_ERROR;
            }
            return seed(seedFile, condition, out, err);
        }
        if (condition == null) {
            err.println("--condition is required\n\n" + USAGE);
            return USAGE_ERROR;
        }
        if (files.size() > 1) {
            err.println("give at most one FILE (or none to read standard input)\n\n" + USAGE);
            return USAGE_ERROR;
        }
        Policy policy;
        try {
            policy = Policy.parse(condition);
        } catch (PolicyException e) {
            err.println("RecipientIsLookalike: bad condition: " + e.getMessage());
            return USAGE_ERROR;
        }
        policy.warnings().forEach(warning -> err.println("warning: condition: " + warning));
        LearnedNames learned = LearnedNames.none();
        if (learnedFile != null) {
            if (policy.learning().isEmpty()) {
                err.println("--learned needs 'learn: on' in the condition (as the matcher would have it)");
                return USAGE_ERROR;
            }
            try {
                learned = LearnedNames.of(SeedList.read(Files.readString(Path.of(learnedFile), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                err.println("cannot read " + learnedFile + ": " + e.getMessage());
                return INPUT_ERROR;
            } catch (IllegalArgumentException e) {
                err.println("--learned " + learnedFile + ": " + e.getMessage());
                return USAGE_ERROR;
            }
            err.println("learned names: " + learned.size() + " from " + learnedFile);
        }
        try (BufferedReader reader = files.isEmpty() || files.get(0).equals("-")
            ? new BufferedReader(stdin)
            : Files.newBufferedReader(Path.of(files.get(0)), StandardCharsets.UTF_8)) {
            err.println(check(reader, policy, learned, out));
            return OK;
        } catch (IOException e) {
            err.println("cannot read " + (files.isEmpty() ? "standard input" : files.get(0)) + ": " + e.getMessage());
            return INPUT_ERROR;
        }
    }

    /**
     * Checks every line and prints its verdict line; output goes out in large chunks (one write per
     * chunk, not per line), so that a checker on a pipe or a file is not bound by system calls.
     */
    static Summary check(BufferedReader reader, Detector detector, PrintStream out) throws IOException {
        return check(reader, new Checker() {
            @Override
            public Verdict check(String domain) {
                return detector.check(domain);
            }
        }, out);
    }

    /** As the matcher checks: the policy's detector, and the learned names when the condition has learn: on. */
    static Summary check(BufferedReader reader, Policy policy, LearnedNames learned, PrintStream out) throws IOException {
        return check(reader, domain -> policy.check(domain, learned), out);
    }

    private interface Checker {
        Verdict check(String domain);
    }

    private static int seed(String file, String condition, PrintStream out, PrintStream err) {
        java.util.Optional<Policy> policy = java.util.Optional.empty();
        if (condition != null) {
            try {
                policy = java.util.Optional.of(Policy.parse(condition));
            } catch (PolicyException e) {
                err.println("RecipientIsLookalike: bad condition: " + e.getMessage());
                return USAGE_ERROR;
            }
        }
        try (BufferedReader reader = file.equals("-") ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
            : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            SeedList.Seed seed = SeedList.fromRecipients(reader, policy);
            out.println(SeedList.write(seed.domains));
            out.flush();
            seed.leftOut.forEach(reason -> err.println("left out " + reason));
            err.println("seed: " + seed.domains.size() + " distinct domain(s) from " + seed.lines + " line(s), "
                + seed.leftOut.size() + " left out");
            return OK;
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return INPUT_ERROR;
        }
    }

    private static Summary check(BufferedReader reader, Checker checker, PrintStream out) throws IOException {
        int[] counts = new int[Verdict.Kind.values().length];
        StringBuilder chunk = new StringBuilder(OUTPUT_CHUNK + 4096);
        long start = System.nanoTime();
        long lines = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines++;
            Verdict verdict = checker.check(InputLine.domainOf(line));
            counts[verdict.kind().ordinal()]++;
            appendField(chunk, line).append('\t').append(verdict.kind().label()).append('\t');
            appendField(chunk, verdict.nearest().orElse("")).append('\t');
            appendField(chunk, verdict.technique().orElse("")).append('\t');
            if (verdict.isLookalike()) {
                chunk.append(verdict.score());
            } else {
                chunk.append('-');
            }
            appendField(chunk.append('\t'), verdict.explanation()).append(LINE_SEPARATOR);
            if (chunk.length() >= OUTPUT_CHUNK) {
                out.append(chunk);
                chunk.setLength(0);
            }
        }
        out.append(chunk);
        out.flush();
        return new Summary(lines, counts, System.nanoTime() - start);
    }

    /**
     * Appends {@code value} as one output field: runs of tabs and line breaks become one space, white
     * space at both ends is dropped, and an empty field is written {@code -}.
     */
    static StringBuilder appendField(StringBuilder out, String value) {
        int start = 0;
        int end = value.length();
        while (start < end && Character.isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return out.append('-');
        }
        boolean inBreak = false;
        int copied = start;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\r' || c == '\n') {
                if (!inBreak) {
                    out.append(value.substring(copied, i)).append(' ');
                    inBreak = true;
                }
                copied = i + 1;
            } else {
                inBreak = false;
            }
        }
        if (copied == 0 && end == value.length()) {
            // The usual field, nothing to drop or replace: appended whole (a block copy; the ranged append below
            // copies character by character, which profiling showed as a tenth of the checker's time).
            return out.append(value);
        }
        return out.append(value.substring(copied, end));
    }

    /** What one run checked: lines, verdicts per kind, and how long the checking took (reading, checking, printing). */
    static final class Summary {
        final long lines;
        private final int[] counts;
        final long nanos;

        Summary(long lines, int[] counts, long nanos) {
            this.lines = lines;
            this.counts = counts.clone();
            this.nanos = nanos;
        }

        int count(Verdict.Kind kind) {
            return counts[kind.ordinal()];
        }

        long linesPerSecond() {
            return nanos == 0 ? 0 : Math.round(lines * 1e9 / nanos);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "checked %d line(s) in %d ms (%d lines/s): %d lookalike, %d protected, %d clean, "
                + "%d invalid", lines, nanos / 1_000_000, linesPerSecond(), count(Verdict.Kind.LOOKALIKE),
                count(Verdict.Kind.PROTECTED), count(Verdict.Kind.CLEAN), count(Verdict.Kind.INVALID));
        }
    }
}
