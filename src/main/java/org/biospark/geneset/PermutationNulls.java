package org.biospark.geneset;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Gene-set permutation nulls for a preranked list: for each permutation, one random set of the largest size needed,
 * drawn without replacement, whose growing prefixes (kept sorted by insertion) are the random sets of every smaller
 * size needed, as fgseaSimple does. Permutation i always draws from its own generator, seeded from (seed, i), so the
 * null of a permutation is the same whichever block of permutations, task or machine computes it.
 */
public final class PermutationNulls {
    private PermutationNulls() {
    }

    /** The generator of permutation {@code index}: SplitMix64 of the seed and the index, never a shared stream. */
    static SplittableRandom generator(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    /**
     * Null enrichment scores {@code [size index][permutation - from]} for permutations {@code from} (inclusive) to
     * {@code to} (exclusive).
     *
     * @param weights |statistic|^p per rank
     * @param sizes   the set sizes needed, ascending, each below the list's length
     */
    public static double[][] compute(double[] weights, int[] sizes, long seed, int from, int to) {
        int n = weights.length;
        int largest = sizes[sizes.length - 1];
        double[][] nulls = new double[sizes.length][to - from];
        int[] stamp = new int[n];
        int[] sorted = new int[largest];
        for (int perm = from; perm < to; perm++) {
            SplittableRandom random = generator(seed, perm);
            int mark = perm - from + 1;
            int next = 0;
            for (int k = 1; k <= largest; k++) {
                int rank;
                do {
                    rank = random.nextInt(n);
                } while (stamp[rank] == mark);
                stamp[rank] = mark;
                int at = Arrays.binarySearch(sorted, 0, k - 1, rank);
                int insert = -at - 1;
                System.arraycopy(sorted, insert, sorted, insert + 1, k - 1 - insert);
                sorted[insert] = rank;
                if (k == sizes[next]) {
                    nulls[next][perm - from] = EnrichmentScore.es(weights, sorted, k, n);
                    next++;
                }
            }
        }
        return nulls;
    }
}
