package dev.lookalikeguard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import dev.lookalikeguard.detect.Detector;
import dev.lookalikeguard.it.GuardServer;
import dev.lookalikeguard.it.LoopbackReceiver;
import dev.lookalikeguard.it.SenderSide;

/**
 * Runs the benchmarks and prints one table side by side: per-recipient median times (indexed engine
 * and naive scan), build time and retained heap per list size, and end-to-end mails per second through
 * a real James with and without the guard. Also written to target/benchmark-report.md.
 * Run with {@code mvn -Pbench verify}.
 */
public final class BenchmarkReport {
    private static final int[] SIZES = {100, 1000, 20000};
    private static final String[] KINDS = {"clean", "lookalike", "protected"};
    private static final int E2E_MAILS = Integer.getInteger("bench.e2e.mails", 2000);
    private static final int E2E_CONNECTIONS = 8;

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("Benchmark run ").append(java.time.LocalDate.now()).append(", ")
            .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
            .append(System.getProperty("java.version")).append(", lists: ")
            .append(BenchmarkData.realData() ? "real .gov/.mil names from ../shared/data" : "synthetic names").append("\n\n");

        Map<String, Double> median = jmh();
        report.append("Per-recipient median time, every technique on (JMH sample time, ns)\n\n");
        report.append("| recipients | names | indexed | naive scan | naive / indexed |\n|---|---:|---:|---:|---:|\n");
        for (String kind : KINDS) {
            for (int size : SIZES) {
                double indexed = median.get(key(size, "indexed", kind));
                double naive = median.get(key(size, "naive", kind));
                report.append(String.format("| %s | %,d | %,.0f | %,.0f | %,.1f× |%n", kind, size, indexed, naive, naive / indexed));
            }
        }
        report.append("\nIndexed time at 20,000 names / at 1,000 names: ");
        for (String kind : KINDS) {
            report.append(String.format("%s %.2f  ", kind,
                median.get(key(20000, "indexed", kind)) / median.get(key(1000, "indexed", kind))));
        }
        report.append("\n\n| names | index build (median of 5) | retained heap | label index keys |\n|---:|---:|---:|---:|\n");
        for (int size : SIZES) {
            List<String> names = BenchmarkData.names(size);
            report.append(String.format("| %,d | %,d ms | %.1f MB | %,d |%n", names.size(), buildMillis(names),
                retainedBytes(names) / 1e6, BenchmarkData.detector(names, false).names().labelIndexKeys()));
        }

        double without1 = endToEnd(false);
        double with1 = endToEnd(true);
        double without2 = endToEnd(false);
        double with2 = endToEnd(true);
        double without = (without1 + without2) / 2;
        double with = (with1 + with2) / 2;
        report.append(String.format("%nEnd to end, real James 3.8.1 (SMTP in over %d connections, remote delivery to a loopback "
            + "receiver), %,d mails of 2 recipients each, two alternating runs each:%n%n", E2E_CONNECTIONS, E2E_MAILS));
        report.append("| | mails/s (runs) |\n|---|---:|\n");
        report.append(String.format("| without the guard | %.0f (%.0f, %.0f) |%n", without, without1, without2));
        report.append(String.format("| with the guard | %.0f (%.0f, %.0f) |%n", with, with1, with2));
        report.append(String.format("| ratio | %.2f |%n", with / without));

        System.out.println();
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "benchmark-report.md"), report, StandardCharsets.UTF_8);
        System.exit(0);
    }

    private static String key(int size, String engine, String kind) {
        return size + "/" + engine + "/" + kind;
    }

    private static Map<String, Double> jmh() throws Exception {
        Options options = new OptionsBuilder()
            .include(DetectorBenchmark.class.getSimpleName())
            .forks(1)
            .warmupIterations(2).warmupTime(TimeValue.seconds(1))
            .measurementIterations(3).measurementTime(TimeValue.seconds(2))
            .jvmArgs("-Xmx2g", "-Dlookalike.shared.data=" + System.getProperty("lookalike.shared.data", "../shared/data"))
            .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> median = new HashMap<>();
        for (RunResult result : results) {
            var params = result.getParams();
            median.put(key(Integer.parseInt(params.getParam("listSize")), params.getParam("engine"), params.getParam("recipients")),
                result.getPrimaryResult().getStatistics().getPercentile(50));
        }
        return median;
    }

    private static long buildMillis(List<String> names) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            BenchmarkData.detector(names, false);
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        times.sort(null);
        return times.get(2);
    }

    private static long retainedBytes(List<String> names) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            settle();
            long before = memory.getHeapMemoryUsage().getUsed();
            Detector detector = BenchmarkData.detector(names, false);
            settle();
            long after = memory.getHeapMemoryUsage().getUsed();
            if (detector.check("army.ml").isLookalike()) {
                best = Math.min(best, after - before);
            }
        }
        return best;
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }

    private static double endToEnd(boolean guard) throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver()) {
            GuardServer.Builder builder = GuardServer.builder(receiver.port());
            try (GuardServer james = (guard ? builder : builder.withoutGuard()).start()) {
                send(james, 200);
                awaitReceived(receiver, 400);
                receiver.reset();
                long start = System.nanoTime();
                send(james, E2E_MAILS);
                awaitReceived(receiver, 2 * E2E_MAILS);
                return E2E_MAILS / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static void send(GuardServer james, int mails) throws Exception {
        SenderSide.sendConcurrently(james, E2E_CONNECTIONS, mails, i -> List.of("user" + i + "@example.com", "ops@navy.mil"));
    }

    private static void awaitReceived(LoopbackReceiver receiver, int copies) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (receiver.messages().size() < copies) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + receiver.messages().size() + " of " + copies + " copies arrived");
            }
            Thread.sleep(20);
        }
    }
}
