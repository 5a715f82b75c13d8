package org.biospark.geneset;

import java.util.List;

/**
 * The whole running sum of one gene set over a ranked list, rank by rank: what GSEA's enrichment plot draws. The
 * permutation code never needs it (it visits only the set's genes, see {@link EnrichmentScore}); this walks all N
 * ranks, once, for a chosen set.
 *
 * @param values     the running sum after each rank, {@code values[r]} after rank r (0-based), N values
 * @param hits       the sorted 0-based ranks of the set's genes in the list
 * @param enrichment the set's enrichment score, peak and leading edge, as {@link EnrichmentScore#of} computes them
 * @param peak       the 0-based rank where the running sum reaches the enrichment score
 */
public record RunningSum(double[] values, int[] hits, Enrichment enrichment, int peak) {

    /**
     * The running sum of {@code set} over {@code list} with weight exponent {@code p}.
     *
     * @throws IllegalArgumentException when none or all of the set's genes are in the list
     */
    public static RunningSum of(RankedList list, List<String> set, double p) {
        int[] hits = list.positions(set);
        double[] weights = list.weights(p);
        Enrichment enrichment = EnrichmentScore.of(list, hits, weights);
        int n = list.size();
        double total = 0;
        for (int hit : hits) {
            total += weights[hit];
        }
        double miss = 1.0 / (n - hits.length);
        double[] values = new double[n];
        double sum = 0;
        int next = 0;
        int peak = 0;
        double extreme = 0;
        for (int r = 0; r < n; r++) {
            if (next < hits.length && hits[next] == r) {
                sum += total == 0 ? 1.0 / hits.length : weights[r] / total;
                next++;
            } else {
                sum -= miss;
            }
            values[r] = sum;
            if (Math.abs(sum) > Math.abs(extreme)) {
                extreme = sum;
                peak = r;
            }
        }
        return new RunningSum(values, hits, enrichment, peak);
    }

    /** The number of ranks walked: the list's size. */
    public int length() {
        return values.length;
    }
}
