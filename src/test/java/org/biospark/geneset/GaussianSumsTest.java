package org.biospark.geneset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The pair kernel of GSVA's Gaussian sums against GSVA's double loop ({@link GaussianSums#direct}), on the vector
 * and the scalar kernel: every sum to 1e-12 relative, equal values' sums to the bit, and the two kernels to the bit.
 */
class GaussianSumsTest {
    private static final double RELATIVE = 1e-12;
    private static final int[] SIZES = {2, 3, 4, 5, 7, 9, 13, 31, 64, 101, 257, 1000, 2000};

    @Test
    void theTestsRunTheVectorKernel() {
        assertTrue(GaussianSums.vector(), "the tests run with jdk.incubator.vector; the vector kernel must be tested");
    }

    @Test
    void theShortcutsRestOnTheTablesEnds() {
        assertEquals(0.5, GaussianSums.TABLE[0]);
        assertEquals(1.0, GaussianSums.TABLE[GaussianSums.RESOLUTION]);
        assertTrue(GaussianSums.SATURATED > 0 && GaussianSums.SATURATED <= GaussianSums.RESOLUTION);
        assertTrue(GaussianSums.TABLE[GaussianSums.SATURATED - 1] < 1.0);
    }

    @Test
    void theProductGivesGsvasIndexEvenAtTheBoundaries() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 200_000; trial++) {
            double bw = Math.exp(random.nextDouble(-20, 20));
            double scale = GaussianSums.RESOLUTION / GaussianSums.MAX / bw;
            int target = random.nextInt(GaussianSums.SATURATED);
            // a difference that lands on an index boundary, or near it, or anywhere in the cell
            double d = trial % 2 == 0 ? target * bw / 1000 : (target + random.nextDouble()) * bw / 1000;
            for (int step = random.nextInt(4); step > 0; step--) {
                d = random.nextBoolean() ? Math.nextUp(d) : Math.nextDown(d);
            }
            d = Math.abs(d);
            int exact = GaussianSums.exactIndex(d, bw);
            if (exact < GaussianSums.SATURATED) {
                assertEquals(exact, GaussianSums.index(d, bw, scale), d + " at width " + bw);
            }
        }
    }

    @Test
    void normalRowsOfEverySize() {
        SplittableRandom random = new SplittableRandom(2);
        for (int n : SIZES) {
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = 6 + 1.5 * random.nextGaussian();
            }
            check(x);
        }
    }

    @Test
    void heavyTies() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n : SIZES) {
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = random.nextInt(4) == 0 ? random.nextGaussian() : random.nextInt(5) * 0.25;
            }
            check(x);
            // integer counts, mostly zero, with zero's two signs among them
            for (int j = 0; j < n; j++) {
                x[j] = random.nextInt(3) == 0 ? random.nextInt(20) : random.nextBoolean() ? 0.0 : -0.0;
            }
            check(x);
        }
    }

    @Test
    void valuesSpreadFarBeyondTenWidths() {
        SplittableRandom random = new SplittableRandom(4);
        for (int n : SIZES) {
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = 1000 * random.nextInt(4) + random.nextGaussian() - (j % 7 == 0 ? 1e6 : 0);
            }
            check(x);
            // heavy tails: a few values tens of widths away from the bulk
            for (int j = 0; j < n; j++) {
                x[j] = random.nextGaussian() / (random.nextDouble() + 0.01);
            }
            check(x);
        }
    }

    @Test
    void nearlyEqualValuesAndIndexBoundaries() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n : SIZES) {
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = random.nextInt(5) + random.nextInt(3) * 1e-13 + random.nextInt(3) * Math.ulp(4.0);
            }
            check(x);
            // values on a grid of the table's step at a chosen width: many products land on integers
            double bw = 0.25;
            for (int j = 0; j < n; j++) {
                double v = random.nextInt(4 * n) * bw / 1000;
                x[j] = random.nextInt(3) == 0 ? Math.nextUp(v) : random.nextInt(2) == 0 ? Math.nextDown(v) : v;
            }
            compare(x, bw);
        }
    }

    @Test
    void largeAndTinyMagnitudes() {
        SplittableRandom random = new SplittableRandom(6);
        for (double magnitude : new double[] {1e-150, 1e-100, 1e100, 1e150}) {
            double[] x = new double[257];
            for (int j = 0; j < x.length; j++) {
                x[j] = magnitude * random.nextGaussian();
            }
            check(x);
        }
    }

    @Test
    void rowsThePairKernelDoesNotTakeAreGsvasLoop() {
        List<double[]> rows = new ArrayList<>();
        rows.add(new double[] {4.2});
        rows.add(new double[] {1, 1, 1, 1, 1});
        rows.add(new double[] {1, 2, Double.NaN, 3});
        rows.add(new double[] {1, 2, Double.POSITIVE_INFINITY, 3});
        rows.add(new double[] {1e-320, 0, 2e-320, 0});
        rows.add(new double[] {1e-300, 0, 2e-300, 0}); // distinct values whose squares underflow: width 0
        rows.add(new double[] {1e308, -1e308, 0});
        for (double[] x : rows) {
            double bw = GeneDensity.bandwidth(x);
            assertFalse(GaussianSums.pairsApply(x, bw), java.util.Arrays.toString(x));
            assertArrayEquals(GeneDensity.logOdds(GaussianSums.direct(x, bw)),
                    GeneDensity.of(x, GeneDensity.Kernel.GAUSSIAN));
        }
    }

    /** A row at GSVA's width, through {@link GeneDensity#of} as well. */
    private static void check(double[] x) {
        double bw = GeneDensity.bandwidth(x);
        boolean constant = java.util.Arrays.stream(x).allMatch(v -> v == x[0]);
        assertEquals(!constant, GaussianSums.pairsApply(x, bw), "width " + bw);
        if (!constant) {
            compare(x, bw);
        }
        double[] expected = GeneDensity.logOdds(GaussianSums.direct(x, bw));
        double[] actual = GeneDensity.of(x, GeneDensity.Kernel.GAUSSIAN);
        for (int j = 0; j < x.length; j++) {
            // the log-odds of a sum near n / 2 is near 0: compare it to the scale of the log-odds there
            double tolerance = RELATIVE * Math.max(1, Math.abs(expected[j]));
            assertEquals(expected[j], actual[j], tolerance, "log-odds " + j + " of " + x.length);
        }
    }

    /** Both kernels against GSVA's loop at width {@code bw}. */
    private static void compare(double[] x, double bw) {
        double[] expected = GaussianSums.direct(x, bw);
        double[] vector = GaussianSums.pairs(x, bw, true);
        double[] scalar = GaussianSums.pairs(x, bw, false);
        assertArrayEquals(vector, scalar, "the vector and scalar kernels give the same bits, n = " + x.length);
        for (int j = 0; j < x.length; j++) {
            assertEquals(expected[j], vector[j], RELATIVE * expected[j], "sum " + j + " of " + x.length);
            for (int i = 0; i < j; i++) {
                if (x[i] == x[j]) {
                    assertEquals(Double.doubleToRawLongBits(vector[i]), Double.doubleToRawLongBits(vector[j]),
                            "equal values " + i + " and " + j + " of " + x.length);
                }
            }
        }
    }
}
