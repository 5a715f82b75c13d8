package org.biospark.geneset;

import java.util.Arrays;

/**
 * Gene-set scores of one sample, as GSVA's methods define them: GSVA's rank walk over the genes' densities, Barbie's
 * ssGSEA walk over the sample's ranks, and Lee's combined z-score. Sets are arrays of gene indices (into the
 * sample's column), a gene repeated in a set counting as often as it appears, as in the reference.
 */
public final class SingleSampleScores {
    private SingleSampleScores() {
    }

    /** The order of the genes by decreasing value, ties by increasing index (R's stable order). */
    static int[] decreasing(double[] values) {
        int[] order = new int[values.length];
        new ScoreOrder().descending(values, order);
        return order;
    }

    /**
     * GSVA scores of one sample from its genes' densities ({@link GeneDensity}, all genes of the sample): the genes
     * ranked by density, each weighted by its distance from the middle of the ranking, and each set's walk.
     *
     * @param maxDiff     the difference of the walk's largest positive and negative deviations, not the larger one
     * @param absRanking  with {@code maxDiff}: their sum of magnitudes, for sets whose genes go both ways
     */
    public static double[] gsva(double[] density, int[][] sets, double tau, boolean maxDiff, boolean absRanking) {
        int p = density.length;
        int[] order = decreasing(density);
        double[] weight = new double[p];
        for (int q = 0; q < p; q++) {
            weight[order[q]] = Math.abs((p - q) - p / 2.0);
        }
        double[] scores = new double[sets.length];
        boolean[] in = new boolean[p];
        for (int s = 0; s < sets.length; s++) {
            int[] set = sets[s];
            double total = 0;
            for (int g : set) {
                in[g] = true;
                total += Math.pow(weight[g], tau);
            }
            double miss = 1.0 / (p - set.length);
            double walk = 0;
            double highest = 0;
            double lowest = 0;
            for (int q = 0; q < p; q++) {
                int g = order[q];
                if (in[g]) {
                    walk += Math.pow(weight[g], tau) / total;
                } else {
                    walk -= miss; // step by step, as the reference does: the sum's rounding is part of the score
                }
                highest = walk > highest ? walk : highest;
                lowest = walk < lowest ? walk : lowest;
            }
            for (int g : set) {
                in[g] = false;
            }
            scores[s] = maxDiff ? (absRanking ? highest - lowest : highest + lowest)
                    : (highest > Math.abs(lowest) ? highest : lowest);
        }
        return scores;
    }

    /**
     * ssGSEA scores of one sample before the normalisation: the genes ranked by value (ties averaged, then
     * truncated, as the reference does), each weighted by its rank to the power {@code alpha}; the score is the
     * area between the set's weighted walk and the others' uniform one.
     */
    public static double[] ssgsea(double[] values, int[][] sets, double alpha) {
        int p = values.length;
        int[] rank = truncatedRanks(values);
        double[] rankAsValue = new double[p];
        Arrays.setAll(rankAsValue, g -> rank[g]);
        int[] order = decreasing(rankAsValue);
        int[] position = new int[p];
        for (int q = 0; q < p; q++) {
            position[order[q]] = q + 1;
        }
        double all = p * (p + 1.0) / 2;
        double[] scores = new double[sets.length];
        for (int s = 0; s < sets.length; s++) {
            int[] set = sets[s];
            int[] at = new int[set.length];
            for (int t = 0; t < set.length; t++) {
                at[t] = position[set[t]];
            }
            Arrays.sort(at);
            ExactSums weighted = new ExactSums();
            ExactSums weights = new ExactSums();
            ExactSums places = new ExactSums();
            for (int pos : at) {
                double w = Math.pow(rank[order[pos - 1]], alpha);
                weighted.add(w * (p - pos + 1.0));
                weights.add(w);
                places.add(p - pos + 1.0);
            }
            double inside = weighted.value() / weights.value();
            double outside = (all - places.value()) / (p - set.length);
            scores[s] = inside - outside;
        }
        return scores;
    }

    /** Ranks from 1 (the lowest value) to p, tied values sharing their mean rank truncated to an integer. */
    static int[] truncatedRanks(double[] values) {
        int p = values.length;
        int[] order = decreasing(values); // position q holds rank p - q
        int[] rank = new int[p];
        for (int first = 0; first < p; ) {
            int last = first;
            while (last + 1 < p && Double.compare(values[order[last + 1]], values[order[first]]) == 0) {
                last++;
            }
            int shared = (int) ((p - first + p - last) / 2.0);
            for (int q = first; q <= last; q++) {
                rank[order[q]] = shared;
            }
            first = last + 1;
        }
        return rank;
    }

    /** A gene's values standardised across the samples: centred, over the sample standard deviation. */
    public static double[] standardised(double[] row) {
        double mean = ExactSums.mean(row);
        double[] z = new double[row.length];
        ExactSums squares = new ExactSums();
        for (int j = 0; j < row.length; j++) {
            z[j] = row[j] - mean;
            squares.add(z[j] * z[j]);
        }
        double sd = Math.sqrt(squares.over(Math.max(1, row.length - 1)));
        for (int j = 0; j < row.length; j++) {
            z[j] /= sd;
        }
        return z;
    }

    /** Lee's combined z-scores of one sample from its genes' standardised values. */
    public static double[] zscore(double[] standardised, int[][] sets) {
        double[] scores = new double[sets.length];
        for (int s = 0; s < sets.length; s++) {
            ExactSums sum = new ExactSums();
            for (int g : sets[s]) {
                sum.add(standardised[g]);
            }
            scores[s] = sum.value() / Math.sqrt(sets[s].length);
        }
        return scores;
    }
}
