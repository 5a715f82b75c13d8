package org.biospark.bench;

import java.math.BigInteger;
import java.util.concurrent.TimeUnit;

import org.biospark.sumrange.RangeSum;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bare single-threaded loop of {@code sumrange}: the per-core limit that the Spark and thread engines are
 * compared against. Reported as integers added per microsecond (x 1e6 = per second).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class RangeSumBenchmark {
    private static final long COUNT = 100_000_000L;

    /** Shifted each call so the JIT cannot treat the range as a constant. */
    private long offset;

    @Benchmark
    @OperationsPerInvocation(100_000_000)
    public BigInteger loop() {
        long from = offset++ & 1023;
        return RangeSum.loop(from, from + COUNT);
    }
}
