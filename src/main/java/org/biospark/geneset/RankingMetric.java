package org.biospark.geneset;

/**
 * How phenotype-mode GSEA ranks genes: a statistic of class A against class B for each gene, as GSEA defines them.
 * Standard deviations are sample ones (n - 1) with GSEA's floor, sigma = max(sigma, 0.2 |mean|), and 0.2 when the
 * mean is 0, so that a nearly constant gene cannot dominate.
 */
public enum RankingMetric implements org.biospark.Choice {
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

    /** The metric's name as GSEA spells it, in lower case: {@code signal2noise}, {@code diff_of_means}, ... */
    @Override
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The statistic of one gene's {@code values}, where {@code inA[s]} says which class sample s is in. */
    public double score(double[] values, boolean[] inA) {
        int[][] classes = classIndices(inA);
        return score(values, classes[0], classes[1]);
    }

    /** The samples of class A and of class B, each ascending: {@code {a, b}}. */
    static int[][] classIndices(boolean[] inA) {
        int nA = 0;
        for (boolean a : inA) {
            nA += a ? 1 : 0;
        }
        int[] a = new int[nA];
        int[] b = new int[inA.length - nA];
        int i = 0;
        int j = 0;
        for (int sample = 0; sample < inA.length; sample++) {
            if (inA[sample]) {
                a[i++] = sample;
            } else {
                b[j++] = sample;
            }
        }
        return new int[][] {a, b};
    }

    /**
     * The statistic of one gene's {@code values} with the samples of class A and B given as ascending indices
     * (summed in sample order, so the result does not depend on which form the classes come in).
     */
    double score(double[] values, int[] a, int[] b) {
        int nA = a.length;
        int nB = b.length;
        double sumA = 0;
        for (int sample : a) {
            sumA += values[sample];
        }
        double sumB = 0;
        for (int sample : b) {
            sumB += values[sample];
        }
        double meanA = sumA / nA;
        double meanB = sumB / nB;
        return switch (this) {
            case DIFF_OF_MEANS -> meanA - meanB;
            case RATIO_OF_MEANS -> meanA / meanB;
            case LOG2_RATIO_OF_MEANS -> Math.log(meanA / meanB) / Math.log(2);
            case SIGNAL2NOISE, TTEST -> {
                double sigmaA = flooredSigma(values, a, meanA);
                double sigmaB = flooredSigma(values, b, meanB);
                yield this == SIGNAL2NOISE ? (meanA - meanB) / (sigmaA + sigmaB)
                        : (meanA - meanB) / Math.sqrt(sigmaA * sigmaA / nA + sigmaB * sigmaB / nB);
            }
        };
    }

    /**
     * The statistic of every gene at once, from the matrix stored sample-major ({@code bySample[sample][gene]}):
     * every loop runs along genes, which the JIT turns into vector instructions. Each gene's arithmetic is
     * {@link #score(double[], int[], int[])}'s, operation for operation, so the results are the same to the bit.
     *
     * @param scratch four arrays of at least the gene count, reused between calls
     */
    void scoreAll(double[][] bySample, int[] a, int[] b, double[] out, double[][] scratch) {
        int n = out.length;
        for (int from = 0; from < n; from += CHUNK) {
            scoreChunk(bySample, a, b, out, scratch, from, Math.min(n, from + CHUNK));
        }
    }

    /**
     * Genes per pass of {@link #scoreAll}: the samples' slices and the scratch slices of one chunk (17 x 2 KB with
     * 12 samples) stay in the level-1 cache through all the passes over it, instead of streaming from level 2.
     */
    private static final int CHUNK = 256;

    private void scoreChunk(double[][] bySample, int[] a, int[] b, double[] out, double[][] scratch, int from,
                            int to) {
        double[] meanA = scratch[0];
        double[] meanB = scratch[1];
        double[] squaresA = scratch[2];
        double[] squaresB = scratch[3];
        classMeans(bySample, a, meanA, from, to);
        classMeans(bySample, b, meanB, from, to);
        switch (this) {
            case DIFF_OF_MEANS -> {
                for (int g = from; g < to; g++) {
                    out[g] = meanA[g] - meanB[g];
                }
            }
            case RATIO_OF_MEANS -> {
                for (int g = from; g < to; g++) {
                    out[g] = meanA[g] / meanB[g];
                }
            }
            case LOG2_RATIO_OF_MEANS -> {
                for (int g = from; g < to; g++) {
                    out[g] = Math.log(meanA[g] / meanB[g]) / Math.log(2);
                }
            }
            case SIGNAL2NOISE, TTEST -> {
                flooredSigmas(bySample, a, meanA, squaresA, from, to);
                flooredSigmas(bySample, b, meanB, squaresB, from, to);
                int nA = a.length;
                int nB = b.length;
                if (this == SIGNAL2NOISE) {
                    for (int g = from; g < to; g++) {
                        out[g] = (meanA[g] - meanB[g]) / (squaresA[g] + squaresB[g]);
                    }
                } else {
                    for (int g = from; g < to; g++) {
                        out[g] = (meanA[g] - meanB[g])
                                / Math.sqrt(squaresA[g] * squaresA[g] / nA + squaresB[g] * squaresB[g] / nB);
                    }
                }
            }
            default -> throw new IllegalStateException(name());
        }
    }

    /** Each gene's mean over the class: the samples added in order, four per pass over the genes (the rest in one). */
    private static void classMeans(double[][] bySample, int[] samples, double[] mean, int from, int to) {
        java.util.Arrays.fill(mean, from, to, 0.0);
        int i = 0;
        for (; i + 4 <= samples.length; i += 4) {
            double[] r0 = bySample[samples[i]];
            double[] r1 = bySample[samples[i + 1]];
            double[] r2 = bySample[samples[i + 2]];
            double[] r3 = bySample[samples[i + 3]];
            for (int g = from; g < to; g++) {
                mean[g] = (((mean[g] + r0[g]) + r1[g]) + r2[g]) + r3[g];
            }
        }
        switch (samples.length - i) { // the last one to three samples in one pass too, still added in order
            case 3 -> {
                double[] r0 = bySample[samples[i]];
                double[] r1 = bySample[samples[i + 1]];
                double[] r2 = bySample[samples[i + 2]];
                for (int g = from; g < to; g++) {
                    mean[g] = ((mean[g] + r0[g]) + r1[g]) + r2[g];
                }
            }
            case 2 -> {
                double[] r0 = bySample[samples[i]];
                double[] r1 = bySample[samples[i + 1]];
                for (int g = from; g < to; g++) {
                    mean[g] = (mean[g] + r0[g]) + r1[g];
                }
            }
            case 1 -> {
                double[] r0 = bySample[samples[i]];
                for (int g = from; g < to; g++) {
                    mean[g] += r0[g];
                }
            }
            default -> {
            }
        }
        double count = samples.length;
        for (int g = from; g < to; g++) {
            mean[g] = mean[g] / count;
        }
    }

    /**
     * Fills {@code sigma} with each gene's floored standard deviation in the class: squared deviations added in
     * sample order, four samples per pass (the last one to three in one, the same additions unrolled); then
     * max(sd, 0.2 |mean|) in a loop the JIT vectorises, and the floor of 0.2 for a mean of exactly 0 (where
     * 0.2 |mean| is 0) in a second, rarely taken one.
     */
    private static void flooredSigmas(double[][] bySample, int[] samples, double[] mean, double[] sigma, int from,
                                      int to) {
        java.util.Arrays.fill(sigma, from, to, 0.0);
        int i = 0;
        for (; i + 4 <= samples.length; i += 4) {
            double[] r0 = bySample[samples[i]];
            double[] r1 = bySample[samples[i + 1]];
            double[] r2 = bySample[samples[i + 2]];
            double[] r3 = bySample[samples[i + 3]];
            for (int g = from; g < to; g++) {
                double m = mean[g];
                double d0 = r0[g] - m;
                double d1 = r1[g] - m;
                double d2 = r2[g] - m;
                double d3 = r3[g] - m;
                sigma[g] = (((sigma[g] + d0 * d0) + d1 * d1) + d2 * d2) + d3 * d3;
            }
        }
        switch (samples.length - i) {
            case 3 -> {
                double[] r0 = bySample[samples[i]];
                double[] r1 = bySample[samples[i + 1]];
                double[] r2 = bySample[samples[i + 2]];
                for (int g = from; g < to; g++) {
                    double m = mean[g];
                    double d0 = r0[g] - m;
                    double d1 = r1[g] - m;
                    double d2 = r2[g] - m;
                    sigma[g] = ((sigma[g] + d0 * d0) + d1 * d1) + d2 * d2;
                }
            }
            case 2 -> {
                double[] r0 = bySample[samples[i]];
                double[] r1 = bySample[samples[i + 1]];
                for (int g = from; g < to; g++) {
                    double m = mean[g];
                    double d0 = r0[g] - m;
                    double d1 = r1[g] - m;
                    sigma[g] = (sigma[g] + d0 * d0) + d1 * d1;
                }
            }
            case 1 -> {
                double[] r0 = bySample[samples[i]];
                for (int g = from; g < to; g++) {
                    double d = r0[g] - mean[g];
                    sigma[g] += d * d;
                }
            }
            default -> {
            }
        }
        int count = samples.length;
        if (count > 1) {
            double degrees = count - 1;
            for (int g = from; g < to; g++) {
                sigma[g] = Math.max(Math.sqrt(sigma[g] / degrees), 0.2 * Math.abs(mean[g]));
            }
        } else {
            for (int g = from; g < to; g++) {
                sigma[g] = Math.max(0, 0.2 * Math.abs(mean[g]));
            }
        }
        for (int g = from; g < to; g++) {
            if (mean[g] == 0) {
                sigma[g] = Math.max(sigma[g], 0.2);
            }
        }
    }

    private static double flooredSigma(double[] values, int[] samples, double mean) {
        double squares = 0;
        for (int sample : samples) {
            double d = values[sample] - mean;
            squares += d * d;
        }
        int n = samples.length;
        double sigma = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        double floor = mean == 0 ? 0.2 : 0.2 * Math.abs(mean);
        return Math.max(sigma, floor);
    }
}
