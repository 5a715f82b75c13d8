package org.biospark.align;

import java.util.Arrays;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Global and semi-global scores of up to {@link #lanes()} queries against one target in 8-bit lanes (64 with
 * AVX-512, twice {@link VectorBatchAligner}'s), one query per lane, whatever the lengths: the lanes hold the
 * differences between neighbouring cells instead of the scores, and those stay within a few gap costs of zero
 * however long the sequences are (the difference recurrence of Suzuki and Kasahara, BMC Bioinformatics 19:45, 2018,
 * which minimap2's ksw2 also uses). The scores are summed from the differences at the end, in 32 bits, so they are
 * exact; nothing saturates and nothing is recomputed.
 *
 * <p>With H the score and E, F the gap states of Gotoh's recurrence (a gap of length k costs
 * {@code open + (k - 1) extend}; E runs along the target, F along the query), cell (i, j) at query row i and target
 * column j, the lanes hold
 * <pre>
 *   u(i,j) = H(i,j) - H(i-1,j)        v(i,j) = H(i,j) - H(i,j-1)
 *   e(i,j) = E(i,j) - H(i,j-1)        f(i,j) = F(i,j) - H(i-1,j)
 * </pre>
 * and with z = H(i,j) - H(i-1,j-1) a cell is
 * <pre>
 *   z = max(s(i,j), e(i,j) + u(i,j-1), f(i,j) + v(i-1,j))
 *   u(i,j) = z - v(i-1,j)              v(i,j) = z - u(i,j-1)
 *   e(i,j+1) = max(-open, e(i,j) + u(i,j-1) - z - extend)
 *   f(i+1,j) = max(-open, f(i,j) + v(i-1,j) - z - extend)
 * </pre>
 * The target streams through the lanes column by column, four columns per pass over the rows; u and e of a column
 * are kept per row, v and f run down the column in registers. H(m, n) of a query of length m is H(0, n) plus the
 * u of the last column up to row m; a free query suffix takes the best of those partial sums, a free target suffix
 * the best H(m, j) over the columns (v at row m added up column by column).
 */
final class DifferenceBatchAligner {
    static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private DifferenceBatchAligner() {
    }

    /** Number of queries one call aligns at once. */
    static int lanes() {
        return LANES;
    }

    /**
     * Whether a scheme's differences fit signed bytes: not local (a local score needs the cells themselves),
     * {@code 0 <= extend <= open}, {@code max + open + extend <= 127}, {@code 3 open + max - extend <= 128} and
     * {@code min >= -128}, with max and min the matrix's highest and lowest scores (taken as at least 0 and at most
     * 0: padding scores 0). Why: u(i,j) >= -open (a gap from the cell above costs open) and u(i,j) <= max + open, by
     * induction over j: an optimal path into (i,j) ending in a match or mismatch gives u <= s + open (as
     * H(i-1,j) >= H(i-1,j-1) - open), one ending in a gap along the query gives u <= -extend, one ending in a gap
     * of k along the target gives u(i,j) <= u(i,j-k) (row i-1 can take the same gap; the boundary row too, as
     * extend <= open). v likewise; e and f lie in [-open, -extend] and z in [min, max + open - extend]. Held plus
     * extend (see {@link #scoreBatch}), every value computed lies in [extend - 3 open - max, max + open + extend].
     */
    static boolean applies(Scoring scoring, AlignmentMode mode) {
        int open = scoring.gaps().open();
        int extend = scoring.gaps().extend();
        int max = Math.max(0, scoring.matrix().max());
        int min = Math.min(0, scoring.matrix().min());
        return !mode.local() && extend >= 0 && extend <= open && min >= -128 && max + open + extend <= 127
                && 3 * open + max - extend <= 128;
    }

    /**
     * The batch's query profile in bytes ({@link QueryProfiles#bytes}), every score plus twice the gap extension (see
     * {@link #scoreBatch}): built once for all targets.
     */
    static byte[][] profile(byte[][] queries, int first, int count, Scoring scoring, boolean[] used) {
        return QueryProfiles.bytes(queries, first, count, LANES, scoring.matrix(), used, 2 * scoring.gaps().extend());
    }

    /**
     * Scores {@code count} non-empty queries from {@code first} of {@code queries} against a non-empty target into
     * {@code scores[first ..]}, with the batch's {@link #profile} (rows for at least the target's residue codes). The
     * caller has checked {@link #applies}.
     *
     * <p>The lanes hold u, v, e and f plus extend, and the profile s plus twice extend: then z plus twice extend is
     * the maximum of the three sums as they are, and each update is one subtraction (u = z - v, v = z - u, and e, f
     * their sum minus z, at least {@code extend - open}), one operation per cell fewer than with the plain values.
     */
    static void scoreBatch(byte[][] queries, int first, int count, byte[][] profile, byte[] target, Scoring scoring,
                           AlignmentMode mode, int[] scores) {
        int rows = profile[target[0]].length / LANES;
        int open = scoring.gaps().open();
        int extend = scoring.gaps().extend();
        byte floor = (byte) (extend - open);
        boolean freeTop = mode.freeTargetPrefix();
        boolean freeLeft = mode.freeQueryPrefix();
        boolean trackSuffix = mode.freeTargetSuffix();

        // column 0: u(i,0) from the left boundary, e(i,1) = -open (no gap state before the first column)
        byte[] u = new byte[rows * LANES];
        byte[] e = new byte[rows * LANES];
        for (int i = 0; i < rows; i++) {
            Arrays.fill(u, i * LANES, (i + 1) * LANES, boundaryStep(i + 1, freeLeft, open, extend));
        }
        Arrays.fill(e, floor);

        // The rows where a free target suffix is read: passes over the rows stop after each lane's last row.
        int[] stops = trackSuffix ? VectorBatchAligner.endRows(queries, first, count) : new int[] {rows - 1};
        int[][] lanesEnding = trackSuffix ? lanesEnding(queries, first, count, stops) : null;
        int[] rowH = new int[LANES];
        int[] best = new int[LANES];
        if (trackSuffix) {
            for (int l = 0; l < count; l++) {
                rowH[l] = ScalarAligner.boundary(queries[first + l].length, freeLeft, open, extend);
                best[l] = rowH[l];
            }
        }

        byte[] carry = new byte[8 * LANES];
        for (int j = 0; j < target.length; ) {
            int width = j + 4 <= target.length ? 4 : 1;
            for (int c = 0; c < width; c++) {
                Arrays.fill(carry, 2 * c * LANES, (2 * c + 1) * LANES, boundaryStep(j + c + 1, freeTop, open, extend));
                Arrays.fill(carry, (2 * c + 1) * LANES, (2 * c + 2) * LANES, floor);
            }
            int from = 0;
            for (int s = 0; s <= stops.length; s++) {
                int to = s < stops.length ? stops[s] + 1 : rows;
                if (from < to) {
                    columns(width, u, e, profile, target, j, from, to, carry, floor);
                }
                from = to;
                if (trackSuffix && s < stops.length) {
                    // carry holds v of this stop's row in each column: H(m, j) of the lanes that end there
                    for (int l : lanesEnding[s]) {
                        for (int c = 0; c < width; c++) {
                            rowH[l] += carry[2 * c * LANES + l] - extend;
                            best[l] = Math.max(best[l], rowH[l]);
                        }
                    }
                }
            }
            j += width;
        }

        int top = ScalarAligner.boundary(target.length, freeTop, open, extend);
        for (int l = 0; l < count; l++) {
            int length = queries[first + l].length;
            int h = top;
            int bestInColumn = top;
            for (int i = 0; i < length; i++) {
                h += u[i * LANES + l] - extend;
                bestInColumn = Math.max(bestInColumn, h);
            }
            int score = h;
            if (mode.freeQuerySuffix()) {
                score = Math.max(score, bestInColumn);
            }
            if (trackSuffix) {
                score = Math.max(score, best[l]);
            }
            scores[first + l] = score;
        }
    }

    private static void columns(int width, byte[] u, byte[] e, byte[][] profile, byte[] target, int j, int from,
                                int to, byte[] carry, byte floor) {
        if (width == 4) {
            fourColumns(u, e, profile[target[j]], profile[target[j + 1]], profile[target[j + 2]],
                    profile[target[j + 3]], from, to, carry, floor);
        } else {
            column(u, e, profile[target[j]], from, to, carry, floor);
        }
    }

    /**
     * Target columns j to j+3 over rows [from, to): u and e of column j-1 in, those of column j+3 out; each
     * column's u and e pass to the next in registers (the column loop unrolled by hand: vectors that cross a call
     * C2 does not inline are boxed). {@code carry} holds v and f of the row above for the four columns (v0, f0, v1,
     * f1, ..., {@link #LANES} bytes each), and those of row {@code to - 1} on return. Every value is held plus
     * extend and the profile's scores plus twice extend (see {@link #scoreBatch}).
     */
    private static void fourColumns(byte[] u, byte[] e, byte[] column0, byte[] column1, byte[] column2,
                                    byte[] column3, int from, int to, byte[] carry, byte floor) {
        ByteVector floorV = ByteVector.broadcast(SPECIES, floor);
        ByteVector v0 = ByteVector.fromArray(SPECIES, carry, 0);
        ByteVector f0 = ByteVector.fromArray(SPECIES, carry, LANES);
        ByteVector v1 = ByteVector.fromArray(SPECIES, carry, 2 * LANES);
        ByteVector f1 = ByteVector.fromArray(SPECIES, carry, 3 * LANES);
        ByteVector v2 = ByteVector.fromArray(SPECIES, carry, 4 * LANES);
        ByteVector f2 = ByteVector.fromArray(SPECIES, carry, 5 * LANES);
        ByteVector v3 = ByteVector.fromArray(SPECIES, carry, 6 * LANES);
        ByteVector f3 = ByteVector.fromArray(SPECIES, carry, 7 * LANES);
        for (int offset = from * LANES; offset < to * LANES; offset += LANES) {
            ByteVector uLeft = ByteVector.fromArray(SPECIES, u, offset);
            ByteVector fromLeft = ByteVector.fromArray(SPECIES, e, offset).add(uLeft);
            ByteVector fromAbove = f0.add(v0);
            ByteVector z = ByteVector.fromArray(SPECIES, column0, offset).max(fromLeft).max(fromAbove);
            ByteVector u0 = z.sub(v0);
            v0 = z.sub(uLeft);
            ByteVector e0 = fromLeft.sub(z).max(floorV);
            f0 = fromAbove.sub(z).max(floorV);

            fromLeft = e0.add(u0);
            fromAbove = f1.add(v1);
            z = ByteVector.fromArray(SPECIES, column1, offset).max(fromLeft).max(fromAbove);
            ByteVector u1 = z.sub(v1);
            v1 = z.sub(u0);
            ByteVector e1 = fromLeft.sub(z).max(floorV);
            f1 = fromAbove.sub(z).max(floorV);

            fromLeft = e1.add(u1);
            fromAbove = f2.add(v2);
            z = ByteVector.fromArray(SPECIES, column2, offset).max(fromLeft).max(fromAbove);
            ByteVector u2 = z.sub(v2);
            v2 = z.sub(u1);
            ByteVector e2 = fromLeft.sub(z).max(floorV);
            f2 = fromAbove.sub(z).max(floorV);

            fromLeft = e2.add(u2);
            fromAbove = f3.add(v3);
            z = ByteVector.fromArray(SPECIES, column3, offset).max(fromLeft).max(fromAbove);
            z.sub(v3).intoArray(u, offset);
            v3 = z.sub(u2);
            fromLeft.sub(z).max(floorV).intoArray(e, offset);
            f3 = fromAbove.sub(z).max(floorV);
        }
        v0.intoArray(carry, 0);
        f0.intoArray(carry, LANES);
        v1.intoArray(carry, 2 * LANES);
        f1.intoArray(carry, 3 * LANES);
        v2.intoArray(carry, 4 * LANES);
        f2.intoArray(carry, 5 * LANES);
        v3.intoArray(carry, 6 * LANES);
        f3.intoArray(carry, 7 * LANES);
    }

    /** One target column over rows [from, to) (the last one to three of a target), as {@link #fourColumns}. */
    private static void column(byte[] u, byte[] e, byte[] column, int from, int to, byte[] carry, byte floor) {
        ByteVector floorV = ByteVector.broadcast(SPECIES, floor);
        ByteVector v = ByteVector.fromArray(SPECIES, carry, 0);
        ByteVector f = ByteVector.fromArray(SPECIES, carry, LANES);
        for (int offset = from * LANES; offset < to * LANES; offset += LANES) {
            ByteVector uLeft = ByteVector.fromArray(SPECIES, u, offset);
            ByteVector fromLeft = ByteVector.fromArray(SPECIES, e, offset).add(uLeft);
            ByteVector fromAbove = f.add(v);
            ByteVector z = ByteVector.fromArray(SPECIES, column, offset).max(fromLeft).max(fromAbove);
            z.sub(v).intoArray(u, offset);
            v = z.sub(uLeft);
            fromLeft.sub(z).max(floorV).intoArray(e, offset);
            f = fromAbove.sub(z).max(floorV);
        }
        v.intoArray(carry, 0);
        f.intoArray(carry, LANES);
    }

    /** The boundary's difference at position k (H(k) - H(k-1) along the first row or column), held plus extend. */
    static byte boundaryStep(int k, boolean free, int open, int extend) {
        return (byte) (ScalarAligner.boundary(k, free, open, extend) - ScalarAligner.boundary(k - 1, free, open, extend)
                + extend);
    }

    /** For each of {@code endRows}, the lanes whose query ends there. */
    private static int[][] lanesEnding(byte[][] queries, int first, int count, int[] endRows) {
        int[][] lanes = new int[endRows.length][];
        for (int r = 0; r < endRows.length; r++) {
            int row = endRows[r];
            lanes[r] = java.util.stream.IntStream.range(0, count)
                    .filter(l -> queries[first + l].length - 1 == row).toArray();
        }
        return lanes;
    }
}
