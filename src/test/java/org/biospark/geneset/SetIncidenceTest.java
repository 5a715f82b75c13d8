package org.biospark.geneset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SetIncidenceTest {
    @Test
    void scoresEverySetExactlyAsEnrichmentScoreDoes() {
        SplittableRandom random = new SplittableRandom(9);
        int n = 3000;
        int[][] members = new int[60][];
        for (int s = 0; s < members.length; s++) {
            members[s] = random.ints(0, n).distinct().limit(1 + random.nextInt(200)).toArray();
        }
        SetIncidence incidence = new SetIncidence(n, members);
        for (int trial = 0; trial < 20; trial++) {
            int[] geneAtRank = new int[n];
            int[] rankOf = new int[n];
            for (int i = 0; i < n; i++) {
                geneAtRank[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = geneAtRank[i];
                geneAtRank[i] = geneAtRank[j];
                geneAtRank[j] = t;
            }
            for (int r = 0; r < n; r++) {
                rankOf[geneAtRank[r]] = r;
            }
            double[] weights = new double[n];
            for (int r = 0; r < n; r++) {
                weights[r] = trial == 0 ? 0 : Math.abs(random.nextGaussian()) * (n - r) / n; // trial 0: all zero
            }
            double[] es = new double[members.length];
            incidence.enrichmentScores(geneAtRank, weights, es);
            for (int s = 0; s < members.length; s++) {
                int[] positions = java.util.Arrays.stream(members[s]).map(g -> rankOf[g]).sorted().toArray();
                assertEquals(EnrichmentScore.es(weights, positions, n), es[s], 0.0, "trial " + trial + " set " + s);
            }
        }
    }
}
