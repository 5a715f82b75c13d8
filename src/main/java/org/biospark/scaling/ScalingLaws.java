package org.biospark.scaling;

import java.util.List;

/**
 * The arithmetic of a scaling study: speed-up, efficiency, the Karp-Flatt serial fraction of each measured
 * parallelism, a least-squares Amdahl fit over all of them with its predictions, and Gustafson's scaled speed-up
 * for a study whose work grows with the cores. Cores may be given relative to a baseline of more than one (2 for
 * four cores over two), where a study does not start at one.
 */
public final class ScalingLaws {
    private ScalingLaws() {
    }

    /** A measured time at a parallelism (the median of its repeats, say). */
    public record Point(int cores, double seconds) {
        public Point {
            if (cores < 1 || !(seconds > 0)) {
                throw new IllegalArgumentException("a point needs cores >= 1 and a positive time: " + cores + ", "
                        + seconds);
            }
        }
    }

    /**
     * Amdahl's law fitted to the times: T(k) = T(1) (f + (1 - f) / k).
     *
     * @param serial   f, the serial fraction, clamped to [0, 1]
     * @param oneCore  T(1) as the fit gives it
     */
    public record Amdahl(double serial, double oneCore) {
        /** The speed-up the fit predicts at {@code cores}. */
        public double speedup(int cores) {
            return 1 / (serial + (1 - serial) / cores);
        }
    }

    /** T(1) / T(k). */
    public static double speedup(double oneCore, double seconds) {
        return oneCore / seconds;
    }

    /** The speed-up per core. */
    public static double efficiency(double speedup, double cores) {
        return speedup / cores;
    }

    /**
     * Karp and Flatt's experimentally determined serial fraction, (1/S - 1/k) / (1 - 1/k); undefined (NaN) at one
     * core.
     */
    public static double karpFlatt(double speedup, double cores) {
        return cores == 1 ? Double.NaN : (1 / speedup - 1.0 / cores) / (1 - 1.0 / cores);
    }

    /**
     * The least-squares line T = a + b / k through the points (a is the serial time, b the parallel work), read as
     * Amdahl's serial fraction f = a / (a + b). Two parallelisms or more are needed.
     */
    public static Amdahl amdahl(List<Point> points) {
        if (points.stream().map(Point::cores).distinct().count() < 2) {
            throw new IllegalArgumentException("an Amdahl fit needs times at two parallelisms or more");
        }
        double n = points.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Point p : points) {
            double x = 1.0 / p.cores();
            sx += x;
            sy += p.seconds();
            sxx += x * x;
            sxy += x * p.seconds();
        }
        double b = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double a = (sy - b * sx) / n;
        double oneCore = a + b;
        double serial = Math.min(1, Math.max(0, a / oneCore));
        return new Amdahl(serial, oneCore);
    }

    /**
     * Gustafson's scaled speed-up of a weak-scaling study, where k cores do k times the work of one: k T(1) / T(k).
     */
    public static double scaledSpeedup(double oneCore, double seconds, double cores) {
        return cores * oneCore / seconds;
    }

    /** The serial fraction Gustafson's law S = k - f (k - 1) implies; NaN at one core. */
    public static double gustafsonSerial(double scaledSpeedup, double cores) {
        return cores == 1 ? Double.NaN : (cores - scaledSpeedup) / (cores - 1);
    }
}
