package org.biospark.align;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Local (Smith-Waterman) scores of up to {@link #lanes()} queries against one target in 8-bit lanes: twice the
 * lanes of {@link VectorBatchAligner}, for the short-read and protein searches where local scores stay small.
 *
 * <p>Exact by recomputation: every value stays exact while the lane's best score is at most
 * {@code 127 - max}, where max is the matrix's highest score (the first value to pass that line is still computed
 * without overflow), so a lane whose best passes it is reported as saturated, and the caller recomputes it in 16
 * bits. Gap states start at {@code -open} and never fall below {@code -(open + extend)}, which must fit a byte.
 */
final class ByteLocalAligner {
    static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /** A lane's score that must be recomputed in 16 bits. */
    static final int SATURATED = Integer.MIN_VALUE;

    private ByteLocalAligner() {
    }

    static int lanes() {
        return LANES;
    }

    /** Whether this scheme can be run in bytes at all (scores and gap costs in range, a local alignment). */
    static boolean applies(Scoring scoring, AlignmentMode mode) {
        int open = scoring.gaps().open();
        int extend = scoring.gaps().extend();
        return mode.local() && open + extend <= 128 && scoring.matrix().min() >= -128 && scoring.matrix().max() > 0
                && scoring.matrix().max() < 64;
    }

    /**
     * Scores {@code count} non-empty queries from {@code first} against a non-empty target into
     * {@code scores[first ..]}; a lane that saturated gets {@link #SATURATED}.
     */
    static void scoreBatch(byte[][] queries, int first, int count, byte[] target, Scoring scoring, int[] scores) {
        scoreBatch(first, count, profile(queries, first, count, scoring.matrix(),
                QueryProfiles.used(scoring.matrix(), target)), target, scoring, scores);
    }

    /** As {@link #scoreBatch(byte[][], int, int, byte[], Scoring, int[])}, with the batch's profile. */
    static void scoreBatch(int first, int count, byte[][] profile, byte[] target, Scoring scoring, int[] scores) {
        int rows = profile[target[0]].length / LANES;
        int open = scoring.gaps().open();
        int extend = scoring.gaps().extend();
        int limit = 127 - scoring.matrix().max();

        byte[] h = new byte[rows * LANES];
        byte[] e = new byte[rows * LANES];
        java.util.Arrays.fill(e, (byte) -open);
        byte[] best = new byte[LANES];

        ByteVector openV = ByteVector.broadcast(SPECIES, (byte) open);
        ByteVector extendV = ByteVector.broadcast(SPECIES, (byte) extend);
        ByteVector zero = ByteVector.zero(SPECIES);
        ByteVector negV = ByteVector.broadcast(SPECIES, (byte) -open);
        for (int j = 0; j < target.length; j++) {
            if (j + 1 < target.length) {
                // Two columns per pass: two independent dependency chains, H and E stored once per pair.
                pairOfColumns(h, e, profile[target[j]], profile[target[j + 1]], rows, best, (byte) open,
                        (byte) extend);
                j++;
                continue;
            }
            byte[] column = profile[target[j]];
            ByteVector diagonal = zero;
            ByteVector up = zero;
            ByteVector f = negV;
            ByteVector columnBest = zero;
            for (int offset = 0; offset < rows * LANES; offset += LANES) {
                ByteVector left = ByteVector.fromArray(SPECIES, h, offset);
                ByteVector eV = left.sub(openV).max(ByteVector.fromArray(SPECIES, e, offset).sub(extendV));
                f = up.sub(openV).max(f.sub(extendV));
                ByteVector cell = diagonal.add(ByteVector.fromArray(SPECIES, column, offset)).max(eV.max(f)).max(zero);
                columnBest = columnBest.max(cell);
                cell.intoArray(h, offset);
                eV.intoArray(e, offset);
                diagonal = left;
                up = cell;
            }
            ByteVector.fromArray(SPECIES, best, 0).max(columnBest).intoArray(best, 0);
        }
        for (int l = 0; l < count; l++) {
            // A wrapped value shows as negative or above the limit: either way the lane is recomputed.
            scores[first + l] = best[l] >= 0 && best[l] <= limit ? best[l] : SATURATED;
        }
    }

    /** Columns j and j+1 in one pass over the rows; their best cells merged into {@code best}. */
    private static void pairOfColumns(byte[] h, byte[] e, byte[] column0, byte[] column1, int rows, byte[] best,
                                      byte open, byte extend) {
        ByteVector openV = ByteVector.broadcast(SPECIES, open);
        ByteVector extendV = ByteVector.broadcast(SPECIES, extend);
        ByteVector zero = ByteVector.zero(SPECIES);
        ByteVector negV = ByteVector.broadcast(SPECIES, (byte) -open);
        ByteVector diagonal0 = zero;
        ByteVector up0 = zero;
        ByteVector diagonal1 = zero;
        ByteVector up1 = zero;
        ByteVector f0 = negV;
        ByteVector f1 = negV;
        ByteVector best0 = zero;
        ByteVector best1 = zero;
        for (int offset = 0; offset < rows * LANES; offset += LANES) {
            ByteVector left0 = ByteVector.fromArray(SPECIES, h, offset);
            ByteVector e0 = left0.sub(openV).max(ByteVector.fromArray(SPECIES, e, offset).sub(extendV));
            f0 = up0.sub(openV).max(f0.sub(extendV));
            ByteVector cell0 = diagonal0.add(ByteVector.fromArray(SPECIES, column0, offset)).max(e0.max(f0)).max(zero);
            best0 = best0.max(cell0);
            ByteVector e1 = cell0.sub(openV).max(e0.sub(extendV));
            f1 = up1.sub(openV).max(f1.sub(extendV));
            ByteVector cell1 = diagonal1.add(ByteVector.fromArray(SPECIES, column1, offset)).max(e1.max(f1)).max(zero);
            best1 = best1.max(cell1);
            cell1.intoArray(h, offset);
            e1.intoArray(e, offset);
            diagonal0 = left0;
            up0 = cell0;
            diagonal1 = cell0;
            up1 = cell1;
        }
        ByteVector.fromArray(SPECIES, best, 0).max(best0.max(best1)).intoArray(best, 0);
    }

    /** The batch's query profile ({@link QueryProfiles#bytes}, the scores as they are): built once for all targets. */
    static byte[][] profile(byte[][] queries, int first, int count, ScoreMatrix matrix, boolean[] used) {
        return QueryProfiles.bytes(queries, first, count, LANES, matrix, used, 0);
    }
}
