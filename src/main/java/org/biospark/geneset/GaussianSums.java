package org.biospark.geneset;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * GSVA's Gaussian kernel sums for one gene: for every sample j, the sum over all samples i of the normal distribution
 * function at {@code (x_j - x_i) / bw}, read from GSVA's table. {@link #direct} is GSVA's double loop; {@link #pairs}
 * gives every term the same value in far fewer operations and differs from it only by the order of the additions.
 *
 * <p>{@link #pairs} sorts the distinct values and visits each unordered pair once: {@code x_i - x_j} is exactly
 * {@code -(x_j - x_i)}, so the pair reads one table entry, {@code t} for the larger value and {@code 1 - t} for the
 * smaller. Past the point where the table holds 1.0 the terms are exactly 1 and 0 and are counted, not looked up.
 * Equal values are one distinct value with a multiplicity, so ties get the same bits. The additions happen in one
 * fixed order whichever kernel runs, so the vector and scalar kernels give the same bits too.
 */
final class GaussianSums {
    /** The table of the normal distribution function covers [0, MAX] in RESOLUTION steps. */
    static final double MAX = 10.0;
    static final int RESOLUTION = 10000;
    static final double[] TABLE = table();
    /** The table padded to a power of two, so that a masked index needs no bounds check. */
    static final int PADDED_MASK = Integer.highestOneBit(RESOLUTION) * 2 - 1;
    static final double[] PADDED_TABLE = Arrays.copyOf(TABLE, PADDED_MASK + 1);
    /** The first index from which every table entry is exactly 1.0: pairs this far apart are counted. */
    static final int SATURATED = saturated();
    /**
     * A product that many ulps from GSVA's three roundings truncates to the same index unless it lies this close to
     * an integer; there the index is computed GSVA's way. The margin is far wider than the worst rounding difference.
     */
    static final double NEAR_INTEGER = 1e-9;
    /** The pair kernel's shortcuts rest on these two entries: a tie reads one half either way, a far pair reads 1. */
    private static final boolean EXACT_SHORTCUTS = TABLE[0] == 0.5 && TABLE[RESOLUTION] == 1.0;
    private static final boolean VECTOR = detectVector();
    /**
     * The scalar kernel runs unless {@code biospark.geneset.vector=true}: on 256-bit vectors the vector kernel is no
     * faster, and it is several times slower under the launcher's JIT flags, which cut the inlining the Vector API
     * needs to keep its registers unboxed.
     */
    private static final boolean USE_VECTOR = VECTOR && "true".equalsIgnoreCase(
            System.getProperty("biospark.geneset.vector"));
    /** Each row's terms go to this many partial sums, the width of the vector kernel's register. */
    static final int PARTIALS = 4;
    /** Rows and columns of a tile of pairs, a multiple of {@link #PARTIALS}. */
    private static final int TILE = 128;

    private GaussianSums() {
    }

    private static double[] table() {
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double[] table = new double[RESOLUTION + 1];
        for (int i = 0; i <= RESOLUTION; i++) {
            table[i] = normal.cumulativeProbability(MAX * i / RESOLUTION);
        }
        return table;
    }

    private static int saturated() {
        int s = RESOLUTION + 1;
        while (s > 0 && TABLE[s - 1] == 1.0) {
            s--;
        }
        return s;
    }

    /**
     * Whether the vector kernel can run: the {@code jdk.incubator.vector} module is present and its registers hold at
     * least four doubles (the system property {@code biospark.geneset.vector=false} rules it out).
     */
    static boolean vector() {
        return VECTOR;
    }

    private static boolean detectVector() {
        if ("false".equalsIgnoreCase(System.getProperty("biospark.geneset.vector"))) {
            return false;
        }
        try {
            return GaussianSumsVector.usable();
        } catch (LinkageError | SecurityException absent) {
            return false;
        }
    }

    /** The sums for each value of {@code x} with kernel width {@code bw}, by the fastest exact way. */
    static double[] of(double[] x, double bw) {
        return pairsApply(x, bw) ? pairs(x, bw, USE_VECTOR) : direct(x, bw);
    }

    /**
     * Whether {@link #pairs} gives GSVA's terms: finite values and a width whose reciprocal scale is a normal number.
     * Otherwise (a constant gene, a single sample, infinities or NaN) GSVA's own loop, with its NaN reading entry 0.
     */
    static boolean pairsApply(double[] x, double bw) {
        if (!EXACT_SHORTCUTS || !(bw >= Double.MIN_NORMAL && bw <= Double.MAX_VALUE)
                || !Double.isFinite(scale(bw))) {
            return false;
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** GSVA's double loop, term by term and in its order. */
    static double[] direct(double[] x, double bw) {
        int n = x.length;
        double[] sums = new double[n];
        for (int j = 0; j < n; j++) {
            double y = x[j];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double v = (y - x[i]) / bw;
                double c;
                if (v < -MAX) {
                    c = 0;
                } else if (v > MAX) {
                    c = 1;
                } else {
                    double t = TABLE[(int) (Math.abs(v) / MAX * RESOLUTION)];
                    c = v < 0 ? 1.0 - t : t;
                }
                sum += c;
            }
            sums[j] = sum;
        }
        return sums;
    }

    /** The same sums as {@link #direct} (if {@link #pairsApply}), pair by pair, with the vector kernel or not. */
    static double[] pairs(double[] x, double bw, boolean vector) {
        int n = x.length;
        // past the values, room for a vector register's lanes that add nothing
        double[] u = new double[n + PARTIALS];
        for (int j = 0; j < n; j++) {
            u[j] = x[j] + 0.0; // -0.0 becomes 0.0: GSVA's subtraction cannot tell them apart
        }
        Arrays.sort(u, 0, n);
        double[] m = new double[n + PARTIALS];
        int distinct = 0;
        for (int j = 0; j < n; j++) {
            if (distinct > 0 && u[distinct - 1] == u[j]) {
                m[distinct - 1]++;
            } else {
                u[distinct] = u[j];
                m[distinct++] = 1;
            }
        }
        // values below lo[l] are so far under u[l] that their terms are exactly 1 for u[l] and 0 for themselves
        int[] lo = new int[distinct];
        double[] total = new double[distinct];
        double below = 0;
        for (int l = 0, k = 0; l < distinct; l++) {
            while (k < l && exactIndex(u[l] - u[k], bw) >= SATURATED) {
                below += m[k++];
            }
            lo[l] = k;
            total[l] = below;
        }
        double[] lower = new double[distinct + PARTIALS];
        double[] partials = new double[PARTIALS * distinct];
        addPairs(u, m, lo, lower, partials, bw, vector, distinct == n);
        for (int l = 0; l < distinct; l++) {
            int p = PARTIALS * l;
            // the copies of u[l] against one another read the table at 0 in both directions
            total[l] = total[l] + combine(partials[p], partials[p + 1], partials[p + 2], partials[p + 3]) + lower[l]
                    + m[l] * TABLE[0];
        }
        double[] sums = new double[n];
        for (int j = 0; j < n; j++) {
            sums[j] = total[Arrays.binarySearch(u, 0, distinct, x[j] + 0.0)];
        }
        return sums;
    }

    /**
     * Every pair in a window: the terms of u[l] with u[k] go to partial sum {@code k % PARTIALS} of row l, in
     * ascending k, and to {@code lower[k]}, in ascending l. Tiles of rows and columns keep the differences, and so
     * the table entries read, within a range that stays in the cache; the two orders are those of a row-by-row walk.
     */
    private static void addPairs(double[] u, double[] m, int[] lo, double[] lower, double[] partials, double bw,
                                 boolean vector, boolean unit) {
        int distinct = lo.length;
        double scale = scale(bw);
        long[] index = vector ? new long[TILE] : null;
        double[] terms = vector ? new double[TILE] : null;
        for (int rows = 0; rows < distinct; rows += TILE) {
            int rowEnd = Math.min(rows + TILE, distinct);
            for (int columns = lo[rows] / TILE * TILE; columns < rowEnd; columns += TILE) {
                for (int l = rows; l < rowEnd; l++) {
                    int from = Math.max(columns, lo[l]);
                    int to = Math.min(columns + TILE, l);
                    if (from >= to) {
                        continue;
                    }
                    if (vector) {
                        GaussianSumsVector.addRow(u, m, lower, partials, l, from, to, bw, scale, index, terms, unit);
                    } else {
                        addRow(u, m, lower, partials, l, from, to, bw, scale);
                    }
                }
            }
        }
    }

    private static double scale(double bw) {
        return RESOLUTION / MAX / bw;
    }

    /** The pairs of u[l] with u[from .. to), by the scalar kernel. */
    static void addRow(double[] u, double[] m, double[] lower, double[] partials, int l, int from, int to, double bw,
                       double scale) {
        double ul = u[l];
        double ml = m[l];
        int p = PARTIALS * l;
        for (int k = from; k < to; k++) {
            double t = PADDED_TABLE[index(ul - u[k], bw, scale) & PADDED_MASK];
            partials[p + (k & (PARTIALS - 1))] += m[k] * t;
            lower[k] += (1 - t) * ml;
        }
    }

    /** The partial sums added in the one order both kernels use. */
    static double combine(double p0, double p1, double p2, double p3) {
        return (p0 + p1) + (p2 + p3);
    }

    /**
     * GSVA's table index for a pair {@code d >= 0} apart (larger minus smaller) that is not saturated: one product
     * instead of GSVA's two divisions and a product, and GSVA's own operations where the product is near an integer.
     */
    static int index(double d, double bw, double scale) {
        double p = d * scale;
        int i = (int) p;
        double fraction = p - i;
        return fraction >= NEAR_INTEGER && fraction <= 1 - NEAR_INTEGER ? i : exactIndex(d, bw);
    }

    /** GSVA's table index for a pair {@code d >= 0} apart, its operations exactly; beyond the table, its end. */
    static int exactIndex(double d, double bw) {
        double v = d / bw;
        return v > MAX ? RESOLUTION : (int) (Math.abs(v) / MAX * RESOLUTION);
    }
}
