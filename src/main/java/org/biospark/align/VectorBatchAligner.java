package org.biospark.align;

import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Optimal scores of up to {@link #lanes()} queries against one target at once: one query per 16-bit lane of a
 * SIMD register (32 lanes with AVX-512), the target streamed through them column by column (inter-sequence
 * vectorisation, as in SWIPE). Queries of similar length should share a batch; shorter ones are padded, and each
 * lane's score is read at its own last row.
 *
 * <p>Exact: it is only used when {@link #fits} proves that no value of the recurrence can leave the 16-bit range
 * (scores and gap costs bounded by the lengths), otherwise the caller takes the 32-bit path.
 */
final class VectorBatchAligner {
    static final VectorSpecies<Short> SPECIES = ShortVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /** Minus infinity in 16 bits; real values stay above {@link #FLOOR}, so subtracting a gap cost cannot wrap. */
    private static final short NEG = -30_000;
    private static final int FLOOR = -29_000;
    private static final int CEILING = 32_000;
    private static final int MAX_PENALTY = 1_000;

    private VectorBatchAligner() {
    }

    /** Number of queries one call aligns at once. */
    static int lanes() {
        return LANES;
    }

    /**
     * Whether every value of the recurrence for queries up to {@code maxQueryLength} against a target of
     * {@code targetLength} fits in 16 bits. Lower bound: every cell is at least the all-gap path,
     * {@code -(2 open + extend (m + n))}; gap states and a mismatch go at most {@code open + extend + |min|} below.
     * Upper bound: {@code max * min(m, n)}.
     */
    static boolean fits(Scoring scoring, int maxQueryLength, int targetLength) {
        int open = scoring.gaps().open();
        int extend = scoring.gaps().extend();
        if (open > MAX_PENALTY || extend > MAX_PENALTY) {
            return false;
        }
        long lowest = -(3L * open + (long) extend * (maxQueryLength + targetLength + 1)
                + Math.max(0, -scoring.matrix().min()));
        long highest = (long) Math.max(0, scoring.matrix().max()) * Math.min(maxQueryLength, targetLength);
        return lowest >= FLOOR && highest <= CEILING;
    }

    /**
     * Scores {@code count} queries starting at {@code first} of {@code queries} (count at most {@link #lanes()},
     * every query non-empty) against a non-empty {@code target}, into {@code scores[first ..]}, with the batch's
     * {@link #profile} (rows for at least the target's residue codes). The caller has checked {@link #fits} for the
     * longest of them.
     */
    static void scoreBatch(byte[][] queries, int first, int count, short[][] profile, byte[] target, Scoring scoring,
                           AlignmentMode mode, int[] scores) {
        int rows = 0;
        for (int l = 0; l < count; l++) {
            rows = Math.max(rows, queries[first + l].length);
        }
        int open = scoring.gaps().open();
        int extend = scoring.gaps().extend();
        boolean local = mode.local();

        short[] h = new short[rows * LANES];
        short[] e = new short[rows * LANES];
        for (int i = 0; i < rows; i++) {
            short left = (short) ScalarAligner.boundary(i + 1, local || mode.freeQueryPrefix(), open, extend);
            for (int l = 0; l < LANES; l++) {
                h[i * LANES + l] = left;
                e[i * LANES + l] = NEG;
            }
        }

        // Lanes whose query ends at a given row: where a free target suffix is read, column by column.
        int[] endRows = endRows(queries, first, count);
        VectorMask<Short>[] endMasks = endMasks(queries, first, count, endRows);
        // The running best per lane lives in an array: a vector carried across both loops gets boxed by C2.
        short[] best = initialBest(queries, first, count, mode, open, extend);

        ShortVector openV = ShortVector.broadcast(SPECIES, (short) open);
        ShortVector extendV = ShortVector.broadcast(SPECIES, (short) extend);
        ShortVector zero = ShortVector.zero(SPECIES);
        ShortVector negV = ShortVector.broadcast(SPECIES, NEG);
        boolean freeTop = local || mode.freeTargetPrefix();
        boolean trackSuffix = !local && mode.freeTargetSuffix();

        for (int j = 0; j < target.length; j++) {
            if (!local && !trackSuffix && j + 1 < target.length) {
                // Two columns per pass: two independent dependency chains, and H and E stored once per pair.
                pairOfColumns(h, e, profile[target[j]], profile[target[j + 1]], rows,
                        (short) ScalarAligner.boundary(j, freeTop, open, extend),
                        (short) ScalarAligner.boundary(j + 1, freeTop, open, extend),
                        (short) ScalarAligner.boundary(j + 2, freeTop, open, extend), (short) open, (short) extend);
                j++;
                continue;
            }
            if (local && j + 1 < target.length) {
                pairOfColumnsLocal(h, e, profile[target[j]], profile[target[j + 1]], rows, best, (short) open,
                        (short) extend);
                j++;
                continue;
            }
            short[] column = profile[target[j]];
            ShortVector diagonal = ShortVector.broadcast(SPECIES, (short) ScalarAligner.boundary(j, freeTop, open, extend));
            ShortVector up = ShortVector.broadcast(SPECIES, (short) ScalarAligner.boundary(j + 1, freeTop, open, extend));
            ShortVector f = negV;
            if (local) {
                ShortVector columnBest = zero;
                for (int offset = 0; offset < rows * LANES; offset += LANES) {
                    ShortVector left = ShortVector.fromArray(SPECIES, h, offset);
                    ShortVector eV = left.sub(openV).max(ShortVector.fromArray(SPECIES, e, offset).sub(extendV));
                    f = up.sub(openV).max(f.sub(extendV));
                    ShortVector cell = diagonal.add(ShortVector.fromArray(SPECIES, column, offset))
                            .max(eV.max(f)).max(zero);
                    columnBest = columnBest.max(cell);
                    cell.intoArray(h, offset);
                    eV.intoArray(e, offset);
                    diagonal = left;
                    up = cell;
                }
                ShortVector.fromArray(SPECIES, best, 0).max(columnBest).intoArray(best, 0);
            } else {
                for (int offset = 0; offset < rows * LANES; offset += LANES) {
                    ShortVector left = ShortVector.fromArray(SPECIES, h, offset);
                    ShortVector eV = left.sub(openV).max(ShortVector.fromArray(SPECIES, e, offset).sub(extendV));
                    f = up.sub(openV).max(f.sub(extendV));
                    ShortVector cell = diagonal.add(ShortVector.fromArray(SPECIES, column, offset)).max(eV.max(f));
                    cell.intoArray(h, offset);
                    eV.intoArray(e, offset);
                    diagonal = left;
                    up = cell;
                }
                if (trackSuffix) {
                    ShortVector suffixBest = ShortVector.fromArray(SPECIES, best, 0);
                    for (int r = 0; r < endRows.length; r++) {
                        ShortVector last = ShortVector.fromArray(SPECIES, h, endRows[r] * LANES);
                        suffixBest = suffixBest.blend(suffixBest.max(last), endMasks[r]);
                    }
                    suffixBest.intoArray(best, 0);
                }
            }
        }

        for (int l = 0; l < count; l++) {
            int length = queries[first + l].length;
            int score = best[l];
            if (!local) {
                score = Math.max(score, h[(length - 1) * LANES + l]);
                if (mode.freeQuerySuffix()) {
                    score = Math.max(score, ScalarAligner.boundary(target.length, freeTop, open, extend));
                    for (int i = 0; i < length; i++) {
                        score = Math.max(score, h[i * LANES + l]);
                    }
                }
            }
            scores[first + l] = score;
        }
    }

    /**
     * Global recurrence for target columns j and j+1 in one pass over the rows: column j+1 takes column j's H and E
     * of the same row straight from registers. {@code top0..top2} are H of the first row at columns j-1..j+1.
     */
    private static void pairOfColumns(short[] h, short[] e, short[] column0, short[] column1, int rows, short top0,
                                      short top1, short top2, short open, short extend) {
        ShortVector openV = ShortVector.broadcast(SPECIES, open);
        ShortVector extendV = ShortVector.broadcast(SPECIES, extend);
        ShortVector negV = ShortVector.broadcast(SPECIES, NEG);
        ShortVector diagonal0 = ShortVector.broadcast(SPECIES, top0);
        ShortVector up0 = ShortVector.broadcast(SPECIES, top1);
        ShortVector diagonal1 = up0;
        ShortVector up1 = ShortVector.broadcast(SPECIES, top2);
        ShortVector f0 = negV;
        ShortVector f1 = negV;
        for (int offset = 0; offset < rows * LANES; offset += LANES) {
            ShortVector left0 = ShortVector.fromArray(SPECIES, h, offset);
            ShortVector e0 = left0.sub(openV).max(ShortVector.fromArray(SPECIES, e, offset).sub(extendV));
            f0 = up0.sub(openV).max(f0.sub(extendV));
            ShortVector cell0 = diagonal0.add(ShortVector.fromArray(SPECIES, column0, offset)).max(e0.max(f0));
            ShortVector e1 = cell0.sub(openV).max(e0.sub(extendV));
            f1 = up1.sub(openV).max(f1.sub(extendV));
            ShortVector cell1 = diagonal1.add(ShortVector.fromArray(SPECIES, column1, offset)).max(e1.max(f1));
            cell1.intoArray(h, offset);
            e1.intoArray(e, offset);
            diagonal0 = left0;
            up0 = cell0;
            diagonal1 = cell0;
            up1 = cell1;
        }
    }

    /**
     * Local recurrence for two target columns in one pass over the rows, as {@link #pairOfColumns}; scores never
     * drop below 0, the first row is 0, and the best cell of both columns is merged into {@code best}.
     */
    private static void pairOfColumnsLocal(short[] h, short[] e, short[] column0, short[] column1, int rows,
                                           short[] best, short open, short extend) {
        ShortVector openV = ShortVector.broadcast(SPECIES, open);
        ShortVector extendV = ShortVector.broadcast(SPECIES, extend);
        ShortVector zero = ShortVector.zero(SPECIES);
        ShortVector negV = ShortVector.broadcast(SPECIES, NEG);
        ShortVector diagonal0 = zero;
        ShortVector up0 = zero;
        ShortVector diagonal1 = zero;
        ShortVector up1 = zero;
        ShortVector f0 = negV;
        ShortVector f1 = negV;
        ShortVector best0 = zero;
        ShortVector best1 = zero;
        for (int offset = 0; offset < rows * LANES; offset += LANES) {
            ShortVector left0 = ShortVector.fromArray(SPECIES, h, offset);
            ShortVector e0 = left0.sub(openV).max(ShortVector.fromArray(SPECIES, e, offset).sub(extendV));
            f0 = up0.sub(openV).max(f0.sub(extendV));
            ShortVector cell0 = diagonal0.add(ShortVector.fromArray(SPECIES, column0, offset)).max(e0.max(f0))
                    .max(zero);
            best0 = best0.max(cell0);
            ShortVector e1 = cell0.sub(openV).max(e0.sub(extendV));
            f1 = up1.sub(openV).max(f1.sub(extendV));
            ShortVector cell1 = diagonal1.add(ShortVector.fromArray(SPECIES, column1, offset)).max(e1.max(f1))
                    .max(zero);
            best1 = best1.max(cell1);
            cell1.intoArray(h, offset);
            e1.intoArray(e, offset);
            diagonal0 = left0;
            up0 = cell0;
            diagonal1 = cell0;
            up1 = cell1;
        }
        ShortVector.fromArray(SPECIES, best, 0).max(best0.max(best1)).intoArray(best, 0);
    }

    /**
     * For each residue code a: the score of a against every query's residue at every row, lane by lane (rows: the
     * longest query of the batch). It depends on the queries only: a batch aligned against many targets builds it
     * once.
     */
    static short[][] profile(byte[][] queries, int first, int count, ScoreMatrix matrix, boolean[] used) {
        return java.util.Arrays.stream(QueryProfiles.batch(queries, first, count, LANES, matrix, used))
                .map(QueryProfiles::toShorts).toArray(short[][]::new);
    }

    /** The distinct last rows of the batch's queries, ascending (also {@link DifferenceBatchAligner}'s stops). */
    static int[] endRows(byte[][] queries, int first, int count) {
        return java.util.stream.IntStream.range(first, first + count)
                .map(q -> queries[q].length - 1).distinct().sorted().toArray();
    }

    @SuppressWarnings("unchecked")
    private static VectorMask<Short>[] endMasks(byte[][] queries, int first, int count, int[] endRows) {
        VectorMask<Short>[] masks = new VectorMask[endRows.length];
        for (int r = 0; r < endRows.length; r++) {
            boolean[] bits = new boolean[LANES];
            for (int l = 0; l < count; l++) {
                bits[l] = queries[first + l].length - 1 == endRows[r];
            }
            masks[r] = VectorMask.fromArray(SPECIES, bits, 0);
        }
        return masks;
    }

    /** Local: 0. Free target suffix: the first column's value at each lane's last row. Otherwise minus infinity. */
    private static short[] initialBest(byte[][] queries, int first, int count, AlignmentMode mode, int open,
                                       int extend) {
        short[] start = new short[LANES];
        if (mode.local()) {
            return start;
        }
        java.util.Arrays.fill(start, NEG);
        if (mode.freeTargetSuffix()) {
            for (int l = 0; l < count; l++) {
                start[l] = (short) ScalarAligner.boundary(queries[first + l].length, mode.freeQueryPrefix(), open, extend);
            }
        }
        return start;
    }
}
