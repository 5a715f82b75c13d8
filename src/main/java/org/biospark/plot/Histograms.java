package org.biospark.plot;

/** Counting values into equal bins, the way {@link Charts#histogram} draws them. */
public final class Histograms {
    private Histograms() {
    }

    /**
     * Counts of {@code values} in {@code bins} equal bins over [min, max]: bin b holds [min + b w, min + (b+1) w),
     * the last bin also holds max. Values outside [min, max] and NaN are not counted.
     */
    public static long[] counts(double[] values, double min, double max, int bins) {
        if (!(max > min) || bins < 1) {
            throw new IllegalArgumentException("bins need max > min and at least one bin");
        }
        long[] counts = new long[bins];
        double width = (max - min) / bins;
        for (double v : values) {
            if (v >= min && v <= max) {
                counts[Math.min(bins - 1, (int) ((v - min) / width))]++;
            }
        }
        return counts;
    }
}
