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
        int rows = 0;
        for (int l = 0; l < count; l++) {
            rows = Math.max(rows, queries[first + l].length);
        }
        int open = scoring.gaps().open();
        int extend = scoring.gaps().extend();
        int limit = 127 - scoring.matrix().max();
        byte[][] profile = profile(queries, first, count, rows, scoring.matrix());

        byte[] h = new byte[rows * LANES];
        byte[] e = new byte[rows * LANES];
        java.util.Arrays.fill(e, (byte) -open);
        byte[] best = new byte[LANES];

        ByteVector openV = ByteVector.broadcast(SPECIES, (byte) open);
        ByteVector extendV = ByteVector.broadcast(SPECIES, (byte) extend);
        ByteVector zero = ByteVector.zero(SPECIES);
        ByteVector negV = ByteVector.broadcast(SPECIES, (byte) -open);
        for (int j = 0; j < target.length; j++) {
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

    private static byte[][] profile(byte[][] queries, int first, int count, int rows, ScoreMatrix matrix) {
        int size = matrix.size();
        int[] scores = matrix.flatScores();
        byte[][] profile = new byte[size][rows * LANES];
        for (int l = 0; l < count; l++) {
            byte[] query = queries[first + l];
            for (int i = 0; i < query.length; i++) {
                int row = query[i] * size;
                for (int a = 0; a < size; a++) {
                    profile[a][i * LANES + l] = (byte) scores[row + a];
                }
            }
        }
        return profile;
    }
}
