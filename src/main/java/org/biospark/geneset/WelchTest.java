package org.biospark.geneset;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Welch's two-sample t-test, as R's {@code t.test(a, b, var.equal = FALSE)}: the difference of the means over its
 * standard error from each group's own variance, and the Welch-Satterthwaite degrees of freedom. Sums are taken in
 * the order given, so the same groups give the same numbers however the work was split.
 */
public final class WelchTest {
    private WelchTest() {
    }

    /**
     * The test's figures; {@code t}, {@code df} and {@code pval} are NaN when both groups are constant, where R
     * refuses ("data are essentially constant").
     */
    public record Result(int nA, int nB, double meanA, double meanB, double t, double df, double pval) {
    }

    /** Tests the means of {@code a} and {@code b}, two-sided; each needs at least two values. */
    public static Result test(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("Welch's test needs two values in each group, not " + a.length
                    + " and " + b.length);
        }
        double meanA = mean(a);
        double meanB = mean(b);
        double seA = variance(a, meanA) / a.length;
        double seB = variance(b, meanB) / b.length;
        double se2 = seA + seB;
        if (!(se2 > 0)) {
            return new Result(a.length, b.length, meanA, meanB, Double.NaN, Double.NaN, Double.NaN);
        }
        double t = (meanA - meanB) / Math.sqrt(se2);
        double df = se2 * se2 / (seA * seA / (a.length - 1) + seB * seB / (b.length - 1));
        double p = 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
        return new Result(a.length, b.length, meanA, meanB, t, df, Math.min(1, p));
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double variance(double[] x, double mean) {
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (x.length - 1);
    }
}
