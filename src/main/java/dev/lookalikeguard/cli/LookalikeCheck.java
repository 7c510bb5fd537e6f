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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.lookalikeguard.detect.Detector;
import dev.lookalikeguard.detect.Verdict;
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
 * {@code input verdict nearest technique score explanation} (empty fields as {@code -}); a summary on
 * standard error. Exit 0 on success, 2 on a bad condition or usage, 1 when the input cannot be read.
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
        "  --help, -h                  this text",
        "",
        "Exit status: 0 checked, 1 input could not be read, 2 bad condition or usage.");

    private LookalikeCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new InputStreamReader(System.in, StandardCharsets.UTF_8), System.out, System.err));
    }

    static int run(String[] args, Reader stdin, PrintStream out, PrintStream err) {
        String condition = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return OK;
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
        try (BufferedReader reader = files.isEmpty() || files.get(0).equals("-")
            ? new BufferedReader(stdin)
            : Files.newBufferedReader(Path.of(files.get(0)), StandardCharsets.UTF_8)) {
            check(reader, policy.detector(), out, err);
            return OK;
        } catch (IOException e) {
            err.println("cannot read " + (files.isEmpty() ? "standard input" : files.get(0)) + ": " + e.getMessage());
            return INPUT_ERROR;
        }
    }

    private static void check(BufferedReader reader, Detector detector, PrintStream out, PrintStream err)
            throws IOException {
        Map<Verdict.Kind, Integer> counts = new EnumMap<>(Verdict.Kind.class);
        long start = System.nanoTime();
        int lines = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines++;
            Verdict verdict = detector.check(InputLine.domainOf(line));
            counts.merge(verdict.kind(), 1, Integer::sum);
            out.println(String.join("\t", field(line), verdict.kind().label(), field(verdict.nearest().orElse("")),
                field(verdict.technique().orElse("")), verdict.isLookalike() ? String.valueOf(verdict.score()) : "-",
                field(verdict.explanation())));
        }
        out.flush();
        long millis = (System.nanoTime() - start) / 1_000_000;
        err.printf("checked %d line(s) in %d ms: %d lookalike, %d protected, %d clean, %d invalid%n", lines, millis,
            counts.getOrDefault(Verdict.Kind.LOOKALIKE, 0), counts.getOrDefault(Verdict.Kind.PROTECTED, 0),
            counts.getOrDefault(Verdict.Kind.CLEAN, 0), counts.getOrDefault(Verdict.Kind.INVALID, 0));
    }

    private static String field(String value) {
        String oneLine = value.replaceAll("[\\t\\r\\n]+", " ").strip();
        return oneLine.isEmpty() ? "-" : oneLine;
    }
}
