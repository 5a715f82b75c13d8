package org.biospark.geneset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** FDR q and FWER against their definitions (see {@link Significance}), counted by brute force, both null kinds. */
class SignificanceTest {
    @Test
    void fdrAndFwerCountExactlyWhatTheirDefinitionsCount() {
        SplittableRandom random = new SplittableRandom(31);
        for (int trial = 0; trial < 300; trial++) {
            int groups = 1 + random.nextInt(12);
            int sets = 1 + random.nextInt(30);
            int permutations = 1 + random.nextInt(60);
            double[][] nulls = new double[groups][permutations];
            for (double[] group : nulls) {
                for (int perm = 0; perm < permutations; perm++) {
                    group[perm] = switch (random.nextInt(8)) { // coarse values: ties, zeros of both signs
                        case 0 -> 0.0;
                        case 1 -> -0.0;
                        case 2 -> Math.round(random.nextGaussian() * 4) / 8.0;
                        default -> random.nextGaussian() * 0.4;
                    };
                }
            }
            int[] groupOf = new int[sets];
            double[] es = new double[sets];
            for (int s = 0; s < sets; s++) {
                groupOf[s] = random.nextInt(groups);
                es[s] = random.nextInt(5) == 0 ? nulls[groupOf[s]][random.nextInt(permutations)]
                        : random.nextGaussian() * 0.6;
            }
            SetSignificance[] out = Significance.compute(es, groupOf, nulls, false);
            SetSignificance[] shared = Significance.compute(es, groupOf, nulls, true);
            for (int s = 0; s < sets; s++) {
                double nes = out[s].nes();
                if (Double.isNaN(nes)) {
                    continue;
                }
                int sign = nes >= 0 ? 1 : -1;
                assertEquals(expectedFdr(sign, sign * nes, out, groupOf, nulls), out[s].fdrQ(), 0.0,
                        "trial " + trial + " set " + s);
                assertEquals(expectedFwer(sign, sign * nes, groupOf, nulls), out[s].fwer(), 0.0,
                        "trial " + trial + " set " + s);
                assertEquals(out[s].fdrQ(), shared[s].fdrQ(), 0.0, "trial " + trial + " set " + s);
                assertEquals(expectedSharedDrawsFwer(sign, sign * nes, groupOf, nulls), shared[s].fwer(), 0.0,
                        "shared draws, trial " + trial + " set " + s);
            }
        }
    }

    /** The mean of a group's nulls on one side (0 counts on both), as NES divides by: NaN when it has none. */
    private static double sideMean(double[] group, int sign) {
        double sum = 0;
        int count = 0;
        for (double x : group) {
            if (sign > 0 ? x >= 0 : x <= 0) {
                sum += x;
                count++;
            }
        }
        return Math.abs(sum / count);
    }

    private static double expectedFdr(int sign, double t, SetSignificance[] out, int[] groupOf, double[][] nulls) {
        long nullAtLeast = 0;
        long nullOnSide = 0;
        for (int g = 0; g < nulls.length; g++) {
            long multiplicity = 0;
            for (int group : groupOf) {
                multiplicity += group == g ? 1 : 0;
            }
            double mean = sideMean(nulls[g], sign);
            if (multiplicity == 0 || Double.isNaN(mean)) {
                continue;
            }
            for (double null0 : nulls[g]) {
                double x = sign * null0;
                if (x >= 0) {
                    nullOnSide += multiplicity;
                    nullAtLeast += x / mean >= t ? multiplicity : 0;
                }
            }
        }
        long observedOnSide = 0;
        long observedAtLeast = 0;
        for (SetSignificance o : out) {
            double nes = o.nes();
            if (!Double.isNaN(nes) && (sign > 0 ? nes >= 0 : nes <= 0)) {
                observedOnSide++;
            }
            if (!Double.isNaN(nes) && (sign > 0 ? nes >= 0 : nes < 0) && sign * nes >= t) {
                observedAtLeast++;
            }
        }
        double nullShare = nullOnSide == 0 ? 0 : (double) nullAtLeast / nullOnSide;
        return Math.min(1.0, nullShare / ((double) observedAtLeast / observedOnSide));
    }

    private static double expectedFwer(int sign, double t, int[] groupOf, double[][] nulls) {
        int permutations = nulls[0].length;
        int reaching = 0;
        for (int perm = 0; perm < permutations; perm++) {
            double extreme = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < nulls.length; g++) {
                int group = g;
                double mean = sideMean(nulls[g], sign);
                double x = sign * nulls[g][perm];
                boolean used = java.util.Arrays.stream(groupOf).anyMatch(o -> o == group);
                if (used && !Double.isNaN(mean) && x >= 0 && !Double.isNaN(x / mean)) { // 0 / 0 is no null NES
                    extreme = Math.max(extreme, x / mean);
                }
            }
            reaching += extreme >= t ? 1 : 0;
        }
        return (double) reaching / permutations;
    }

    /**
     * FWER when the groups' nulls of one permutation share a draw: set s's permutation p counts in joint
     * permutation (p + s) mod P, and the joint maximum is over every set's normalised null (0 / 0 is no null).
     */
    private static double expectedSharedDrawsFwer(int sign, double t, int[] groupOf, double[][] nulls) {
        int permutations = nulls[0].length;
        double[] extreme = new double[permutations];
        java.util.Arrays.fill(extreme, Double.NEGATIVE_INFINITY);
        for (int s = 0; s < groupOf.length; s++) {
            double mean = sideMean(nulls[groupOf[s]], sign);
            if (Double.isNaN(mean)) {
                continue;
            }
            for (int perm = 0; perm < permutations; perm++) {
                double v = sign * nulls[groupOf[s]][perm] / mean;
                int joint = (perm + s) % permutations;
                if (!Double.isNaN(v)) {
                    extreme[joint] = Math.max(extreme[joint], v);
                }
            }
        }
        int reaching = 0;
        for (double e : extreme) {
            reaching += e >= t ? 1 : 0;
        }
        return (double) reaching / permutations;
    }
}
