package org.biospark.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.biospark.geneset.GseaResult;
import org.biospark.geneset.PhenotypeGsea;
import org.biospark.geneset.RankingMetric;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Phenotype-permutation GSEA, one thread, the peers' workload: 10,000 genes x 12 samples (6 + 6, log-scale
 * values, seeded), 200 sets of 15..200 genes, Signal2Noise. 1,000 permutations are asked for; 6 + 6 labels have
 * only 924 distinct splits, so each is used once (fgseaLabel and GSEA desktop draw 1,000 random ones): reported per
 * set-permutation actually computed, 200 x 924 per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class PhenotypeGseaBenchmark {
    private List<String> genes;
    private double[][] values;
    private List<String> labels;
    private Map<String, List<String>> sets;
    private long seed;

    @Setup
    public void make() {
        SplittableRandom random = new SplittableRandom(2024);
        int n = 10_000;
        genes = new ArrayList<>(n);
        values = new double[n][12];
        for (int g = 0; g < n; g++) {
            genes.add(String.format("G%05d", g));
            double base = 4 + 8 * random.nextDouble();
            for (int s = 0; s < 12; s++) {
                values[g][s] = base + random.nextGaussian() * 0.5 + (s < 6 && g % 50 == 0 ? 0.8 : 0);
            }
        }
        labels = List.of("A", "A", "A", "A", "A", "A", "B", "B", "B", "B", "B", "B");
        sets = new LinkedHashMap<>();
        for (int k = 0; k < 200; k++) {
            int size = 15 + random.nextInt(186);
            List<String> members = new ArrayList<>();
            while (members.size() < size) {
                String gene = genes.get(random.nextInt(n));
                if (!members.contains(gene)) {
                    members.add(gene);
                }
            }
            sets.put("SET" + k, members);
        }
    }

    @Benchmark
    @OperationsPerInvocation(200 * 924)
    public List<GseaResult<String>> labelPermutations() {
        return PhenotypeGsea.run(genes, values, labels, "A", sets,
                new PhenotypeGsea.Options(RankingMetric.SIGNAL2NOISE, 1.0, 1000, 15, 500, seed++));
    }
}
