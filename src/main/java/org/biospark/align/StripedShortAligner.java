package org.biospark.align;

import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StripedAligner}'s kernel in 16-bit lanes: twice the stripes per register, half the memory traffic. Exact in
 * two ways. Global and semi-global run here only when {@link VectorBatchAligner#fits} proves every value of the
 * recurrence stays in range. Local alignments run here whenever the gap costs are small: their H never drops below
 * 0 and gap states never below {@code -(open + extend)}, and H can only overflow upwards, after some H passed
 * {@code 32767 - max score}; that value is still exact and is kept in the running best, so a best above that line
 * reports {@link #SATURATED} and the caller recomputes in 32 bits.
 */
final class StripedShortAligner {
    static final VectorSpecies<Short> SPECIES = ShortVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** A score that must be recomputed in 32 bits. */
    static final int SATURATED = Integer.MIN_VALUE;
    /** Minus infinity in 16 bits, as in {@link VectorBatchAligner}. */
    private static final short NEG = -30_000;
    private static final int MAX_PENALTY = 1_000;

    private StripedShortAligner() {
    }

    static boolean applies(Scoring scoring, AlignmentMode mode, int queryLength, int targetLength) {
        if (mode.local()) {
            return scoring.gaps().open() <= MAX_PENALTY && scoring.matrix().max() > 0
                    && scoring.matrix().max() < 1_000 && scoring.matrix().min() > -1_000;
        }
        return VectorBatchAligner.fits(scoring, queryLength, targetLength);
    }

    static int score(byte[] query, byte[] target, Scoring scoring, AlignmentMode mode) {
        int m = query.length;
        int n = target.length;
        int segLen = (m + LANES - 1) / LANES;
        int stride = segLen * LANES;
        int open = scoring.gaps().open();
        int extend = scoring.gaps().extend();
        boolean local = mode.local();
        boolean freeRows = local || mode.freeTargetPrefix();
        boolean freeColumn = local || mode.freeQueryPrefix();
        short[] profile = profile(query, segLen, scoring.matrix());

        short[] hLoad = new short[stride];
        short[] hStore = new short[stride];
        short[] e = new short[stride];
        short[] f = new short[stride];
        for (int s = 0; s < segLen; s++) {
            for (int l = 0; l < LANES; l++) {
                int h = ScalarAligner.boundary(l * segLen + s + 1, freeColumn, open, extend);
                hLoad[s * LANES + l] = (short) h;
                e[s * LANES + l] = (short) Math.max(NEG, h - open);
            }
        }
        int lastIndex = ((m - 1) % segLen) * LANES + (m - 1) / segLen;
        int best = local ? 0 : ScalarAligner.NEG;
        if (mode.freeQuerySuffix()) {
            best = Math.max(best, ScalarAligner.boundary(n, freeRows, open, extend));
        }
        if (mode.freeTargetSuffix()) {
            best = Math.max(best, hLoad[lastIndex]);
        }
        short[] diagonal = new short[LANES];
        short[] carry = new short[LANES];
        short[] runningBest = new short[LANES];
        long laneDecay = (long) segLen * extend;
        // Column 1's first pass; then each step finishes column j and does column j+1's first pass in one sweep.
        short[] h = hStore;
        diagonal[0] = (short) ScalarAligner.boundary(0, freeRows, open, extend);
        System.arraycopy(hLoad, (segLen - 1) * LANES, diagonal, 1, LANES - 1);
        withoutVerticalGaps(profile, target[0] * stride, hLoad, h, e, f, diagonal, carry, segLen, open, extend,
                local);
        for (int j = 1; j <= n; j++) {
            long entering = Math.max(NEG, ScalarAligner.boundary(j, freeRows, open, extend) - open);
            for (int l = 0; l < LANES; l++) {
                int leaving = carry[l];
                carry[l] = (short) entering;
                entering = Math.max(leaving, Math.max(NEG, entering - laneDecay));
            }
            if (mode.freeTargetSuffix()) {
                best = Math.max(best, finalH(h, f, carry, lastIndex, extend));
            }
            if (j < n) {
                diagonal[0] = (short) ScalarAligner.boundary(j, freeRows, open, extend);
                for (int l = 1; l < LANES; l++) {
                    diagonal[l] = (short) finalH(h, f, carry, (segLen - 1) * LANES + l - 1, extend);
                }
                finishAndNext(h, f, e, carry, diagonal, profile, target[j] * stride, segLen, open, extend, local,
                        runningBest);
            } else {
                withVerticalGaps(h, e, f, carry, segLen, open, extend, runningBest);
            }
        }
        hLoad = h;
        if (local) {
            for (short value : runningBest) {
                best = Math.max(best, value);
            }
            return best > Short.MAX_VALUE - scoring.matrix().max() ? SATURATED : best;
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

    private static void withoutVerticalGaps(short[] profile, int profileBase, short[] hLoad, short[] hStore,
                                            short[] e, short[] f, short[] diagonal, short[] carry, int segLen,
                                            int open, int extend, boolean local) {
        ShortVector vOpen = ShortVector.broadcast(SPECIES, (short) open);
        ShortVector vExtend = ShortVector.broadcast(SPECIES, (short) extend);
        ShortVector vNeg = ShortVector.broadcast(SPECIES, NEG);
        ShortVector floor = local ? ShortVector.zero(SPECIES) : vNeg;
        ShortVector vF = vNeg;
        ShortVector vH = ShortVector.fromArray(SPECIES, diagonal, 0);
        for (int s = 0; s < segLen; s++) {
            int at = s * LANES;
            vH = vH.add(ShortVector.fromArray(SPECIES, profile, profileBase + at))
                    .max(ShortVector.fromArray(SPECIES, e, at)).max(floor);
            vH.intoArray(hStore, at);
            vF.intoArray(f, at);
            vF = vF.sub(vExtend).max(vH.sub(vOpen)).max(vNeg);
            vH = ShortVector.fromArray(SPECIES, hLoad, at);
        }
        vF.intoArray(carry, 0);
    }

    /** H of column j at one element, before the finishing pass: max(H', F in the lane, F entering decayed). */
    private static int finalH(short[] h, short[] f, short[] entering, int index, int extend) {
        int s = index / LANES;
        int decayed = (int) Math.max(NEG, entering[index % LANES] - (long) s * extend);
        return Math.max(Math.max(h[index], f[index]), decayed);
    }

    /**
     * Finishes column j (H = max(H', F), the next column's E, the running best) and, in the same sweep, column
     * j+1's first pass: H' into {@code h}, F inside the lanes into {@code f}, the F leaving each lane into
     * {@code carry}. {@code diagonal}: column j+1's diagonal for each lane's first segment.
     */
    private static void finishAndNext(short[] h, short[] f, short[] e, short[] carry, short[] diagonal,
                                      short[] profile, int profileBase, int segLen, int open, int extend,
                                      boolean local, short[] runningBest) {
        ShortVector vOpen = ShortVector.broadcast(SPECIES, (short) open);
        ShortVector vExtend = ShortVector.broadcast(SPECIES, (short) extend);
        ShortVector vNeg = ShortVector.broadcast(SPECIES, NEG);
        ShortVector floor = local ? ShortVector.zero(SPECIES) : vNeg;
        ShortVector vEntering = ShortVector.fromArray(SPECIES, carry, 0);
        ShortVector vBest = ShortVector.fromArray(SPECIES, runningBest, 0);
        ShortVector vDiagonal = ShortVector.fromArray(SPECIES, diagonal, 0);
        ShortVector vF = vNeg;
        for (int s = 0; s < segLen; s++) {
            int at = s * LANES;
            ShortVector vH = ShortVector.fromArray(SPECIES, h, at).max(ShortVector.fromArray(SPECIES, f, at))
                    .max(vEntering);
            vBest = vBest.max(vH);
            vEntering = vEntering.sub(vExtend).max(vNeg);
            ShortVector vE = ShortVector.fromArray(SPECIES, e, at).sub(vExtend).max(vH.sub(vOpen)).max(vNeg);
            ShortVector vNext = vDiagonal.add(ShortVector.fromArray(SPECIES, profile, profileBase + at)).max(vE)
                    .max(floor);
            vE.intoArray(e, at);
            vNext.intoArray(h, at);
            vF.intoArray(f, at);
            vF = vF.sub(vExtend).max(vNext.sub(vOpen)).max(vNeg);
            vDiagonal = vH;
        }
        vF.intoArray(carry, 0);
        vBest.intoArray(runningBest, 0);
    }

    private static void withVerticalGaps(short[] hStore, short[] e, short[] f, short[] entering, int segLen,
                                         int open, int extend, short[] runningBest) {
        ShortVector vOpen = ShortVector.broadcast(SPECIES, (short) open);
        ShortVector vExtend = ShortVector.broadcast(SPECIES, (short) extend);
        ShortVector vNeg = ShortVector.broadcast(SPECIES, NEG);
        ShortVector vEntering = ShortVector.fromArray(SPECIES, entering, 0);
        ShortVector vBest = ShortVector.fromArray(SPECIES, runningBest, 0);
        for (int s = 0; s < segLen; s++) {
            int at = s * LANES;
            ShortVector vH = ShortVector.fromArray(SPECIES, hStore, at).max(ShortVector.fromArray(SPECIES, f, at))
                    .max(vEntering);
            vH.intoArray(hStore, at);
            vBest = vBest.max(vH);
            ShortVector.fromArray(SPECIES, e, at).sub(vExtend).max(vH.sub(vOpen)).max(vNeg).intoArray(e, at);
            vEntering = vEntering.sub(vExtend).max(vNeg);
        }
        vBest.intoArray(runningBest, 0);
    }

    private static short[] profile(byte[] query, int segLen, ScoreMatrix matrix) {
        return QueryProfiles.toShorts(QueryProfiles.striped(query, segLen, LANES, matrix));
    }
}
