package org.biospark.geneset;

/**
 * How phenotype-mode GSEA ranks genes: a statistic of class A against class B for each gene, as GSEA defines them.
 * Standard deviations are sample ones (n - 1) with GSEA's floor, sigma = max(sigma, 0.2 |mean|), and 0.2 when the
 * mean is 0, so that a nearly constant gene cannot dominate.
 */
public enum RankingMetric {
    /** (mean A - mean B) / (sigma A + sigma B). */
    SIGNAL2NOISE,
    /** (mean A - mean B) / sqrt(sigma A^2 / n A + sigma B^2 / n B). */
    TTEST,
    /** mean A - mean B (for log-scale data). */
    DIFF_OF_MEANS,
    /** mean A / mean B. */
    RATIO_OF_MEANS,
    /** log2(mean A / mean B). */
    LOG2_RATIO_OF_MEANS;

    /** The statistic of one gene's {@code values}, where {@code inA[s]} says which class sample s is in. */
    public double score(double[] values, boolean[] inA) {
        int nA = 0;
        int nB = 0;
        double sumA = 0;
        double sumB = 0;
        for (int s = 0; s < values.length; s++) {
            if (inA[s]) {
                nA++;
                sumA += values[s];
            } else {
                nB++;
                sumB += values[s];
            }
        }
        double meanA = sumA / nA;
        double meanB = sumB / nB;
        return switch (this) {
            case DIFF_OF_MEANS -> meanA - meanB;
            case RATIO_OF_MEANS -> meanA / meanB;
            case LOG2_RATIO_OF_MEANS -> Math.log(meanA / meanB) / Math.log(2);
            case SIGNAL2NOISE, TTEST -> {
                double sigmaA = flooredSigma(values, inA, true, meanA, nA);
                double sigmaB = flooredSigma(values, inA, false, meanB, nB);
                yield this == SIGNAL2NOISE ? (meanA - meanB) / (sigmaA + sigmaB)
                        : (meanA - meanB) / Math.sqrt(sigmaA * sigmaA / nA + sigmaB * sigmaB / nB);
            }
        };
    }

    private static double flooredSigma(double[] values, boolean[] inA, boolean classA, double mean, int n) {
        double squares = 0;
        for (int s = 0; s < values.length; s++) {
            if (inA[s] == classA) {
                double d = values[s] - mean;
                squares += d * d;
            }
        }
        double sigma = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        double floor = mean == 0 ? 0.2 : 0.2 * Math.abs(mean);
        return Math.max(sigma, floor);
    }
}
