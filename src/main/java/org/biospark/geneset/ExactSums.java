package org.biospark.geneset;

/**
 * Sums carried in twice a double's precision (Knuth's two-sum), rounded once at the end: what R's extended-precision
 * sums give, to the last bit but in rare double-rounding cases, whatever the order or the magnitudes of the terms.
 */
final class ExactSums {
    private double hi;
    private double lo;

    void add(double x) {
        double s = hi + x;
        double b = s - hi;
        lo += (hi - (s - b)) + (x - b);
        hi = s;
    }

    double value() {
        return hi + lo;
    }

    /** The sum divided by {@code n}, rounded once. */
    double over(double n) {
        double q = hi / n;
        double rest = Math.fma(-q, n, hi) + lo;
        return q + rest / n;
    }

    /** The mean, its sum carried in extended precision. */
    static double mean(double[] x) {
        ExactSums s = new ExactSums();
        for (double v : x) {
            s.add(v);
        }
        return s.over(x.length);
    }

    /** The sample standard deviation (denominator n - 1), its sums carried in extended precision. */
    static double sd(double[] x) {
        double mean = mean(x);
        ExactSums squares = new ExactSums();
        for (double v : x) {
            double d = v - mean;
            squares.add(d * d);
        }
        return Math.sqrt(squares.over(x.length - 1));
    }
}
