package dev.lookalikeguard.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.lookalikeguard.detect.Detector;
import dev.lookalikeguard.detect.Verdict;

/** Time to check one recipient domain, with every technique on. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DetectorBenchmark {

    @Param({"100", "1000", "20000"})
    public int listSize;

    @Param({"indexed", "naive"})
    public String engine;

    @Param({"clean", "lookalike", "protected"})
    public String recipients;

    private Detector detector;
    private String[] inputs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<String> names = BenchmarkData.names(listSize);
        detector = BenchmarkData.detector(names, engine.equals("naive"));
        switch (recipients) {
            case "clean":
                inputs = BenchmarkData.clean();
                break;
            case "lookalike":
                inputs = BenchmarkData.lookalikes(names);
                break;
            default:
                inputs = BenchmarkData.protectedNames(names);
        }
    }

    @Benchmark
    public Verdict check() {
        next = (next + 1) & (BenchmarkData.INPUTS - 1);
        return detector.check(inputs[next]);
    }
}
