package org.biospark.geneset;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector kernel of {@link GaussianSums#pairs}: the same terms and the same additions as the scalar kernel, so the
 * same bits. Table indices are computed a register at a time, the table is read lane by lane (this JDK has no
 * usable gather for doubles), and the terms are added four lanes at a time, one lane per partial sum.
 *
 * <p>A row's pairs are taken in whole registers aligned on the partial sums; lanes outside the row's pairs read some
 * table entry but add zero, which leaves every sum as it was.
 */
final class GaussianSumsVector {
    /** Four lanes whatever the machine, one per partial sum of the scalar kernel. */
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;
    private static final int LANES = 4;
    /**
     * Adding this to a double far below it in magnitude rounds that double to an integer, which then sits in the
     * low bits of the sum: the conversion to an integer that this JDK does not vectorise. One and a half powers of
     * two keep small negative values in the same binade, with integer spacing.
     */
    private static final double ROUNDING = 0x1.8p52;
    private static final double HALF = 0.5;

    private GaussianSumsVector() {
    }

    /** Whether the preferred register holds the partial sums, so that four lanes are not emulated. */
    static boolean usable() {
        return DoubleVector.SPECIES_PREFERRED.length() >= LANES && SPECIES.length() == LANES
                && GaussianSums.PARTIALS == LANES;
    }

    /**
     * The pairs of u[l] with u[from .. to), as {@link GaussianSums#addRow}. The arrays hold at least
     * {@link GaussianSums#PARTIALS} entries past the last value; {@code index} and {@code terms} are scratch space of
     * at least {@code to - from + 2 * PARTIALS} entries.
     */
    static void addRow(double[] u, double[] m, double[] lower, double[] partials, int l, int from, int to, double bw,
                       double scale, long[] index, double[] terms, boolean unit) {
        int start = from / LANES * LANES;
        int end = (to + LANES - 1) / LANES * LANES;
        indices(u, l, start, end, from, to, bw, scale, index);
        double[] table = GaussianSums.PADDED_TABLE;
        for (int q = 0; q < end - start; q++) {
            // the mask keeps any lane in the table and lets the compiler drop the bounds check
            terms[q] = table[(int) index[q] & GaussianSums.PADDED_MASK];
        }
        add(m, lower, partials, l, start, end, from, to, terms, unit);
    }

    /**
     * The table index of each pair of u[l] with u[start .. end), into {@code index[k - start]}, right for the pairs
     * in [from, to): the low bits of a long. Where a product lies near an integer the whole row is done the scalar
     * way, which then takes GSVA's operations for that pair.
     */
    private static void indices(double[] u, int l, int start, int end, int from, int to, double bw, double scale,
                                long[] index) {
        DoubleVector ul = DoubleVector.broadcast(SPECIES, u[l]);
        DoubleVector scales = DoubleVector.broadcast(SPECIES, scale);
        DoubleVector minusHalf = DoubleVector.broadcast(SPECIES, -HALF);
        DoubleVector rounding = DoubleVector.broadcast(SPECIES, ROUNDING);
        DoubleVector far = DoubleVector.broadcast(SPECIES, HALF - GaussianSums.NEAR_INTEGER);
        VectorMask<Double> near = SPECIES.maskAll(false);
        for (int k = start; k < end; k += LANES) {
            // p - 1/2 rounded to the nearest integer is p truncated, unless p lies near an integer: then the
            // rounded value is nearly 1/2 away
            DoubleVector shifted = ul.sub(DoubleVector.fromArray(SPECIES, u, k)).fma(scales, minusHalf);
            DoubleVector rounded = shifted.add(rounding);
            VectorMask<Double> close = shifted.sub(rounded.sub(rounding)).abs().compare(VectorOperators.GT, far);
            if (k < from || k + LANES > to) {
                close = close.and(SPECIES.indexInRange(k - from, to - from));
            }
            near = near.or(close);
            rounded.reinterpretAsLongs().intoArray(index, k - start);
        }
        if (near.anyTrue()) {
            for (int k = from; k < to; k++) {
                index[k - start] = GaussianSums.index(u[l] - u[k], bw, scale);
            }
        }
    }

    /**
     * Adds the terms of the pairs in [from, to), in the scalar kernel's order and with its operations. With no ties
     * every multiplicity is 1 and the products by them, exact, are left out.
     */
    private static void add(double[] m, double[] lower, double[] partials, int l, int start, int end, int from,
                            int to, double[] terms, boolean unit) {
        int p = GaussianSums.PARTIALS * l;
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector ml = DoubleVector.broadcast(SPECIES, m[l]);
        DoubleVector partial = DoubleVector.fromArray(SPECIES, partials, p);
        for (int k = start; k < end; k += LANES) {
            DoubleVector t = DoubleVector.fromArray(SPECIES, terms, k - start);
            DoubleVector upper = unit ? t : DoubleVector.fromArray(SPECIES, m, k).mul(t);
            DoubleVector below = unit ? one.sub(t) : one.sub(t).mul(ml);
            if (k < from || k + LANES > to) {
                VectorMask<Double> pairs = SPECIES.indexInRange(k - from, to - from);
                upper = zero.blend(upper, pairs);
                below = zero.blend(below, pairs);
            }
            partial = partial.add(upper);
            DoubleVector.fromArray(SPECIES, lower, k).add(below).intoArray(lower, k);
        }
        partial.intoArray(partials, p);
    }
}
