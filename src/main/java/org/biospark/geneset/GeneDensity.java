package org.biospark.geneset;

import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * GSVA's first step for one gene: where each sample's value lies in the gene's distribution across all samples, as
 * the log-odds of a kernel estimate of its cumulative distribution. Only the order of these values within a sample
 * matters downstream, so they are computed the way GSVA computes them (the same lookup table for the Gaussian kernel,
 * the same summation order) to give the same order, ties included.
 */
public final class GeneDensity {
    /** The kernel width is the gene's standard deviation over this. */
    private static final double SIGMA_FACTOR = 4.0;
    /** The Gaussian kernel is read from a table of the normal distribution function on [0, MAX] in RESOLUTION steps. */
    private static final double MAX = 10.0;
    private static final int RESOLUTION = 10000;
    /** Counts' kernel: a Poisson distribution of mean value + this. */
    private static final double POISSON_OFFSET = 0.5;
    private static final double[] TABLE = table();

    private GeneDensity() {
    }

    /** The kinds of estimate GSVA's {@code kcdf} option chooses. */
    public enum Kernel {
        /** Continuous values (log expression, microarrays). */
        GAUSSIAN,
        /** Integer counts (RNA-seq). */
        POISSON,
        /** No kernel: the empirical distribution function. */
        NONE
    }

    private static double[] table() {
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double[] table = new double[RESOLUTION + 1];
        for (int i = 0; i <= RESOLUTION; i++) {
            table[i] = normal.cumulativeProbability(MAX * i / RESOLUTION);
        }
        return table;
    }

    /** The table entry the Gaussian kernel reads for {@code i}, exposed for the check against GSVA's. */
    static double tableEntry(int i) {
        return TABLE[i];
    }

    /** The log-odds of each value of {@code row} (one gene's values in every sample) under {@code kernel}. */
    public static double[] of(double[] row, Kernel kernel) {
        return switch (kernel) {
            case GAUSSIAN -> gaussian(row);
            case POISSON -> poisson(row);
            case NONE -> empirical(row);
        };
    }

    static double[] gaussian(double[] x) {
        int n = x.length;
        double bw = ExactSums.sd(x) / SIGMA_FACTOR;
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            double y = x[j];
            double tail = 0;
            for (int i = 0; i < n; i++) {
                double v = (y - x[i]) / bw;
                double c;
                if (v < -MAX) {
                    c = 0;
                } else if (v > MAX) {
                    c = 1;
                } else {
                    double t = TABLE[(int) (Math.abs(v) / MAX * RESOLUTION)];
                    c = v < 0 ? 1.0 - t : t;
                }
                tail += c;
            }
            d[j] = logOdds(tail / n);
        }
        return d;
    }

    static double[] poisson(double[] x) {
        int n = x.length;
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            double k = Math.floor(x[j] + 1e-7);
            double tail = 0;
            for (int i = 0; i < n; i++) {
                double mean = x[i] + POISSON_OFFSET;
                tail += k < 0 ? 0 : mean == 0 ? 1 : RegularizedGamma.Q.value(k + 1, mean);
            }
            d[j] = logOdds(tail / n);
        }
        return d;
    }

    static double[] empirical(double[] x) {
        int n = x.length;
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            int atMost = Significance.upperBound(sorted, x[j]);
            double f = (double) atMost / n;
            d[j] = Math.log(f / (1 - f));
        }
        return d;
    }

    private static double logOdds(double p) {
        return -1.0 * Math.log((1.0 - p) / p);
    }
}
