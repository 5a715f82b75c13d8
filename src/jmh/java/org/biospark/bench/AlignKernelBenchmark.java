package org.biospark.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.biospark.align.Aligner;
import org.biospark.align.AlignmentMode;
import org.biospark.align.Scoring;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Single-thread speed of the alignment kernel in cell updates per second (the {@code cells} counter; / 1e9 =
 * GCUPS) on the files of {@link AlignWorkloads}, which bench/align-kernel.sh also gives parasail.
 * {@code kernel=scalar} forces the 32-bit scalar fallback; it runs on a tenth of the queries. The {@code long}
 * workload aligns pair by pair (one 10 kb query against one 10 kb target at a time): the striped kernel's case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules=jdk.incubator.vector"})
public class AlignKernelBenchmark {
    @Param({"reads", "mutated", "protein", "long"})
    public String workload;

    /** semiglobal: all four ends free, as EMBOSS needle scores by default (not in bench/align-kernel.sh). */
    @Param({"global", "local", "semiglobal"})
    public String mode;

    @Param({"vector", "scalar"})
    public String kernel;

    private Aligner aligner;
    private byte[][] queries;
    private byte[][] targets;
    private java.util.List<byte[]> targetList;
    private long cellsPerPass;

    /** Cells updated, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Cells {
        public long cells;
    }

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path dir = Path.of(System.getProperty("bench.data", "target/bench-data"));
        Scoring scoring = workload.equals("protein") ? Scoring.matrix("BLOSUM62", 11, 1) : Scoring.dna(1, -2, 5, 2);
        AlignmentMode alignmentMode = AlignWorkloads.mode(mode);
        aligner = new Aligner(scoring, alignmentMode, kernel.equals("vector"));
        AlignWorkloads.requireVector(aligner, kernel.equals("vector"));
        queries = AlignWorkloads.readFasta(dir.resolve(workload + "_queries.fa")).values().stream()
                .map(aligner::encode).toArray(byte[][]::new);
        if (kernel.equals("scalar")) {
            queries = java.util.Arrays.copyOf(queries, Math.max(1, queries.length / 10));
        }
        targets = AlignWorkloads.readFasta(dir.resolve(workload + "_targets.fa")).values().stream()
                .map(aligner::encode).toArray(byte[][]::new);
        targetList = java.util.List.of(targets);
        for (byte[] t : targets) {
            for (byte[] q : queries) {
                cellsPerPass += (long) q.length * t.length;
            }
        }
    }

    @Benchmark
    public void align(Cells cells, Blackhole sink) {
        if (workload.equals("long")) {
            for (byte[] target : targets) {
                for (byte[] query : queries) {
                    sink.consume(aligner.score(query, target));
                }
            }
        } else {
            sink.consume(aligner.scores(queries, targetList));
        }
        cells.cells += cellsPerPass;
    }
}
