package org.biospark.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.biospark.geneset.GeneDensity;
import org.biospark.geneset.SingleSampleScores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The single-sample kernels, one thread, at the size of the peers' workload (1,000 samples x 20,000 genes x 50
 * sets, seeded): GSVA's Gaussian kernel estimate of one gene over 1,000 samples (quadratic in the samples), and one
 * sample's GSVA and ssGSEA walks over 20,000 genes and 50 sets of 10..500 genes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class SingleSampleBenchmark {
    private double[] gene;
    private double[] sample;
    private int[][] sets;

    @Setup
    public void make() {
        SplittableRandom random = new SplittableRandom(26);
        gene = new double[1_000];
        for (int j = 0; j < gene.length; j++) {
            gene[j] = 6 + 1.5 * random.nextGaussian();
        }
        sample = new double[20_000];
        for (int g = 0; g < sample.length; g++) {
            sample[g] = 4 + 8 * random.nextDouble() + random.nextGaussian();
        }
        sets = new int[50][];
        for (int k = 0; k < sets.length; k++) {
            sets[k] = random.ints(0, sample.length).distinct().limit(10 + random.nextInt(491)).toArray();
        }
    }

    /** One gene's densities in each of 1,000 samples. */
    @Benchmark
    public double[] gaussianDensityOfOneGene() {
        return GeneDensity.of(gene, GeneDensity.Kernel.GAUSSIAN);
    }

    /** One sample's GSVA scores for 50 sets. */
    @Benchmark
    public double[] gsvaWalksOfOneSample() {
        return SingleSampleScores.gsva(sample, sets, 1, true, false);
    }

    /** One sample's ssGSEA scores for 50 sets. */
    @Benchmark
    public double[] ssgseaWalksOfOneSample() {
        return SingleSampleScores.ssgsea(sample, sets, 0.25);
    }
}
