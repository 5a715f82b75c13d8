package org.biospark.geneset;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

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
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        double[] adjusted = new double[n];
        double running = 1.0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            int rank = n - k;
            running = Math.min(running, p[i] * n / rank);
            adjusted[i] = Math.min(1.0, running);
        }
        return adjusted;
    }
}
