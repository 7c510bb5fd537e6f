package dev.lookalikeguard.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import dev.lookalikeguard.detect.Detector;

/**
 * Where the engine's time and allocations go, per input kind: after a warm-up, the engine checks the
 * kind's recipients in a loop under a JFR recording (execution samples every millisecond, allocation
 * samples), and the recording is summarised: methods by own time (top frame) and by total time (on the
 * stack), allocation sites and allocated types by sampled weight, and the exact bytes allocated per
 * check (from the thread's allocation counter). The recordings stay in {@code target/bench/} for JMC
 * or {@code jfr print}.
 */
final class EngineProfile {
    private static final int TOP = 15;

    private EngineProfile() {
    }

    static String run(int warmupSeconds, int seconds) throws Exception {
        Detector detector = BenchInputs.detector(BenchInputs.names(Integer.MAX_VALUE), false);
        StringBuilder report = new StringBuilder();
        report.append(String.format("Engine profile (JFR, %d s per kind after %d s of warm-up, indexed engine, all %,d names; "
            + "recordings in target/bench/profile-KIND.jfr)%n", seconds, warmupSeconds,
            BenchInputs.names(Integer.MAX_VALUE).size()));
        for (String kind : BenchInputs.KINDS) {
            String[] inputs = BenchInputs.inputs(kind, Integer.MAX_VALUE);
            loop(detector, inputs, Duration.ofSeconds(warmupSeconds));
            Path file = Path.of("target", "bench", "profile-" + kind + ".jfr");
            Files.createDirectories(file.getParent());
            long checks;
            long bytes;
            try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
                recording.enable("jdk.ObjectAllocationSample").with("throttle", "2000/s");
                long before = allocatedBytes();
                recording.start();
                checks = loop(detector, inputs, Duration.ofSeconds(seconds));
                recording.stop();
                bytes = allocatedBytes() - before;
                recording.dump(file);
            }
            report.append(summarise(kind, file, checks, bytes));
        }
        return report.toString();
    }

    private static long loop(Detector detector, String[] inputs, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long checks = 0;
        int sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                sink += detector.check(inputs[(int) (checks++ % inputs.length)]).kind().ordinal();
            }
        }
        if (sink == -1) {
            System.out.print("");
        }
        return checks;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
            .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static String summarise(String kind, Path file, long checks, long bytes) throws Exception {
        String thread = Thread.currentThread().getName();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> stages = new HashMap<>();
        Map<String, Long> sites = new HashMap<>();
        Map<String, Long> types = new HashMap<>();
        List<RecordedEvent> allocations = new ArrayList<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            RecordedThread sampled = event.hasField("sampledThread") ? event.getThread("sampledThread") : event.getThread();
            RecordedStackTrace stack = event.getStackTrace();
            if (sampled == null || !thread.equals(sampled.getJavaName()) || stack == null) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            int check = innermostCheck(frames);
            if (check < 0) {
                continue;
            }
            if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                samples++;
                self.merge(method(frames.get(0)), 1, Integer::sum);
                stages.merge(stage(frames, check), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames.subList(0, check + 1)) {
                    if (seen.add(method(frame))) {
                        total.merge(method(frame), 1, Integer::sum);
                    }
                }
            } else if (event.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
                allocations.add(event);
            }
        }
        // An allocation sample weighs the bytes allocated since the thread's previous sample: the first
        // one also carries what happened before the recording, so it is left out.
        allocations.sort(Comparator.comparing(RecordedEvent::getStartTime));
        long weight = 0;
        for (RecordedEvent event : allocations.subList(Math.min(1, allocations.size()), allocations.size())) {
            long w = event.getLong("weight");
            weight += w;
            String allocated = event.getClass("objectClass").getName();
            types.merge(allocated, w, Long::sum);
            sites.merge(allocated + " in " + site(event.getStackTrace().getFrames()), w, Long::sum);
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n### %s: %,d checks, %,d execution samples, %,d allocation samples, %.0f bytes allocated "
            + "per check%n%n", kind, checks, samples, Math.max(0, allocations.size() - 1), (double) bytes / checks));
        table(out, "stage (what Detector.check called)", stages, samples, TOP);
        table(out, "own time (top frame)", self, samples, TOP);
        table(out, "total time (on the stack, below Detector.check)", total, samples, 25);
        table(out, "allocation site (sampled weight)", sites, weight, TOP);
        table(out, "allocated type (sampled weight)", types, weight, 10);
        return out.toString();
    }

    /** Index of the innermost Detector.check frame (frames run from the top of the stack down), or -1. */
    private static int innermostCheck(List<RecordedFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            RecordedFrame frame = frames.get(i);
            if (frame.getMethod().getName().equals("check")
                && frame.getMethod().getType().getName().equals("dev.lookalikeguard.detect.Detector")) {
                return i;
            }
        }
        return -1;
    }

    /** What the innermost Detector.check was doing: the method it called, with the line when that is a JDK helper. */
    private static String stage(List<RecordedFrame> frames, int check) {
        if (check == 0) {
            return "Detector.check (own code, line " + frames.get(0).getLineNumber() + ")";
        }
        RecordedFrame callee = frames.get(check - 1);
        String name = method(callee);
        return callee.getMethod().getType().getName().startsWith("dev.lookalikeguard.") ? name
            : name + " (at Detector.check:" + frames.get(check).getLineNumber() + ")";
    }

    private static <N extends Number> void table(StringBuilder out, String title, Map<String, N> counts, double all,
                                                 int rows) {
        out.append("| ").append(title).append(" | % |\n|---|---:|\n");
        List<Map.Entry<String, N>> top = counts.entrySet().stream()
            .sorted(Comparator.comparingDouble((Map.Entry<String, N> e) -> e.getValue().doubleValue()).reversed())
            .limit(rows).collect(Collectors.toList());
        for (Map.Entry<String, N> entry : top) {
            out.append(String.format("| `%s` | %.1f |%n", entry.getKey(), 100 * entry.getValue().doubleValue() / all));
        }
        out.append('\n');
    }

    private static String method(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    /** The allocating frame with its line, and the project's frame that asked for it when the allocator is a JDK method. */
    private static String site(List<RecordedFrame> frames) {
        RecordedFrame top = frames.get(0);
        String site = method(top) + ":" + top.getLineNumber();
        for (RecordedFrame frame : frames) {
            if (frame.getMethod().getType().getName().startsWith("dev.lookalikeguard.")) {
                return frame == top ? site : site + " from " + method(frame) + ":" + frame.getLineNumber();
            }
        }
        return site;
    }
}
