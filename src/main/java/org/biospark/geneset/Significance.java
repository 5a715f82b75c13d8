package org.biospark.geneset;

import java.util.Arrays;

/**
 * From observed enrichment scores and their permutation nulls to every significance measure GSEA users read:
 * NES, nominal p (fgsea's +1 counts, per sign), Benjamini-Hochberg, GSEA's FDR q and FWER.
 * <p>
 * Nulls come in groups, each an array of null ES indexed by permutation, shared by all the sets that point at it:
 * preranked GSEA has one group per set size (a gene-set permutation null depends on nothing else), phenotype GSEA one
 * per set. Every group has the same permutations. Definitions, for a set s with ES_s and null group g:
 * <ul>
 * <li>NES_s = ES_s over the mean of g's nulls of ES_s's sign (nulls equal to 0 count on both sides, as fgsea does);
 * a null x of g is normalised the same way into a null NES.</li>
 * <li>p_s = min(1, (1 + #{x <= ES_s}) / (1 + #{x <= 0}), (1 + #{x >= ES_s}) / (1 + #{x >= 0})).</li>
 * <li>FDR q for NES_s >= 0 (GSEA, Subramanian et al. 2005): #{null NES >= NES_s} / #{null NES >= 0} over all
 * sets and permutations, divided by #{observed NES >= NES_s} / #{observed NES >= 0}, capped at 1; mirrored for
 * negative NES. </li>
 * <li>FWER for NES_s >= 0: the share of permutations in which the largest null NES over all sets is >= NES_s;
 * mirrored for negative NES.</li>
 * </ul>
 * A set whose group has no null of its ES's sign has no NES: NES, q and FWER are NaN.
 */
public final class Significance {
    private Significance() {
    }

    /**
     * @param es      observed ES per set
     * @param groupOf each set's null group
     * @param nulls   null ES per group, {@code [group][permutation]}, the same number of permutations in each
     * @param sharedDraws true when the groups' nulls of one permutation come from one random draw (the gene-set
     *                    permutation nulls of {@link PermutationNulls}, nested prefixes of one sample), which makes
     *                    them correlated in a way the sets' real nulls are not; FWER, the one measure that reads
     *                    the sets' nulls jointly, then pairs set s's permutation p with permutation (p + s) mod P,
     *                    so that the sets of one joint draw use distinct random samples. False when the
     *                    correlation is real (label permutations permute every set at once).
     */
    public static SetSignificance[] compute(double[] es, int[] groupOf, double[][] nulls, boolean sharedDraws) {
        int sets = es.length;
        int groups = nulls.length;
        int permutations = groups == 0 ? 0 : nulls[0].length;
        long[] multiplicity = new long[groups];
        for (int g : groupOf) {
            multiplicity[g]++;
        }
        double[][] sorted = new double[groups][];
        double[] positiveMean = new double[groups];
        double[] negativeMean = new double[groups];
        for (int g = 0; g < groups; g++) {
            if (nulls[g].length != permutations) {
                throw new IllegalArgumentException("null group " + g + " has " + nulls[g].length
                        + " permutations, group 0 has " + permutations);
            }
            if (multiplicity[g] == 0) {
                continue;
            }
            sorted[g] = nulls[g].clone();
            Arrays.sort(sorted[g]);
            double positiveSum = 0;
            double negativeSum = 0;
            long positive = 0;
            long negative = 0;
            for (double x : nulls[g]) {
                if (x >= 0) {
                    positiveSum += x;
                    positive++;
                }
                if (x <= 0) {
                    negativeSum += x;
                    negative++;
                }
            }
            positiveMean[g] = positiveSum / positive;
            negativeMean[g] = Math.abs(negativeSum / negative);
        }

        double[] nes = new double[sets];
        double[] p = new double[sets];
        long[] moreExtreme = new long[sets];
        for (int s = 0; s < sets; s++) {
            int g = groupOf[s];
            double[] x = sorted[g];
            long le = upperBound(x, es[s]);
            long ge = permutations - lowerBound(x, es[s]);
            long leZero = upperBound(x, 0.0);
            long geZero = permutations - lowerBound(x, 0.0);
            p[s] = Math.min(1.0, Math.min((1.0 + le) / (1.0 + leZero), (1.0 + ge) / (1.0 + geZero)));
            nes[s] = es[s] >= 0 ? es[s] / positiveMean[g] : es[s] / negativeMean[g];
            moreExtreme[s] = es[s] > 0 ? ge : le;
        }
        double[] padj = MultipleTesting.benjaminiHochberg(p);

        double[] fdr = new double[sets];
        double[] fwer = new double[sets];
        for (int sign : new int[] {1, -1}) {
            sideStatistics(sign, nes, groupOf, nulls, sorted, multiplicity, positiveMean, negativeMean, sharedDraws,
                    fdr, fwer);
        }
        SetSignificance[] out = new SetSignificance[sets];
        for (int s = 0; s < sets; s++) {
            out[s] = new SetSignificance(nes[s], p[s], padj[s], fdr[s], fwer[s], moreExtreme[s]);
        }
        return out;
    }

    /**
     * FDR q and FWER of the sets on one side (sign 1: NES >= 0; -1: NES < 0). Works on sign * NES, so that
     * "at least as extreme" is always ">=".
     */
    private static void sideStatistics(int sign, double[] nes, int[] groupOf, double[][] nulls, double[][] sorted,
                                       long[] multiplicity, double[] positiveMean, double[] negativeMean,
                                       boolean sharedDraws, double[] fdr, double[] fwer) {
        int sets = nes.length;
        int permutations = nulls.length == 0 ? 0 : nulls[0].length;
        int[] members = java.util.stream.IntStream.range(0, sets)
                .filter(s -> !Double.isNaN(nes[s]) && (sign > 0 ? nes[s] >= 0 : nes[s] < 0)).toArray();
        if (members.length == 0) {
            return;
        }
        double[] observed = new double[members.length];
        for (int i = 0; i < members.length; i++) {
            observed[i] = sign * nes[members[i]];
        }
        double[] thresholds = observed.clone();
        Arrays.sort(thresholds);
        // observed NES on this side, all of them >= 0 after the sign flip
        long observedOnSide = 0;
        for (double v : nes) {
            observedOnSide += !Double.isNaN(v) && (sign > 0 ? v >= 0 : v <= 0) ? 1 : 0;
        }
        // every null NES on this side, weighted by how many sets share its group, dropped into the bucket of the
        // thresholds it reaches; suffix sums then count the nulls at or beyond each threshold
        long[] bucket = new long[thresholds.length + 1];
        long nullOnSide = 0;
        double[] extremeByPermutation = new double[permutations];
        Arrays.fill(extremeByPermutation, Double.NEGATIVE_INFINITY);
        for (int g = 0; g < nulls.length; g++) {
            if (multiplicity[g] == 0) {
                continue;
            }
            double mean = sign > 0 ? positiveMean[g] : negativeMean[g];
            if (Double.isNaN(mean)) {
                continue;
            }
            // the group's nulls on this side in ascending order of sign * x (its sorted nulls, read forwards for
            // x >= 0, backwards for x <= 0), so the count of thresholds each reaches only grows: one merge, no search
            double[] ascending = sorted[g];
            int zero = lowerBound(ascending, 0.0); // the nulls below 0 (-0.0 is not below 0)
            int first = sign > 0 ? zero : upperBound(ascending, 0.0) - 1; // the last null <= 0, 0.0 and -0.0 included
            int step = sign > 0 ? 1 : -1;
            int reached = 0;
            for (int k = first; k >= 0 && k < permutations; k += step) {
                double normalised = sign * ascending[k] / mean;
                while (reached < thresholds.length && thresholds[reached] <= normalised) {
                    reached++;
                }
                bucket[reached] += multiplicity[g];
                nullOnSide += multiplicity[g];
            }
            if (!sharedDraws) {
                for (int perm = 0; perm < permutations; perm++) {
                    double x = sign * nulls[g][perm];
                    double normalised = x / mean;
                    if (x >= 0 && normalised > extremeByPermutation[perm]) { // a 0 / 0 (NaN) is no null NES
                        extremeByPermutation[perm] = normalised;
                    }
                }
            }
        }
        if (sharedDraws) {
            for (int s = 0; s < sets; s++) {
                int g = groupOf[s];
                double mean = sign > 0 ? positiveMean[g] : negativeMean[g];
                if (Double.isNaN(mean)) {
                    continue;
                }
                // permutation perm pairs with joint draw (perm + s) mod P, found without a division per element
                double[] x = nulls[g];
                int shift = permutations == 0 ? 0 : s % permutations;
                for (int perm = 0; perm < permutations; perm++) {
                    int joint = perm < permutations - shift ? perm + shift : perm + shift - permutations;
                    double normalised = sign * x[perm] / mean;
                    if (normalised > extremeByPermutation[joint]) {
                        extremeByPermutation[joint] = normalised;
                    }
                }
            }
        }
        long[] atLeast = new long[thresholds.length];
        long running = bucket[thresholds.length];
        for (int j = thresholds.length - 1; j >= 0; j--) {
            atLeast[j] = running;
            running += bucket[j];
        }
        Arrays.sort(extremeByPermutation);
        for (int i = 0; i < members.length; i++) {
            double t = observed[i];
            int j = lowerBound(thresholds, t);
            long nullAtLeast = atLeast[j];
            long observedAtLeast = thresholds.length - j;
            double nullShare = nullOnSide == 0 ? 0 : (double) nullAtLeast / nullOnSide;
            double observedShare = (double) observedAtLeast / observedOnSide;
            fdr[members[i]] = Math.min(1.0, nullShare / observedShare);
            fwer[members[i]] = (double) (permutations - lowerBound(extremeByPermutation, t)) / permutations;
        }
    }

    /** The number of elements of sorted {@code a} that are < {@code v}. */
    static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The number of elements of sorted {@code a} that are <= {@code v}. */
    static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
