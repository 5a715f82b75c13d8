package org.biospark.align;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The optimal score of one long pair: Farrar's striped kernel (intra-sequence vectorisation, as parasail's
 * {@code *_striped_32}) in 32-bit lanes, so scores stay exact at any length that fits an int. The query is cut into
 * {@code L} stripes of {@code segLen} rows (lane l holds rows l*segLen .. l*segLen+segLen-1), the target streamed
 * through column by column; the vertical gap state F, which runs along the query and therefore across lanes, is
 * first computed within each lane and then corrected by the "lazy F" loop until no lane changes.
 *
 * <p>Same recurrence, boundaries and free ends as {@link ScalarAligner}; rows follow the query, columns the target.
 */
final class StripedAligner {
    static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int NEG = ScalarAligner.NEG;

    private StripedAligner() {
    }

    /** Lanes per register: the number of stripes. */
    static int lanes() {
        return LANES;
    }

    /**
     * Whether the striped kernel pays for its set-up on this pair: a query of a few stripes' worth of rows and a
     * target long enough to amortise the profile.
     */
    static boolean worthIt(int queryLength, int targetLength) {
        return queryLength >= 4 * LANES && (long) queryLength * targetLength >= 1L << 16;
    }

    /** The optimal score of {@code query} (non-empty) against {@code target} (non-empty), both encoded. */
    static int score(byte[] query, byte[] target, Scoring scoring, AlignmentMode mode) {
        int m = query.length;
        int n = target.length;
        int segLen = (m + LANES - 1) / LANES;
        int stride = segLen * LANES;
        int open = scoring.gaps().open();
        int extend = scoring.gaps().extend();
        boolean local = mode.local();
        boolean freeRows = local || mode.freeTargetPrefix();   // row 0: a target prefix left out
        boolean freeColumn = local || mode.freeQueryPrefix();  // column 0: a query prefix left out
        int[] profile = profile(query, segLen, scoring.matrix());

        // H of the previous column (load) and of this one (store), E for this column; element s*LANES + l is row
        // l*segLen + s + 1 (1-based; rows past m are padding, which never feeds a real row).
        int[] hLoad = new int[stride];
        int[] hStore = new int[stride];
        int[] e = new int[stride];
        for (int s = 0; s < segLen; s++) {
            for (int l = 0; l < LANES; l++) {
                int row = l * segLen + s + 1;
                int h = ScalarAligner.boundary(row, freeColumn, open, extend);
                hLoad[s * LANES + l] = h;
                e[s * LANES + l] = h - open;
            }
        }
        int lastIndex = ((m - 1) % segLen) * LANES + (m - 1) / segLen; // row m
        IntVector zero = IntVector.zero(SPECIES);
        IntVector negative = IntVector.broadcast(SPECIES, NEG);
        int best = local ? 0 : NEG;
        IntVector vBest = zero;
        if (mode.freeQuerySuffix()) {
            best = Math.max(best, ScalarAligner.boundary(n, freeRows, open, extend)); // H[0][n]
        }
        if (mode.freeTargetSuffix()) {
            best = Math.max(best, hLoad[lastIndex]); // H[m][0]
        }

        for (int j = 1; j <= n; j++) {
            IntVector vOpen = IntVector.broadcast(SPECIES, open);
            IntVector vExtend = IntVector.broadcast(SPECIES, extend);
            int profileBase = target[j - 1] * stride;
            int rowZeroBefore = ScalarAligner.boundary(j - 1, freeRows, open, extend);
            int rowZero = ScalarAligner.boundary(j, freeRows, open, extend);
            // The diagonal of each stripe's first row is the previous column's last row of the stripe before.
            IntVector vH = IntVector.broadcast(SPECIES, rowZeroBefore)
                    .slice(LANES - 1, IntVector.fromArray(SPECIES, hLoad, (segLen - 1) * LANES));
            IntVector vF = negative.withLane(0, rowZero - open);
            for (int s = 0; s < segLen; s++) {
                int at = s * LANES;
                vH = vH.add(IntVector.fromArray(SPECIES, profile, profileBase + at));
                IntVector vE = IntVector.fromArray(SPECIES, e, at);
                vH = vH.max(vE).max(vF);
                if (local) {
                    vH = vH.max(zero);
                    vBest = vBest.max(vH);
                }
                vH.intoArray(hStore, at);
                IntVector vHOpen = vH.sub(vOpen);
                vE.sub(vExtend).max(vHOpen).intoArray(e, at);
                vF = vF.sub(vExtend).max(vHOpen);
                vH = IntVector.fromArray(SPECIES, hLoad, at);
            }
            // Lazy F: carry F across the stripes' boundaries until it no longer raises any H.
            lazy:
            for (int pass = 0; pass < LANES; pass++) {
                vF = IntVector.broadcast(SPECIES, NEG).slice(LANES - 1, vF);
                for (int s = 0; s < segLen; s++) {
                    int at = s * LANES;
                    IntVector vHOld = IntVector.fromArray(SPECIES, hStore, at);
                    IntVector vHOpenOld = vHOld.sub(vOpen);
                    if (!vF.sub(vExtend).compare(VectorOperators.GT, vHOpenOld).anyTrue()
                            && !vF.compare(VectorOperators.GT, vHOld).anyTrue()) {
                        break lazy;
                    }
                    vH = vHOld.max(vF);
                    if (local) {
                        vBest = vBest.max(vH);
                    }
                    vH.intoArray(hStore, at);
                    IntVector vHOpen = vH.sub(vOpen);
                    IntVector.fromArray(SPECIES, e, at).max(vHOpen).intoArray(e, at);
                    vF = vF.sub(vExtend).max(vHOpen);
                }
            }
            if (mode.freeTargetSuffix()) {
                best = Math.max(best, hStore[lastIndex]);
            }
            int[] swap = hLoad;
            hLoad = hStore;
            hStore = swap;
        }
        if (local) {
            return Math.max(best, vBest.reduceLanes(VectorOperators.MAX));
        }
        best = Math.max(best, hLoad[lastIndex]);
        if (mode.freeQuerySuffix()) {
            for (int s = 0; s < segLen; s++) {
                for (int l = 0; l < LANES; l++) {
                    if (l * segLen + s < m) {
                        best = Math.max(best, hLoad[s * LANES + l]);
                    }
                }
            }
        }
        return best;
    }

    /**
     * The striped query profile: for residue a, element (a * segLen + s) * LANES + l is the score of query row
     * l*segLen + s against a, and 0 on padding rows.
     */
    private static int[] profile(byte[] query, int segLen, ScoreMatrix matrix) {
        int size = matrix.size();
        int[] scores = matrix.flatScores();
        int[] profile = new int[size * segLen * LANES];
        for (int a = 0; a < size; a++) {
            for (int s = 0; s < segLen; s++) {
                for (int l = 0; l < LANES; l++) {
                    int row = l * segLen + s;
                    profile[(a * segLen + s) * LANES + l] = row < query.length ? scores[query[row] * size + a] : 0;
                }
            }
        }
        return profile;
    }
}
