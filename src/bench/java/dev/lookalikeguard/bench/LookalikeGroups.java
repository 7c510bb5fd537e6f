package dev.lookalikeguard.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lookalikeguard.detect.Detector;
import dev.lookalikeguard.detect.Verdict;

/**
 * Where the look-alike median comes from: every look-alike input is timed on its own (the median of
 * several rounds, each round checking the whole set in its fixed shuffled order, so every check follows
 * checks of other names, as in the JMH rows), and the inputs are grouped by what the engine found (the
 * first technique its verdict names). A group's share of the inputs and its median say which checks sit
 * around the kind's median, and so which would have to get faster to move it.
 */
final class LookalikeGroups {
    private static final int ROUNDS = 9;
    private static final int WARMUP_ROUNDS = 20;
    private static final double TARGET_NANOS = 2000;
    /** Groups smaller than this are summed up in one row. */
    private static final int SMALL_GROUP = 100;

    private LookalikeGroups() {
    }

    private static Object sink;

    static String run(Detector detector) throws Exception {
        String loadBefore = BenchmarkReport.load();
        String[] inputs = BenchInputs.inputs("lookalike", Integer.MAX_VALUE);
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            for (String input : inputs) {
                sink = detector.check(input);
            }
        }
        long[][] nanos = new long[inputs.length][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < inputs.length; i++) {
                long start = System.nanoTime();
                sink = detector.check(inputs[i]);
                nanos[i][round] = System.nanoTime() - start;
            }
        }
        long clock = clockCost();
        Map<String, List<Double>> groups = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            long[] times = nanos[i].clone();
            Arrays.sort(times);
            double time = Math.max(0, times[ROUNDS / 2] - clock); // ROUNDS is odd: the middle one
            all.add(time);
            Verdict verdict = detector.check(inputs[i]);
            String group = verdict.techniques().isEmpty() ? "not flagged (" + verdict.kind().label() + ")"
                : verdict.techniques().get(0);
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(time);
        }
        double median = BenchmarkReport.median(all);
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nLook-alikes by what found them, at ~20,000 names: each of the %,d inputs timed alone "
            + "(median of %d rounds over the whole set after %d warm-up rounds; a clock read, %d ns, taken off), grouped by the "
            + "first technique of its verdict. All inputs: median %s, %.0f%% at or under %s. %s → %s%n%n", inputs.length,
            ROUNDS, WARMUP_ROUNDS, clock, BenchmarkReport.micros(median), 100.0 * below(all, TARGET_NANOS) / all.size(),
            BenchmarkReport.micros(TARGET_NANOS), loadBefore, BenchmarkReport.load()));
        out.append("| found by | inputs | share | median | mean | at or under " + BenchmarkReport.micros(TARGET_NANOS)
            + " | above the kind's median |\n|---|---:|---:|---:|---:|---:|---:|\n");
        List<Map.Entry<String, List<Double>>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<String, List<Double>> e) -> -e.getValue().size()));
        List<Double> small = new ArrayList<>();
        int smallGroups = 0;
        for (Map.Entry<String, List<Double>> group : sorted) {
            if (group.getValue().size() < SMALL_GROUP) {
                small.addAll(group.getValue());
                smallGroups++;
                continue;
            }
            row(out, group.getKey(), group.getValue(), all.size(), median);
        }
        if (!small.isEmpty()) {
            row(out, smallGroups == 1 ? "1 smaller group" : smallGroups + " smaller groups", small, all.size(), median);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, List<Double> times, int total, double kindMedian) {
        out.append(String.format("| %s | %,d | %.1f%% | %s | %s | %.0f%% | %.0f%% |%n", name, times.size(),
            100.0 * times.size() / total, BenchmarkReport.micros(BenchmarkReport.median(times)),
            BenchmarkReport.micros(times.stream().mapToDouble(Double::doubleValue).average().orElse(0)),
            100.0 * below(times, TARGET_NANOS) / times.size(),
            100.0 * (times.size() - below(times, kindMedian)) / times.size()));
    }

    /** What one clock read costs, taken off every timed check. */
    private static long clockCost() {
        long[] costs = new long[11];
        for (int r = 0; r < costs.length; r++) {
            long start = System.nanoTime();
            long last = start;
            for (int i = 0; i < 100_000; i++) {
                last = System.nanoTime();
            }
            costs[r] = (last - start) / 100_000;
        }
        Arrays.sort(costs);
        return costs[costs.length / 2];
    }

    private static int below(List<Double> values, double limit) {
        return (int) values.stream().filter(value -> value <= limit).count();
    }
}
