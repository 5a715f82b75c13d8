package org.biospark.geneset;

import org.apache.commons.numbers.gamma.RegularizedGamma;

/**
 * GSVA's first step for one gene: where each sample's value lies in the gene's distribution across all samples, as
 * the log-odds of a kernel estimate of its cumulative distribution. Only the order of these values within a sample
 * matters downstream, so they are computed the way GSVA computes them (the Gaussian kernel reads the same lookup
 * table at the same index for every pair of samples, see {@link GaussianSums}) to give the same order, ties included.
 */
public final class GeneDensity {
    /** The kernel width is the gene's standard deviation over this. */
    private static final double SIGMA_FACTOR = 4.0;
    /** Counts' kernel: a Poisson distribution of mean value + this. */
    private static final double POISSON_OFFSET = 0.5;

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

    /** The table entry the Gaussian kernel reads for {@code i}, exposed for the check against GSVA's. */
    static double tableEntry(int i) {
        return GaussianSums.TABLE[i];
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
        return logOdds(GaussianSums.of(x, bandwidth(x)));
    }

    /** The Gaussian kernel's width for one gene's values. */
    static double bandwidth(double[] x) {
        return ExactSums.sd(x) / SIGMA_FACTOR;
    }

    /** The log-odds of each kernel sum over the number of samples. */
    static double[] logOdds(double[] sums) {
        int n = sums.length;
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            d[j] = logOdds(sums[j] / n);
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
