package org.biospark.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.biospark.geneset.GseaResult;
import org.biospark.geneset.PrerankedGsea;
import org.biospark.geneset.RankedList;
import org.biospark.io.GmtFile;
import org.biospark.io.RankFile;
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
 * Preranked GSEA on fgsea's example data, one thread: 586 sets (15..500) x 10,000 (or 1,000) permutations per
 * operation, reported in set-permutations per second, the unit fgseaSimple's rate is given in (BENCHMARKS.md);
 * and with multilevel p-values, in sets per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class PrerankedGseaBenchmark {
    private RankedList list;
    private Map<String, List<String>> sets;
    private long seed;

    private static InputStream resource(String name) {
        return PrerankedGseaBenchmark.class.getResourceAsStream("/golden/geneset/" + name);
    }

    @Setup
    public void load() throws IOException {
        list = RankedList.of(RankFile.read(resource("example.rnk"), "example.rnk").scores());
        sets = GmtFile.read(resource("example.gmt"), "example.gmt").sets();
    }

    @Benchmark
    @OperationsPerInvocation(586 * 10_000)
    public List<GseaResult<String>> gseaSimple() {
        return PrerankedGsea.run(list, sets, new PrerankedGsea.Options(1.0, 10_000, 15, 500, seed++));
    }

    /**
     * fgsea's default {@code fgsea()}: 1,000 permutations, then multilevel splitting (sample size 101, eps 1e-50)
     * for the sets whose permutation p-value is coarse; in sets per second, the unit fgsea's multilevel rate is
     * given in.
     */
    @Benchmark
    @OperationsPerInvocation(586)
    @Warmup(iterations = 2, time = 10)
    @Measurement(iterations = 4, time = 10)
    public List<GseaResult<String>> multilevel() {
        return PrerankedGsea.run(list, sets,
                new PrerankedGsea.Options(1.0, 1000, 15, 500, seed++, PrerankedGsea.Multilevel.DEFAULT));
    }

    /** The per-dataset work of bench/gsea-e2e.sh: 1,000 permutations, ES, NES, p, BH, q, FWER. */
    @Benchmark
    @OperationsPerInvocation(586 * 1_000)
    public List<GseaResult<String>> thousandPermutations() {
        return PrerankedGsea.run(list, sets, new PrerankedGsea.Options(1.0, 1_000, 15, 500, seed++));
    }
}
