package org.biospark.align;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The optimal score of one long pair: the striped query layout of Farrar's kernel with the "scan" computation of
 * the vertical gap state (Daily 2016, parasail's {@code *_scan_*} functions), in 32-bit lanes so scores stay exact
 * at any length that fits an int. The query is cut into {@code L} stripes of {@code segLen} rows (lane l holds rows
 * l*segLen .. l*segLen+segLen-1); the target streams through column by column.
 *
 * <p>Per column: (1) H without vertical gaps, {@code H' = max(diagonal + score, E)}, and the vertical gap state F
 * as far as it runs inside each lane, both from H'; (2) F carried across the lanes (a scalar scan over the L lane
 * ends); (3) {@code H = max(H', F)} and the next column's E. Computing F from H' rather than H gives the same H
 * because gaps cost {@code open >= extend} (a gap that follows a gap never beats extending it), so unlike Farrar's
 * lazy-F loop the work per column does not grow when long vertical gaps are optimal (related long sequences).
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

    /** Whether the striped kernel pays for its set-up on this pair: a few stripes' worth of rows, a big matrix. */
    static boolean worthIt(int queryLength, int targetLength) {
        return queryLength >= 4 * LANES && (long) queryLength * targetLength >= 1L << 16;
    }

    /**
     * The optimal score of {@code query} (non-empty) against {@code target} (non-empty), both encoded: in 16-bit
     * lanes (twice as many) when the scores provably fit, or, for a local alignment, first in 16 bits and again in
     * 32 if the best score came near the top of the range; otherwise in 32 bits.
     */
    static int score(byte[] query, byte[] target, Scoring scoring, AlignmentMode mode) {
        if (StripedShortAligner.applies(scoring, mode, query.length, target.length)) {
            int score = StripedShortAligner.score(query, target, scoring, mode);
            if (score != StripedShortAligner.SATURATED) {
                return score;
            }
        }
        return score32(query, target, scoring, mode);
    }

    /** The 32-bit kernel. */
    static int score32(byte[] query, byte[] target, Scoring scoring, AlignmentMode mode) {
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

        // H of the previous column (load) and of this one (store), E for the column being computed, F inside the
        // lanes; element s*LANES + l is row l*segLen + s + 1 (1-based; rows past m are padding and never feed a
        // real row: gaps and diagonals only run downwards).
        int[] hLoad = new int[stride];
        int[] hStore = new int[stride];
        int[] e = new int[stride];
        int[] f = new int[stride];
        for (int s = 0; s < segLen; s++) {
            for (int l = 0; l < LANES; l++) {
                int h = ScalarAligner.boundary(l * segLen + s + 1, freeColumn, open, extend);
                hLoad[s * LANES + l] = h;
                e[s * LANES + l] = h - open;
            }
        }
        int lastIndex = ((m - 1) % segLen) * LANES + (m - 1) / segLen; // row m
        int best = local ? 0 : NEG;
        if (mode.freeQuerySuffix()) {
            best = Math.max(best, ScalarAligner.boundary(n, freeRows, open, extend)); // H[0][n]
        }
        if (mode.freeTargetSuffix()) {
            best = Math.max(best, hLoad[lastIndex]); // H[m][0]
        }
        // Vectors never cross a call or the column loop (JDK 17's C2 would box them): between passes they live
        // in these arrays.
        int[] diagonal = new int[LANES];
        int[] carry = new int[LANES];
        int[] localBest = new int[LANES];
        long laneDecay = (long) segLen * extend;
        // Column 1's first pass; then each step finishes column j and does column j+1's first pass in one sweep
        // (the diagonal of a stripe's first row is the previous column's last row of the stripe before; row 0 is
        // the boundary).
        int[] h = hStore;
        diagonal[0] = ScalarAligner.boundary(0, freeRows, open, extend);
        System.arraycopy(hLoad, (segLen - 1) * LANES, diagonal, 1, LANES - 1);
        withoutVerticalGaps(profile, target[0] * stride, hLoad, h, e, f, diagonal, carry, segLen, open, extend,
                local);
        for (int j = 1; j <= n; j++) {
            // carry[l] is now the F that leaves lane l downwards; the F entering lane l + 1 is the best of it and
            // of what entered lane l, decayed over its segLen rows. Row 1 gets its F from row 0.
            int entering = ScalarAligner.boundary(j, freeRows, open, extend) - open;
            for (int l = 0; l < LANES; l++) {
                int leaving = carry[l];
                carry[l] = entering;
                entering = (int) Math.max(leaving, Math.max((long) NEG, entering - laneDecay));
            }
            if (mode.freeTargetSuffix()) {
                best = Math.max(best, finalH(h, f, carry, lastIndex, extend));
            }
            if (j < n) {
                diagonal[0] = ScalarAligner.boundary(j, freeRows, open, extend);
                for (int l = 1; l < LANES; l++) {
                    diagonal[l] = finalH(h, f, carry, (segLen - 1) * LANES + l - 1, extend);
                }
                finishAndNext(h, f, e, carry, diagonal, profile, target[j] * stride, segLen, open, extend, local,
                        localBest);
            } else {
                withVerticalGaps(h, e, f, carry, segLen, open, extend, localBest);
            }
        }
        hLoad = h;
        if (local) {
            for (int value : localBest) {
                best = Math.max(best, value);
            }
            return best;
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
     * Pass 1 of a column: H' = max(diagonal + score, E) (and 0, local) into {@code hStore}, and F inside each lane
     * from H' into {@code f} (F of a lane's first segment is left out: it comes from the lane above). Leaves in
     * {@code carry} the F each lane passes to the next.
     */
    private static void withoutVerticalGaps(int[] profile, int profileBase, int[] hLoad, int[] hStore, int[] e,
                                            int[] f, int[] diagonal, int[] carry, int segLen, int open, int extend,
                                            boolean local) {
        IntVector vOpen = IntVector.broadcast(SPECIES, open);
        IntVector vExtend = IntVector.broadcast(SPECIES, extend);
        // Local alignments never drop below 0; otherwise the floor is minus infinity (a no-op max).
        IntVector floor = IntVector.broadcast(SPECIES, local ? 0 : NEG);
        IntVector vF = IntVector.broadcast(SPECIES, NEG);
        IntVector vH = IntVector.fromArray(SPECIES, diagonal, 0);
        for (int s = 0; s < segLen; s++) {
            int at = s * LANES;
            vH = vH.add(IntVector.fromArray(SPECIES, profile, profileBase + at))
                    .max(IntVector.fromArray(SPECIES, e, at)).max(floor);
            vH.intoArray(hStore, at);
            vF.intoArray(f, at);
            vF = vF.sub(vExtend).max(vH.sub(vOpen));
            vH = IntVector.fromArray(SPECIES, hLoad, at);
        }
        vF.intoArray(carry, 0);
    }

    /** H of column j at one element, before the finishing pass: max(H', F in the lane, F entering decayed). */
    private static int finalH(int[] h, int[] f, int[] entering, int index, int extend) {
        int s = index / LANES;
        int decayed = (int) Math.max(NEG, entering[index % LANES] - (long) s * extend);
        return Math.max(Math.max(h[index], f[index]), decayed);
    }

    /**
     * Finishes column j (H = max(H', F), the next column's E, the running best) and, in the same sweep, does
     * column j+1's first pass: H' into {@code h}, F inside the lanes into {@code f}, the F leaving each lane into
     * {@code carry}. {@code diagonal}: column j+1's diagonal for each lane's first segment. One sweep instead of
     * two: each cell's arrays are read once.
     */
    private static void finishAndNext(int[] h, int[] f, int[] e, int[] carry, int[] diagonal, int[] profile,
                                      int profileBase, int segLen, int open, int extend, boolean local,
                                      int[] localBest) {
        IntVector vOpen = IntVector.broadcast(SPECIES, open);
        IntVector vExtend = IntVector.broadcast(SPECIES, extend);
        IntVector floor = IntVector.broadcast(SPECIES, local ? 0 : NEG);
        IntVector vEntering = IntVector.fromArray(SPECIES, carry, 0);
        IntVector vBest = IntVector.fromArray(SPECIES, localBest, 0);
        IntVector vDiagonal = IntVector.fromArray(SPECIES, diagonal, 0);
        IntVector vF = IntVector.broadcast(SPECIES, NEG);
        for (int s = 0; s < segLen; s++) {
            int at = s * LANES;
            IntVector vH = IntVector.fromArray(SPECIES, h, at).max(IntVector.fromArray(SPECIES, f, at))
                    .max(vEntering);
            vBest = vBest.max(vH);
            vEntering = vEntering.sub(vExtend);
            IntVector vE = IntVector.fromArray(SPECIES, e, at).sub(vExtend).max(vH.sub(vOpen));
            IntVector vNext = vDiagonal.add(IntVector.fromArray(SPECIES, profile, profileBase + at)).max(vE)
                    .max(floor);
            vE.intoArray(e, at);
            vNext.intoArray(h, at);
            vF.intoArray(f, at);
            vF = vF.sub(vExtend).max(vNext.sub(vOpen));
            vDiagonal = vH;
        }
        vF.intoArray(carry, 0);
        vBest.intoArray(localBest, 0);
    }

    /**
     * Pass 2 of a column: F = the larger of the lane's own F and what entered the lane ({@code entering}) decayed
     * by the rows since; H = max(H', F); the next column's E; the running best (kept for every mode, used by local).
     */
    private static void withVerticalGaps(int[] hStore, int[] e, int[] f, int[] entering, int segLen, int open,
                                         int extend, int[] localBest) {
        IntVector vOpen = IntVector.broadcast(SPECIES, open);
        IntVector vExtend = IntVector.broadcast(SPECIES, extend);
        IntVector vEntering = IntVector.fromArray(SPECIES, entering, 0);
        IntVector vBest = IntVector.fromArray(SPECIES, localBest, 0);
        for (int s = 0; s < segLen; s++) {
            int at = s * LANES;
            IntVector vH = IntVector.fromArray(SPECIES, hStore, at).max(IntVector.fromArray(SPECIES, f, at))
                    .max(vEntering);
            vH.intoArray(hStore, at);
            vBest = vBest.max(vH);
            IntVector.fromArray(SPECIES, e, at).sub(vExtend).max(vH.sub(vOpen)).intoArray(e, at);
            vEntering = vEntering.sub(vExtend);
        }
        vBest.intoArray(localBest, 0);
    }

    /**
     * The striped query profile: for residue a, element (a * segLen + s) * LANES + l is the score of query row
     * l*segLen + s against a, and 0 on padding rows.
     */
    private static int[] profile(byte[] query, int segLen, ScoreMatrix matrix) {
        return QueryProfiles.striped(query, segLen, LANES, matrix);
    }
}
