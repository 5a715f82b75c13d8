package org.biospark.geneset;

import java.util.Arrays;

/** Corrections for testing many gene sets at once. */
public final class MultipleTesting {
    private MultipleTesting() {
    }

    /**
     * Benjamini-Hochberg adjusted p-values, as R's {@code p.adjust(p, "BH")}: p_(i) * n / i, made monotone from
     * the largest down, capped at 1.
     */
    public static double[] benjaminiHochberg(double[] p) {
        int n = p.length;
        // p ascending; the running minimum from the largest down gives every p-value of a run of ties the value at
        // the run's largest rank, whatever order the ties are in, so sorted values are enough (no index sort)
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        double[] atRank = new double[n];
        double running = 1.0;
        for (int r = n - 1; r >= 0; r--) {
            running = Math.min(running, sorted[r] * n / (r + 1));
            atRank[r] = Math.min(1.0, running);
        }
        double[] adjusted = new double[n];
        for (int i = 0; i < n; i++) {
            adjusted[i] = atRank[lastOf(sorted, p[i])];
        }
        return adjusted;
    }

    /** The index of the last element of {@code sorted} (ascending as {@link Arrays#sort} orders) equal to v. */
    private static int lastOf(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], v) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
