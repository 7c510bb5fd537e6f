package dev.lookalikeguard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import dev.lookalikeguard.cli.CheckerThroughput;
import dev.lookalikeguard.detect.Detector;
import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.it.GuardServer;
import dev.lookalikeguard.it.LoopbackReceiver;
import dev.lookalikeguard.it.SenderSide;
import dev.lookalikeguard.policy.Policy;

/**
 * Runs the benchmarks on the inputs of {@link BenchInputs} and prints one report (also written to
 * {@code target/benchmark-report.md}): per-check median and p99 per input kind and list size (JMH),
 * the naive scan on look-alikes, index build time and retained heap, the checker's lines per second
 * (in-process steady state, and the jar end to end), and mails per second through a real James with
 * and without the guard, the guard configured with the full eval-dev condition. Every section notes
 * the machine's load average. Run with {@code mvn -Pbench verify}; {@code -Dbench.parts=...} picks
 * sections ({@code engine,checker,e2e} by default; {@code profile} adds the JFR engine profile, {@code learn}
 * the learned-correspondents simulation).
 */
public final class BenchmarkReport {
    private static final int[] SIZES = {100, 1000, Integer.MAX_VALUE};
    private static final Set<String> PARTS = Set.of(System.getProperty("bench.parts", "engine,checker,e2e").split(","));
    private static final int WARMUP_ITERATIONS = Integer.getInteger("bench.jmh.warmup", 5);
    private static final int MEASUREMENT_ITERATIONS = Integer.getInteger("bench.jmh.iterations", 5);
    private static final int ITERATION_SECONDS = 2;
    private static final boolean NAIVE_ALL_KINDS = Boolean.getBoolean("bench.naive.all");
    private static final int CHECKER_LINES = 200_000;
    private static final int CHECKER_WARMUP_ROUNDS = 4;
    private static final int CHECKER_ROUNDS = 6;
    private static final int FORKS = Integer.getInteger("bench.jmh.forks", 1);
    private static final int E2E_MAILS = Integer.getInteger("bench.e2e.mails", 2000);
    private static final int E2E_RUNS = Integer.getInteger("bench.e2e.runs", 3);
    private static final int E2E_CONNECTIONS = 8;

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("Benchmark run ").append(LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES)).append(", ")
            .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
            .append(System.getProperty("java.version")).append("; ").append(BenchInputs.describe()).append("\n");
        report.append("Condition: ").append(BenchInputs.condition().text).append("\n");
        List<String> all = BenchInputs.names(Integer.MAX_VALUE);
        Detector full = BenchInputs.detector(all, false);
        List<String> sample = new ArrayList<>();
        for (String kind : BenchInputs.KINDS) {
            sample.addAll(Arrays.asList(BenchInputs.inputs(kind, Integer.MAX_VALUE)).subList(0,
                Math.min(2000, BenchInputs.inputs(kind, Integer.MAX_VALUE).length)));
        }
        BenchInputs.condition().checkSameAsPolicy(full, sample);
        report.append(String.format("The benchmark's detector gives the verdicts of Policy.parse(condition) on %,d sampled "
            + "inputs.%n", sample.size()));

        if (PARTS.contains("engine")) {
            engine(report, all, full);
        }
        if (PARTS.contains("checker")) {
            checker(report);
        }
        if (PARTS.contains("e2e")) {
            endToEnd(report, full);
        }
        if (PARTS.contains("learn")) {
            report.append(LearningSimulation.run());
        }
        if (PARTS.contains("profile")) {
            report.append('\n').append(load()).append('\n');
            report.append(EngineProfile.run(Integer.getInteger("bench.profile.warmup", 15),
                Integer.getInteger("bench.profile.seconds", 20)));
            report.append(load()).append('\n');
        }

        System.out.println();
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "benchmark-report.md"), report, StandardCharsets.UTF_8);
        System.exit(0);
    }

    /** The load average, as {@code uptime} shows it. */
    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "(load average " + fields[0] + ", " + fields[1] + ", " + fields[2] + ")";
        } catch (IOException | RuntimeException e) {
            return "(load average unknown)";
        }
    }

    // Engine

    private static void engine(StringBuilder report, List<String> all, Detector full) throws Exception {
        String loadBefore = load();
        Map<String, RunResult> results = jmh();
        report.append(String.format("%nPer check, every technique on (JMH sample time, %d fork(s) per row, %d × %d s warm-up, "
            + "%d × %d s measured; each row checks its kind's whole input set in a fixed shuffled order) %s → %s%n%n",
            FORKS, WARMUP_ITERATIONS, ITERATION_SECONDS, MEASUREMENT_ITERATIONS, ITERATION_SECONDS, loadBefore, load()));
        report.append("| input kind | inputs | flagged | names | median | p99 | mean | allocated/check | naive median "
            + "| naive mean | naive / indexed (medians; means) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String kind : BenchInputs.JMH_KINDS) {
            for (int size : SIZES) {
                List<String> names = BenchInputs.names(size);
                Detector detector = size == Integer.MAX_VALUE ? full : BenchInputs.detector(names, false);
                String[] inputs = BenchInputs.inputs(kind, size);
                int flagged = 0;
                for (String input : inputs) {
                    flagged += detector.check(input).kind() == Verdict.Kind.LOOKALIKE ? 1 : 0;
                }
                RunResult indexed = results.get(key(size, "indexed", kind));
                RunResult naive = results.get(key(size, "naive", kind));
                report.append(String.format("| %s | %,d | %.1f%% | %,d | %s | %s | %s | %s | %s | %s | %s |%n", kind,
                    inputs.length, 100.0 * flagged / inputs.length, names.size(), micros(percentile(indexed, 50)),
                    micros(percentile(indexed, 99)), micros(mean(indexed)), bytes(indexed),
                    naive == null ? "" : micros(percentile(naive, 50)), naive == null ? "" : micros(mean(naive)),
                    naive == null ? "" : times(percentile(naive, 50) / percentile(indexed, 50)) + "; "
                        + times(mean(naive) / mean(indexed))));
            }
        }
        report.append("\n(flagged: share of the kind's inputs the engine calls lookalike with that list size; allocated: JMH's "
            + "gc.alloc.rate.norm)\n");
        report.append("\nMedian at ~20,000 names ÷ median at 1,000 names (protected: 1,000 names against 20,126; "
            + "protected-1k: the same 1,000 names, the others configured too):");
        for (String kind : BenchInputs.JMH_KINDS) {
            report.append(String.format(" %s %.2f;", kind,
                percentile(results.get(key(Integer.MAX_VALUE, "indexed", kind)), 50)
                    / percentile(results.get(key(1000, "indexed", kind)), 50)));
        }
        report.append("\n");
        cpuPerCheck(report, full);
        report.append(LookalikeGroups.run(full));
        report.append("\n").append(load()).append("\n\n");
        report.append("| names | index build from the names (median of 5) | condition parsed, lists read (median of 3) "
            + "| retained heap |\n"
            + "|---:|---:|---:|---:|\n");
        for (int size : SIZES) {
            List<String> names = BenchInputs.names(size);
            report.append(String.format("| %,d | %,d ms | %s | %.1f MB |%n", names.size(), buildMillis(names),
                size == Integer.MAX_VALUE && BenchInputs.real() ? String.format("%,d ms", policyMillis()) : "",
                retainedBytes(names) / 1e6));
        }
        report.append(load()).append('\n');
    }

    /**
     * Mean time per check at the full lists measured in this JVM, by the clock and by the thread's CPU
     * time (which other processes on the machine do not inflate the way they inflate the clock), after
     * a warm-up on all kinds in turn, as a server sees them.
     */
    private static void cpuPerCheck(StringBuilder report, Detector full) throws Exception {
        String loadBefore = load();
        Map<String, String[]> inputs = new java.util.LinkedHashMap<>();
        for (String kind : BenchInputs.KINDS) {
            inputs.put(kind, BenchInputs.inputs(kind, Integer.MAX_VALUE));
        }
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int[] next = new int[BenchInputs.KINDS.size()];
        while (System.nanoTime() < warmupEnd) {
            for (int k = 0; k < next.length; k++) {
                next[k] = checks(full, inputs.get(BenchInputs.KINDS.get(k)), next[k], 1000);
            }
        }
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        report.append("\n| at ~20,000 names, this JVM, after 20 s of all kinds in turn | mean per check (clock) | mean per check "
            + "(thread CPU time) |\n|---|---:|---:|\n");
        for (int k = 0; k < next.length; k++) {
            String[] kindInputs = inputs.get(BenchInputs.KINDS.get(k));
            double[] wall = new double[5];
            double[] cpu = new double[5];
            for (int round = 0; round < wall.length; round++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                int count = 0;
                while (System.nanoTime() - start < 1_000_000_000L) {
                    next[k] = checks(full, kindInputs, next[k], 1000);
                    count += 1000;
                }
                wall[round] = (double) (System.nanoTime() - start) / count;
                cpu[round] = (double) (threads.getCurrentThreadCpuTime() - cpuStart) / count;
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            report.append(String.format("| %s | %s | %s |%n", BenchInputs.KINDS.get(k), micros(wall[2]), micros(cpu[2])));
        }
        report.append("(median of 5 one-second rounds each) ").append(loadBefore).append(" → ").append(load()).append('\n');
    }

    private static int sink;

    private static int checks(Detector detector, String[] inputs, int from, int count) {
        int next = from;
        for (int i = 0; i < count; i++) {
            sink += detector.check(inputs[next]).kind().ordinal();
            next = next + 1 == inputs.length ? 0 : next + 1;
        }
        return next;
    }

    private static String key(int size, String engine, String kind) {
        return size + "/" + engine + "/" + kind;
    }

    private static Map<String, RunResult> jmh() throws Exception {
        Map<String, RunResult> results = new HashMap<>();
        collect(results, options().param("engine", "indexed"));
        ChainedOptionsBuilder naive = options().param("engine", "naive");
        if (!NAIVE_ALL_KINDS) {
            naive.param("recipients", "lookalike", BenchInputs.UNDER_LISTS);
        }
        collect(results, naive);
        return results;
    }

    private static ChainedOptionsBuilder options() {
        return new OptionsBuilder()
            .include(DetectorBenchmark.class.getName())
            .forks(FORKS)
            .warmupIterations(WARMUP_ITERATIONS).warmupTime(TimeValue.seconds(ITERATION_SECONDS))
            .measurementIterations(MEASUREMENT_ITERATIONS).measurementTime(TimeValue.seconds(ITERATION_SECONDS))
            .addProfiler(GCProfiler.class)
            .jvmArgs("-Xmx2g", "-Dlookalike.shared.data=" + BenchInputs.sharedData(),
                "-Dlookalike.eval.dev=" + BenchInputs.evalDev());
    }

    private static void collect(Map<String, RunResult> results, ChainedOptionsBuilder options) throws Exception {
        Collection<RunResult> runs = new Runner(options.build()).run();
        for (RunResult run : runs) {
            var params = run.getParams();
            int size = Integer.parseInt(params.getParam("listSize"));
            results.put(key(size >= 20000 ? Integer.MAX_VALUE : size, params.getParam("engine"), params.getParam("recipients")),
                run);
        }
    }

    private static double mean(RunResult result) {
        return result.getPrimaryResult().getStatistics().getMean();
    }

    private static String times(double ratio) {
        return String.format(ratio < 10 ? "%.1f×" : "%,.0f×", ratio);
    }

    private static double percentile(RunResult result, double percentile) {
        return result.getPrimaryResult().getStatistics().getPercentile(percentile);
    }

    static String micros(double nanos) {
        return nanos >= 100_000 ? String.format("%,.0f µs", nanos / 1000) : String.format("%.2f µs", nanos / 1000);
    }

    private static String bytes(RunResult result) {
        Map<String, Result> secondary = result.getSecondaryResults();
        Result norm = secondary.containsKey("gc.alloc.rate.norm") ? secondary.get("gc.alloc.rate.norm")
            : secondary.get("·gc.alloc.rate.norm");
        return norm == null ? "?" : String.format("%,.0f B", norm.getScore());
    }

    private static long buildMillis(List<String> names) {
        long[] times = new long[5];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            BenchInputs.detector(names, false);
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(times);
        return times[2];
    }

    private static long policyMillis() throws Exception {
        long[] times = new long[3];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            Policy.parse(BenchInputs.condition().text);
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(times);
        return times[1];
    }

    private static long retainedBytes(List<String> names) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            settle();
            long before = memory.getHeapMemoryUsage().getUsed();
            Detector detector = BenchInputs.detector(names, false);
            settle();
            long after = memory.getHeapMemoryUsage().getUsed();
            best = Math.min(best, after - before);
            java.lang.ref.Reference.reachabilityFence(detector);
        }
        return best;
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }

    // Checker

    private static void checker(StringBuilder report) throws Exception {
        if (!BenchInputs.real()) {
            report.append("\nChecker: skipped (needs the eval-dev corpus of ../shared)\n");
            return;
        }
        Path input = Path.of("target", "bench", "checker-200k.txt");
        CheckerThroughput.writeMixedLines(BenchInputs.evalDev(), input, CHECKER_LINES);
        String condition = BenchInputs.condition().text;
        String loadBefore = load();
        CheckerThroughput.Result inProcess = CheckerThroughput.measure(condition, input,
            Path.of("target", "bench", "checker-out.tsv"), CHECKER_WARMUP_ROUNDS, CHECKER_ROUNDS);
        report.append(String.format("%nChecker on %,d mixed lines (written from the eval-dev corpus to %s), in-process, "
            + "median of %d rounds after %d warm-up rounds, output to a file; per CPU second: lines per second of the "
            + "thread's CPU time (what the load of other processes does not take away) %s → %s%n%n", inProcess.lines, input,
            inProcess.rounds(), inProcess.warmupRounds, loadBefore, load()));
        report.append("| | lines/s | lines per CPU second | every round, warm-up first (lines/s) |\n|---|---:|---:|---|\n");
        report.append(String.format("| checker (read, check, format, write) | %,.0f | %,.0f | %s |%n",
            inProcess.steady(inProcess.checkerWall), inProcess.steady(inProcess.checkerCpu), thousands(inProcess.checkerWall,
                inProcess.warmupRounds)));
        report.append(String.format("| engine alone (domain extraction and check, lines in memory) | %,.0f | %,.0f | %s |%n",
            inProcess.steady(inProcess.engineWall), inProcess.steady(inProcess.engineCpu), thousands(inProcess.engineWall,
                inProcess.warmupRounds)));
        report.append(String.format("%nThe engine is %.0f%% of the checker's CPU time; reading, formatting and writing %.0f%%.%n",
            100 * inProcess.engineShare(), 100 * (1 - inProcess.engineShare())));

        Path jar = Path.of(System.getProperty("bench.cli.jar", "target/james-lookalike-guard-0.1.0-SNAPSHOT-cli.jar"));
        if (!Files.isRegularFile(jar)) {
            report.append("\nChecker jar end to end: skipped (no ").append(jar).append(")\n");
            return;
        }
        Path million = Path.of("target", "bench", "checker-1m.txt");
        try (var out = Files.newOutputStream(million)) {
            for (int i = 0; i < 5; i++) {
                Files.copy(input, out);
            }
        }
        loadBefore = load();
        report.append("\n| the jar, one fresh JVM per run | wall time (JVM start, lists, index, checking) | "
            + "checker's own summary |\n|---|---:|---|\n");
        for (String output : List.of("file", "pipe", "file, 1,000,000 lines")) {
            Path lines = output.contains("1,000,000") ? million : input;
            int count = output.contains("1,000,000") ? 5 * CHECKER_LINES : CHECKER_LINES;
            for (int run = 0; run < 3; run++) {
                List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString(), "--condition", condition, lines.toString());
                ProcessBuilder process = new ProcessBuilder(command);
                if (output.startsWith("file")) {
                    process.redirectOutput(Path.of("target", "bench", "checker-jar-out.tsv").toFile());
                }
                long start = System.nanoTime();
                Process started = process.start();
                if (output.equals("pipe")) {
                    started.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                }
                String summary = new String(started.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                int status = started.waitFor();
                double wall = (System.nanoTime() - start) / 1e9;
                report.append(String.format("| to a %s, run %d (exit %d) | %.2f s = %,.0f lines/s | %s |%n", output, run + 1,
                    status, wall, count / wall, summary));
            }
        }
        report.append(loadBefore).append(" → ").append(load()).append('\n');
    }

    private static String thousands(double[] values, int warmup) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : i == warmup ? " \\| " : ", ").append(String.format("%,.0f", values[i]));
        }
        return text.toString();
    }

    // End to end

    private static void endToEnd(StringBuilder report, Detector full) throws Exception {
        List<String[]> recipients = e2eRecipients(full);
        String condition = BenchInputs.condition().text;
        String loadBefore = load();
        String probe = listOnlyLookalike(full);
        double discarded = endToEnd(condition, recipients, probe);
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int run = 0; run < E2E_RUNS; run++) {
            // ABBA order, so that a drift of the machine's load does not favour one side
            boolean guardFirst = run % 2 == 1;
            if (guardFirst) {
                with.add(endToEnd(condition, recipients, probe));
            }
            without.add(endToEnd(null, recipients, null));
            if (!guardFirst) {
                with.add(endToEnd(condition, recipients, probe));
            }
        }
        double withoutMedian = median(without);
        double withMedian = median(with);
        report.append(String.format("%nEnd to end, real James 3.8.1 memory server in this JVM (SMTP in over %d connections, "
            + "remote delivery to a loopback receiver), %,d mails after 200 warm-up mails, 2 recipients each (a popular or "
            + "free-mail domain and a protected name of the lists, none of them a look-alike), %d alternating runs each way; "
            + "the guard with the full condition above (%,d names; each guarded server also bounced %s, a look-alike only "
            + "the lists know); a first guarded run (%.0f mails/s) warmed the JVM up and is not counted %s → %s%n%n",
            E2E_CONNECTIONS, E2E_MAILS, E2E_RUNS, BenchInputs.names(Integer.MAX_VALUE).size(), probe, discarded, loadBefore,
            load()));
        report.append("| | mails/s (median) | runs |\n|---|---:|---|\n");
        report.append(String.format("| without the guard | %.0f | %s |%n", withoutMedian, runs(without)));
        report.append(String.format("| with the guard | %.0f | %s |%n", withMedian, runs(with)));
        report.append(String.format("| ratio | %.2f | |%n", withMedian / withoutMedian));
    }

    /** Per mail, a clean (popular or free-mail) and a protected recipient, none of which the engine stops. */
    private static List<String[]> e2eRecipients(Detector full) throws Exception {
        List<String> clean = new ArrayList<>();
        for (String kind : List.of("clean-popular", "clean-freemail")) {
            for (String domain : BenchInputs.inputs(kind, Integer.MAX_VALUE)) {
                Verdict.Kind verdict = full.check(domain).kind();
                if ((verdict == Verdict.Kind.CLEAN || verdict == Verdict.Kind.PROTECTED) && domain.matches("[a-z0-9.-]+")) {
                    clean.add(domain);
                }
            }
        }
        java.util.Collections.shuffle(clean, new java.util.Random(42));
        String[] protectedNames = BenchInputs.inputs("protected", Integer.MAX_VALUE);
        List<String[]> recipients = new ArrayList<>();
        for (int i = 0; i < E2E_MAILS; i++) {
            recipients.add(new String[] {"user" + i + "@" + clean.get(i % clean.size()),
                "ops@" + protectedNames[i % protectedNames.length]});
        }
        return recipients;
    }

    /**
     * A look-alike of a name that only the condition's lists protect (one letter doubled), so that a
     * bounce for it proves the running guard has the lists.
     */
    private static String listOnlyLookalike(Detector full) throws Exception {
        Set<String> domains = Set.copyOf(BenchInputs.condition().domains);
        for (String name : BenchInputs.names(Integer.MAX_VALUE)) {
            int dot = name.indexOf('.');
            if (domains.contains(name) || dot < 6 || !name.substring(dot).equals(".gov")) {
                continue;
            }
            String typo = name.substring(0, dot) + name.charAt(dot - 1) + name.substring(dot);
            Verdict verdict = full.check(typo);
            if (verdict.isLookalike() && verdict.nearest().orElse("").equals(name)) {
                return "ops@" + typo;
            }
        }
        throw new IllegalStateException("no look-alike of a listed name found");
    }

    private static double endToEnd(String guardCondition, List<String[]> recipients, String probe) throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver()) {
            GuardServer.Builder builder = GuardServer.builder(receiver.port());
            try (GuardServer james = (guardCondition == null ? builder.withoutGuard() : builder.condition(guardCondition))
                .start()) {
                send(james, 200, recipients);
                awaitReceived(receiver, 400);
                receiver.reset();
                long start = System.nanoTime();
                send(james, E2E_MAILS, recipients);
                awaitReceived(receiver, 2 * E2E_MAILS);
                double mailsPerSecond = E2E_MAILS / ((System.nanoTime() - start) / 1e9);
                if (probe != null) {
                    awaitBounce(james, probe);
                }
                return mailsPerSecond;
            }
        }
    }

    private static void send(GuardServer james, int mails, List<String[]> recipients) throws Exception {
        SenderSide.sendConcurrently(james, E2E_CONNECTIONS, mails, i -> Arrays.asList(recipients.get(i % recipients.size())));
    }

    private static void awaitReceived(LoopbackReceiver receiver, int copies) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int received = 0;
        while ((received = receiver.messages().size()) < copies) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + received + " of " + copies + " copies arrived");
            }
            Thread.sleep(20);
        }
    }

    private static void awaitBounce(GuardServer james, String recipient) throws Exception {
        james.send("probe", recipient);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!SenderSide.bouncedRecipients(james).containsKey(recipient)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the guarded James did not bounce " + recipient + ": are the lists configured?");
            }
            Thread.sleep(200);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String runs(List<Double> values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(text.length() == 0 ? "" : ", ").append(String.format("%.0f", value));
        }
        return text.toString();
    }
}
