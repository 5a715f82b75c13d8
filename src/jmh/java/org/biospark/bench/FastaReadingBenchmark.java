package org.biospark.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.biospark.io.SequenceReader;
import org.biospark.io.SequenceRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading FASTA records from memory, as every query-reading task of {@code align} does from its split: 100,000
 * random 150-bp reads, each sequence on one line (as {@code bench/make_e2e_data.py} writes them) or wrapped at 60
 * residues. Reported as records per microsecond.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class FastaReadingBenchmark {
    private static final int RECORDS = 100_000;

    @Param({"150", "60"})
    public int lineLength;

    private byte[] fasta;

    @Setup
    public void make() {
        SplittableRandom random = new SplittableRandom(2026);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < RECORDS; r++) {
            text.append(">r").append(r).append('\n');
            for (int i = 0; i < 150; i++) {
                text.append("ACGT".charAt(random.nextInt(4)));
                if ((i + 1) % lineLength == 0 || i == 149) {
                    text.append('\n');
                }
            }
        }
        fasta = text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long read() throws IOException {
        long residues = 0;
        try (SequenceReader reader = SequenceReader.open(new ByteArrayInputStream(fasta), "bench.fa")) {
            while (reader.hasNext()) {
                SequenceRecord record = reader.next();
                residues += record.sequence().length();
            }
        }
        return residues;
    }
}
