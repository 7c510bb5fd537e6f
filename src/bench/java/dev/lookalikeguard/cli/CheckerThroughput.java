package dev.lookalikeguard.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import dev.lookalikeguard.detect.Detector;
import dev.lookalikeguard.policy.Policy;
import dev.lookalikeguard.policy.PolicyException;

/**
 * The checker's steady-state throughput in-process (no JVM start, no index build): the checker's own
 * loop ({@link LookalikeCheck#check}) over a file of mixed lines written from the eval-dev corpus,
 * output to a file, round after round; and, on the same lines, the engine alone
 * ({@code detector.check(InputLine.domainOf(line))} over lines already in memory), so that the
 * checker's time splits into engine and reading/formatting/writing.
 */
public final class CheckerThroughput {
    /** Lines/s of the checker and of the engine alone, per round (warm-up rounds first), by the clock and per CPU second. */
    public static final class Result {
        public final long lines;
        public final int warmupRounds;
        /** Per round, warm-up rounds included: lines per second of wall-clock time, and per second of this thread's CPU time. */
        public final double[] checkerWall;
        public final double[] checkerCpu;
        public final double[] engineWall;
        public final double[] engineCpu;

        Result(long lines, int warmupRounds, double[] checkerWall, double[] checkerCpu, double[] engineWall, double[] engineCpu) {
            this.lines = lines;
            this.warmupRounds = warmupRounds;
            this.checkerWall = checkerWall.clone();
            this.checkerCpu = checkerCpu.clone();
            this.engineWall = engineWall.clone();
            this.engineCpu = engineCpu.clone();
        }

        public int rounds() {
            return checkerWall.length - warmupRounds;
        }

        /** Median over the measured rounds (after the warm-up rounds). */
        public double steady(double[] perRound) {
            return median(Arrays.copyOfRange(perRound, warmupRounds, perRound.length));
        }

        /** The share of the checker's CPU time spent in the engine (domain extraction and check). */
        public double engineShare() {
            return steady(checkerCpu) / steady(engineCpu);
        }
    }

    private CheckerThroughput() {
    }

    /**
     * Writes {@code lines} mixed lines to {@code file}: every input of positives.tsv, negatives.tsv
     * (protected and ordinary) and mailproviders.tsv drawn at random, 40% as a bare domain, 40% as
     * user@domain, 20% as {@code Name <u@domain>}, and 3% of the lines from addresses.tsv as written.
     */
    public static void writeMixedLines(Path evalDev, Path file, int lines) throws IOException {
        List<String> domains = new ArrayList<>();
        for (String corpus : List.of("positives.tsv", "negatives.tsv", "mailproviders.tsv")) {
            domains.addAll(firstColumn(evalDev.resolve(corpus)));
        }
        List<String> addresses = firstColumn(evalDev.resolve("addresses.tsv"));
        Random random = new Random(42);
        StringBuilder text = new StringBuilder(lines * 32);
        for (int i = 0; i < lines; i++) {
            double form = random.nextDouble();
            if (form < 0.03) {
                text.append(addresses.get(random.nextInt(addresses.size())));
            } else {
                String domain = domains.get(random.nextInt(domains.size()));
                double address = random.nextDouble();
                if (address < 0.4) {
                    text.append(domain);
                } else if (address < 0.8) {
                    text.append("user").append(random.nextInt(1000)).append('@').append(domain);
                } else {
                    text.append("User Name <u@").append(domain).append('>');
                }
            }
            text.append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<String> firstColumn(Path tsv) throws IOException {
        List<String> values = new ArrayList<>();
        List<String> rows = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            String first = row.split("\t", -1)[0];
            if (!first.isEmpty()) {
                values.add(first);
            }
        }
        return values;
    }

    /** Alternates checker and engine-only rounds over {@code input}; the first {@code warmup} rounds are the JVM's warm-up. */
    public static Result measure(String condition, Path input, Path output, int warmup, int rounds)
            throws IOException, PolicyException {
        Detector detector = Policy.parse(condition).detector();
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int all = warmup + rounds;
        double[] checkerWall = new double[all];
        double[] checkerCpu = new double[all];
        double[] engineWall = new double[all];
        double[] engineCpu = new double[all];
        long sink = 0;
        for (int round = 0; round < all; round++) {
            LookalikeCheck.Summary summary;
            long cpu = threads.getCurrentThreadCpuTime();
            try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                 PrintStream out = new PrintStream(new BufferedOutputStream(Files.newOutputStream(output), 1 << 16), false,
                     StandardCharsets.UTF_8)) {
                summary = LookalikeCheck.check(reader, detector, out);
            }
            checkerCpu[round] = summary.lines * 1e9 / (threads.getCurrentThreadCpuTime() - cpu);
            checkerWall[round] = summary.lines * 1e9 / summary.nanos;

            cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (String line : lines) {
                sink += detector.check(InputLine.domainOf(line)).kind().ordinal();
            }
            engineWall[round] = lines.size() * 1e9 / (System.nanoTime() - start);
            engineCpu[round] = lines.size() * 1e9 / (threads.getCurrentThreadCpuTime() - cpu);
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new Result(lines.size(), warmup, checkerWall, checkerCpu, engineWall, engineCpu);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** {@code CheckerThroughput CONDITION EVAL_DEV_DIR [WARMUP ROUNDS]}: prints lines/s (for quick runs). */
    public static void main(String[] args) throws Exception {
        Path input = Path.of("target", "bench", "checker-200k.txt");
        writeMixedLines(Path.of(args[1]), input, 200_000);
        Result result = measure(args[0], input, Path.of("target", "bench", "checker-out.tsv"),
            args.length > 2 ? Integer.parseInt(args[2]) : 4, args.length > 3 ? Integer.parseInt(args[3]) : 6);
        System.out.printf("checker %,.0f lines/s (%,.0f per CPU second) %s%nengine  %,.0f lines/s (%,.0f per CPU second) %s%n"
            + "engine share of the checker's CPU time %.0f%%%n", result.steady(result.checkerWall),
            result.steady(result.checkerCpu), Arrays.toString(result.checkerWall), result.steady(result.engineWall),
            result.steady(result.engineCpu), Arrays.toString(result.engineWall), 100 * result.engineShare());
    }
}
