package org.biospark.geneset;

import java.util.ArrayList;
import java.util.List;

/**
 * GSEA's enrichment score: a weighted Kolmogorov-Smirnov running sum over the ranked list that steps up at each
 * gene of the set by its weight (|statistic|^p over the set's total) and down at each other gene by 1 / (N - m).
 * As fgsea computes it: with the set's sorted ranks s_1 < ... < s_m (1-based), tops_j = W_j - (s_j - j)/(N - m)
 * and bottoms_j = tops_j - w_j, where W_j is the cumulative weight; ES = max(tops) if it exceeds -min(bottoms),
 * min(bottoms) if it falls short of it, and 0 on a tie. Only the set's genes are visited: O(m), not O(N).
 */
public final class EnrichmentScore {
    private EnrichmentScore() {
    }

    /** ES alone, for permutation nulls: {@code positions} are sorted 0-based ranks, {@code weights} per rank. */
    public static double es(double[] weights, int[] positions, int n) {
        return es(weights, positions, 0, positions.length, n);
    }

    /** ES of the set made of the first {@code m} of {@code positions} (sorted), without copying them. */
    public static double es(double[] weights, int[] positions, int m, int n) {
        return es(weights, positions, 0, m, n);
    }

    /**
     * ES of the set whose sorted ranks are {@code positions[from, from + m)}: the value {@link #of} finds, to the bit,
     * by the same arithmetic in the same order, without tracking where the extremes lie. This is the loop every
     * permutation runs, so it keeps two maxima and two minima (of the even and the odd steps), which halves the chain
     * of dependent max and min operations; the largest of two maxima is the maximum of all.
     */
    static double es(double[] weights, int[] positions, int from, int m, int n) {
        requireSomeButNotAll(m, n);
        double total = total(weights, positions, from, m);
        if (total == 0) {
            return extremes(weights, positions, from, m, n)[0];
        }
        double miss = 1.0 / (n - m);
        double perWeight = 1.0 / total;
        double cumulative = 0;
        double maxEven = Double.NEGATIVE_INFINITY;
        double maxOdd = Double.NEGATIVE_INFINITY;
        double minEven = Double.POSITIVE_INFINITY;
        double minOdd = Double.POSITIVE_INFINITY;
        int j = 0;
        for (; j + 1 < m; j += 2) {
            int even = positions[from + j];
            int odd = positions[from + j + 1];
            double missedEven = (even - j) * miss;
            double missedOdd = (odd - (j + 1)) * miss;
            minEven = Math.min(minEven, cumulative - missedEven);
            cumulative += weights[even] * perWeight;
            maxEven = Math.max(maxEven, cumulative - missedEven);
            minOdd = Math.min(minOdd, cumulative - missedOdd);
            cumulative += weights[odd] * perWeight;
            maxOdd = Math.max(maxOdd, cumulative - missedOdd);
        }
        if (j < m) {
            int last = positions[from + j];
            double missed = (last - j) * miss;
            minEven = Math.min(minEven, cumulative - missed);
            cumulative += weights[last] * perWeight;
            maxEven = Math.max(maxEven, cumulative - missed);
        }
        double maxTop = Math.max(maxEven, maxOdd);
        double minBottom = Math.min(minEven, minOdd);
        return maxTop > -minBottom ? maxTop : maxTop < -minBottom ? minBottom : 0;
    }

    /** ES with where it peaks and its leading edge. */
    public static Enrichment of(RankedList list, int[] positions, double[] weights) {
        double[] x = extremes(weights, positions, 0, positions.length, list.size());
        double es = x[0];
        int peak = (int) x[1];
        List<String> edge = new ArrayList<>();
        int rankAtMax = -1;
        if (es > 0) {
            for (int j = 0; j <= peak; j++) {
                edge.add(list.gene(positions[j]));
            }
            rankAtMax = positions[peak];
        } else if (es < 0) {
            for (int j = positions.length - 1; j >= peak; j--) {
                edge.add(list.gene(positions[j]));
            }
            rankAtMax = list.size() - (positions[peak] - 1); // the minimum lies just before the hit

        }
        return new Enrichment(es, rankAtMax, List.copyOf(edge), positions.length);
    }

    /** {ES, index in positions of its peak}. */
    private static double[] extremes(double[] weights, int[] positions, int from, int m, int n) {
        requireSomeButNotAll(m, n);
        double total = total(weights, positions, from, m);
        double miss = 1.0 / (n - m);
        double perWeight = 1.0 / total;
        double cumulative = 0;
        double maxTop = Double.NEGATIVE_INFINITY;
        double minBottom = Double.POSITIVE_INFINITY;
        int argTop = 0;
        int argBottom = 0;
        for (int j = 0; j < m; j++) {
            int position = positions[from + j];
            double step = total == 0 ? 1.0 / m : weights[position] * perWeight;
            double bottom = cumulative - (position - j) * miss;
            cumulative += step;
            double top = cumulative - (position - j) * miss;
            if (top > maxTop) {
                maxTop = top;
                argTop = j;
            }
            if (bottom < minBottom) {
                minBottom = bottom;
                argBottom = j;
            }
        }
        if (maxTop > -minBottom) {
            return new double[] {maxTop, argTop};
        }
        if (maxTop < -minBottom) {
            return new double[] {minBottom, argBottom};
        }
        return new double[] {0, 0};
    }

    /** The set's total weight: even and odd members summed apart, then added (the one order every ES here uses). */
    private static double total(double[] weights, int[] positions, int from, int m) {
        double even = 0;
        double odd = 0;
        int j = 0;
        for (; j + 1 < m; j += 2) {
            even += weights[positions[from + j]];
            odd += weights[positions[from + j + 1]];
        }
        if (j < m) {
            even += weights[positions[from + j]];
        }
        return even + odd;
    }

    private static void requireSomeButNotAll(int m, int n) {
        if (m == 0 || m == n) {
            throw new IllegalArgumentException(
                    "the enrichment score needs a set with some, but not all, genes of the list");
        }
    }
}
