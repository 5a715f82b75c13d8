package org.biospark.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.biospark.align.Aligner;
import org.biospark.align.AlignmentMode;
import org.biospark.align.Scoring;
import org.biospark.align.Traceback;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread speed of alignments with their paths ({@code --traceback}) in cell updates per second (the
 * {@code cells} counter of {@link AlignKernelBenchmark.Cells}): the first 2,000 reads of {@link AlignWorkloads}'
 * {@code reads} workload (150 bp) against its 1,500-bp target, DNA +1/-2, gaps 5/2. {@code kernel=batch} is
 * {@link Traceback#alignAll} (the vector kernel that records the walk's facts, 16 queries at a time with AVX2);
 * {@code kernel=pair} aligns one pair at a time ({@link Traceback#align}, scalar), on a tenth of the reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules=jdk.incubator.vector"})
public class TracebackBenchmark {
    private static final int READS = 2_000;

    @Param({"global", "local", "semiglobal"})
    public String mode;

    @Param({"batch", "pair"})
    public String kernel;

    private Scoring scoring;
    private AlignmentMode alignmentMode;
    private byte[][] queries;
    private byte[] target;
    private long cellsPerPass;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path dir = Path.of(System.getProperty("bench.data", "target/bench-data"));
        scoring = Scoring.dna(1, -2, 5, 2);
        alignmentMode = AlignWorkloads.mode(mode);
        Aligner aligner = new Aligner(scoring, alignmentMode);
        AlignWorkloads.requireVector(aligner, kernel.equals("batch"));
        queries = AlignWorkloads.readFasta(dir.resolve("reads_queries.fa")).values().stream().limit(READS)
                .map(aligner::encode).toArray(byte[][]::new);
        if (kernel.equals("pair")) {
            queries = Arrays.copyOf(queries, queries.length / 10);
        }
        target = AlignWorkloads.readFasta(dir.resolve("reads_targets.fa")).values().stream()
                .map(aligner::encode).findFirst().orElseThrow();
        for (byte[] q : queries) {
            cellsPerPass += (long) q.length * target.length;
        }
    }

    @Benchmark
    public void align(AlignKernelBenchmark.Cells cells, Blackhole sink) {
        if (kernel.equals("batch")) {
            sink.consume(Traceback.alignAll(queries, target, scoring, alignmentMode));
        } else {
            for (byte[] query : queries) {
                sink.consume(Traceback.align(query, target, scoring, alignmentMode));
            }
        }
        cells.cells += cellsPerPass;
    }
}
