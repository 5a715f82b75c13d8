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
            permutation(weights, sizes, generator(seed, perm), perm - from + 1, stamp, sorted, nulls, perm - from);
        }
        return nulls;
    }

    /**
     * One permutation's nulls, one per set size, into {@code nulls[size index][column]}: its random ranks are drawn
     * up to each size in turn, then that size's ES is taken. A method of its own, called once per permutation, and
     * with the drawing and the ES in two loops side by side rather than the ES inside the drawing loop: so the JIT
     * compiles it as an ordinary method, not only on stack replacement into the one call of {@link #compute} per
     * block, which JDK 17's C2 with its default flags compiles to markedly slower code (BENCHMARKS.md, gene-set
     * kernels). {@code mark} tells this permutation's draws in {@code stamp} from earlier ones.
     */
    private static void permutation(double[] weights, int[] sizes, SplittableRandom random, int mark, int[] stamp,
                                    int[] sorted, double[][] nulls, int column) {
        int n = weights.length;
        int drawn = 0;
        for (int next = 0; next < sizes.length; next++) {
            drawn = draw(random, n, mark, stamp, sorted, drawn, sizes[next]);
            nulls[next][column] = EnrichmentScore.es(weights, sorted, drawn, n);
        }
    }

    /**
     * Draws distinct random ranks into {@code sorted}, which holds {@code drawn} of them in order, until it holds
     * {@code size}; returns {@code size}.
     */
    private static int draw(SplittableRandom random, int n, int mark, int[] stamp, int[] sorted, int drawn,
                            int size) {
        for (int k = drawn; k < size; k++) {
            int rank;
            do {
                rank = random.nextInt(n);
            } while (stamp[rank] == mark);
            stamp[rank] = mark;
            int insert = -Arrays.binarySearch(sorted, 0, k, rank) - 1;
            System.arraycopy(sorted, insert, sorted, insert + 1, k - insert);
            sorted[insert] = rank;
        }
        return size;
    }
}
