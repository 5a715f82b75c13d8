package org.biospark.geneset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.biospark.io.GmtFile;
import org.biospark.io.RankFile;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;

/** Multilevel p-values against fgsea 1.31.6 {@code fgsea()} (multilevel, sampleSize 101, eps 1e-50). */
class MultilevelGoldenTest {
    /** Independent of fgsea: a tail probability of 1e-3 that brute force (200,000 random sets) can count. */
    @Test
    void estimateAgreesWithBruteForceInTheTail() throws IOException {
        RankedList list = RankedList.of(RankFile.read(Golden.GENESET.open("example.rnk"), "example.rnk").scores());
        double[] weights = list.weights(1.0);
        int size = 30;
        int permutations = 200_000;
        double[] nulls = PermutationNulls.compute(weights, new int[] {size}, 3, 0, permutations)[0];
        Arrays.sort(nulls);
        double target = nulls[permutations - 200];
        double truth = (permutations - Significance.lowerBound(nulls, target)) / (double) permutations;
        MultilevelSplitting splitting = new MultilevelSplitting(weights, 101, 1e-50);
        double sum = 0;
        double err = 0;
        int runs = 8;
        for (int run = 0; run < runs; run++) {
            MultilevelSplitting.Estimate e = splitting.estimate(size, new double[] {target},
                    PermutationNulls.generator(run, 7))[0];
            sum += Math.log(e.probability() / truth) / Math.log(2);
            err += e.log2err();
        }
        // the mean of 8 runs has a standard deviation of about err / sqrt(8)
        double meanLog2Ratio = sum / runs;
        assertTrue(Math.abs(meanLog2Ratio) < 3 * (err / runs) / Math.sqrt(runs),
                "mean log2(estimate / truth) " + meanLog2Ratio + ", stated sd " + err / runs);
    }

    @Test
    void pValuesAgreeWithFgseaMultilevelWithinTheStatedError() throws IOException {
        RankedList list = RankedList.of(RankFile.read(Golden.GENESET.open("example.rnk"), "example.rnk").scores());
        Map<String, List<String>> sets = GmtFile.read(Golden.GENESET.open("example.gmt"), "example.gmt").sets();
        long start = System.nanoTime();
        List<GseaResult<String>> results = PrerankedGsea.run(list, sets,
                new PrerankedGsea.Options(1.0, 1000, 15, 500, 42, PrerankedGsea.Multilevel.DEFAULT));
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, GseaResult<String>> byName = new HashMap<>();
        results.forEach(r -> byName.put(r.name(), r));
        // pathway pval padj ES NES size log2err leadingEdge
        List<String[]> golden = Golden.GENESET.rows("fgsea_multilevel_example.tsv");
        double signedSum = 0;
        int multilevelSets = 0;
        int within2 = 0;
        int within3 = 0;
        double worst = 0;
        double smallest = 1;
        for (String[] g : golden) {
            GseaResult<String> r = byName.get(g[0]);
            double theirs = Double.parseDouble(g[1]);
            double theirErr = Double.parseDouble(g[6]);
            double z = Math.abs(Math.log(r.pval()) / Math.log(2) - Math.log(theirs) / Math.log(2))
                    / Math.sqrt(theirErr * theirErr + r.log2err() * r.log2err());
            within2 += z <= 2 ? 1 : 0;
            within3 += z <= 3 ? 1 : 0;
            worst = Math.max(worst, z);
            smallest = Math.min(smallest, r.pval());
            if (theirs < 1e-3) {
                signedSum += Math.log(r.pval() / theirs) / Math.log(2);
                multilevelSets++;
            }
        }
        // both p-values are estimates with a stated error: the bounds allow the spread it implies (most within 2 sd,
        // nearly all within 3), ask the smallest p to reach fgsea's range with no bias over the multilevel sets,
        // and the time bound only catches a runaway estimator
        assertEquals(586, results.size());
        assertTrue(within2 >= 545, within2 + " of 586 within 2 sd");
        assertTrue(within3 >= 580, within3 + " of 586 within 3 sd");
        assertTrue(smallest < 1e-24, "smallest p " + smallest + " (fgsea: 6.7e-27)");
        assertTrue(Math.abs(signedSum / multilevelSets) < 0.3, "mean log2 ratio " + signedSum / multilevelSets);
        assertTrue(seconds < 60, "took " + seconds + " s");
    }
}
