package dev.lookalikeguard.bench;

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

/**
 * Time to check one recipient domain with the eval-dev condition (every technique on), per input kind
 * of {@link BenchInputs}: each invocation checks the next recipient of the kind's whole (shuffled)
 * input set, so the caches and branch predictors see as many distinct names as a server does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DetectorBenchmark {

    @Param({"100", "1000", "20000"})
    public int listSize;

    @Param({"indexed", "naive"})
    public String engine;

    @Param({"clean-popular", "clean-freemail", "lookalike", "protected", "protected-1k", "lookalike-gov-mil"})
    public String recipients;

    private Detector detector;
    private String[] inputs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        // The largest size is the whole lists (20,126 names with ../shared), as in the rest of the report.
        int size = listSize >= 20000 ? Integer.MAX_VALUE : listSize;
        detector = BenchInputs.detector(BenchInputs.names(size), engine.equals("naive"));
        inputs = BenchInputs.inputs(recipients, size);
    }

    @Benchmark
    public Verdict check() {
        if (++next == inputs.length) {
            next = 0;
        }
        return detector.check(inputs[next]);
    }
}
