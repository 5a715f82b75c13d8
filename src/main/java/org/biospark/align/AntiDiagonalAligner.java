package org.biospark.align;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The global or semi-global score of one long pair in 8-bit lanes along anti-diagonals: the cells of an
 * anti-diagonal do not depend on each other, so a register holds {@link #lanes()} consecutive rows of one
 * anti-diagonal (32 with AVX2) whatever the lengths. The lanes hold the differences between neighbouring cells, as in
 * {@link DifferenceBatchAligner} (same recurrence, same range proof, same values held plus the gap extension), so
 * nothing saturates at any length and the score, summed from the differences in 32 bits, is exact. This is the layout
 * of minimap2's ksw2 ({@code ksw_extz2_sse}; Suzuki and Kasahara, BMC Bioinformatics 19:45, 2018) for a whole pair.
 *
 * <p>State is kept per query row i: u and e of the row's last cell (read by the next cell to its right), v and f of
 * it (read by the cell below it, on the next anti-diagonal). Cell (i, j) of anti-diagonal r = i + j reads row i's u
 * and e and row i-1's v and f, all from anti-diagonal r-1, and writes row i's; the rows of an anti-diagonal are
 * taken in blocks from the bottom up, so a block reads row i-1 before the block below overwrites it. The
 * substitution scores of a block come from one comparison per lane when the pair's residues score only match or
 * mismatch, otherwise from one table lookup per lane: the residues of the pair are renumbered 0..k-1 and the k x k
 * scores (k * k at most {@link #lanes()}: five residues, ACGTN, with AVX2) fill one vector, indexed by
 * {@code k * query code + target code}. The target is stored reversed so that its residues along an anti-diagonal
 * are consecutive.
 *
 * <p>H(m, n) is H(0, n) plus every row's final u, taken as each row ends; a free query suffix takes the best of
 * those partial sums, a free target suffix the best H(m, j) (row m's v added up as the anti-diagonals pass it).
 */
final class AntiDiagonalAligner {
    static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private AntiDiagonalAligner() {
    }

    /** Rows of one anti-diagonal per register. */
    static int lanes() {
        return LANES;
    }

    /**
     * Whether this kernel scores the pair: global or semi-global with a scheme whose differences fit bytes
     * ({@link DifferenceBatchAligner#applies}), at most {@code sqrt(lanes())} distinct residues in the pair, and long
     * enough that the anti-diagonals fill a few registers.
     */
    static boolean applies(byte[] query, byte[] target, Scoring scoring, AlignmentMode mode) {
        return Math.min(query.length, target.length) >= 2 * LANES
                && (long) query.length * target.length >= 1L << 18
                && DifferenceBatchAligner.applies(scoring, mode)
                && renumbering(query, target, scoring.matrix().size()) != null;
    }

    /**
     * The residue codes of the pair renumbered 0..k-1 in code order ({@code -1} for codes not in it), with k at the
     * end of the array; null when k * k exceeds the lanes.
     */
    private static int[] renumbering(byte[] query, byte[] target, int size) {
        boolean[] seen = new boolean[size];
        for (byte c : query) {
            seen[c] = true;
        }
        for (byte c : target) {
            seen[c] = true;
        }
        int[] dense = new int[size + 1];
        int k = 0;
        for (int c = 0; c < size; c++) {
            dense[c] = seen[c] ? k++ : -1;
        }
        dense[size] = k;
        return k * k <= LANES ? dense : null;
    }

    /**
     * {match, mismatch} when the pair's residues score only those two: every pair of different residues mismatch,
     * every residue against itself match or mismatch; else null.
     */
    private static int[] twoScores(int[] scores, int size, int[] dense) {
        Integer match = null;
        Integer mismatch = null;
        for (int a = 0; a < size; a++) {
            for (int b = 0; b < size && dense[a] >= 0; b++) {
                if (dense[b] >= 0 && a != b) {
                    if (mismatch != null && scores[a * size + b] != mismatch) {
                        return null;
                    }
                    mismatch = scores[a * size + b];
                }
            }
        }
        for (int a = 0; a < size; a++) {
            int self = scores[a * size + a];
            if (dense[a] < 0 || mismatch != null && self == mismatch) {
                continue;
            }
            if (match != null && self != match) {
                return null;
            }
            match = self;
        }
        return mismatch == null || match == null ? null : new int[] {match, mismatch};
    }

    /**
     * The optimal score of {@code query} against {@code target} (both encoded, non-empty); the caller has checked
     * {@link #applies}.
     */
    static int score(byte[] query, byte[] target, Scoring scoring, AlignmentMode mode) {
        int m = query.length;
        int n = target.length;
        int size = scoring.matrix().size();
        int[] dense = renumbering(query, target, size);
        int k = dense[size];
        int open = scoring.gaps().open();
        int extend = scoring.gaps().extend();
        byte floor = (byte) (extend - open);
        boolean freeTop = mode.freeTargetPrefix();
        boolean freeLeft = mode.freeQueryPrefix();

        // Scores plus twice extend. With two scores only among the pair's residues (match/mismatch, a residue such
        // as N that never matches given codes of its own on each side) a comparison picks one; otherwise a table
        // lookup at k * query code + target code (the rest of the table is never read).
        int[] scores = scoring.matrix().flatScores();
        int[] two = twoScores(scores, size, dense);
        byte[] queryCode = new byte[size];
        byte[] targetCode = new byte[size];
        byte[] table = new byte[LANES];
        for (int a = 0; a < size; a++) {
            if (dense[a] < 0) {
                continue;
            }
            boolean matches = two != null && scores[a * size + a] == two[0];
            queryCode[a] = (byte) (two == null ? dense[a] * k : matches ? dense[a] : LANES + dense[a]);
            targetCode[a] = (byte) (two == null || matches ? dense[a] : 2 * LANES + dense[a]);
            for (int b = 0; b < size; b++) {
                if (dense[b] >= 0) {
                    table[dense[a] * k + dense[b]] = (byte) (scores[a * size + b] + 2 * extend);
                }
            }
        }
        ByteVector tableV = ByteVector.fromArray(SPECIES, table, 0);
        boolean byComparison = two != null;
        ByteVector matchV = ByteVector.broadcast(SPECIES, (byte) (byComparison ? two[0] + 2 * extend : 0));
        ByteVector mismatchV = ByteVector.broadcast(SPECIES, (byte) (byComparison ? two[1] + 2 * extend : 0));
        ByteVector floorV = ByteVector.broadcast(SPECIES, floor);

        // Row i (1-based) at index LANES + i - 1, so that the blocks of rows [b * LANES + 1, (b + 1) * LANES] start
        // at multiples of LANES; row 0 (the boundary) at LANES - 1. A block computes the whole of its rows even
        // where the anti-diagonal covers only some of them: the rows below it have ended (their u was taken as they
        // ended, nothing else of theirs is read again), those above it have not begun (their u and e are set as
        // they begin, and their v and f are written before the row below reads them). The target's codes are stored
        // reversed: cell (i, j) of anti-diagonal r finds its target residue at
        // LANES + n - r + i - 1; padding on both sides holds code 0 for the rows outside the anti-diagonal.
        int base = LANES - 1;
        int rows = (m + LANES - 1) / LANES * LANES;
        byte[] queryCodes = new byte[LANES + rows];
        for (int i = 1; i <= m; i++) {
            queryCodes[base + i] = queryCode[query[i - 1]];
        }
        byte[] targetReversed = new byte[LANES + n + LANES];
        for (int x = 0; x < n; x++) {
            targetReversed[LANES + x] = targetCode[target[n - 1 - x]];
        }
        byte[] u = new byte[LANES + rows];
        byte[] e = new byte[LANES + rows];
        byte[] v = new byte[LANES + rows];
        byte[] f = new byte[LANES + rows];

        int column = ScalarAligner.boundary(n, freeTop, open, extend); // H(i, n) as the rows end
        int bestInColumn = column;
        boolean trackRow = mode.freeTargetSuffix();
        int row = ScalarAligner.boundary(m, freeLeft, open, extend);   // H(m, j) as anti-diagonals pass row m
        int bestInRow = row;

        for (int r = 2; r <= m + n; r++) {
            int lo = Math.max(1, r - n);
            int hi = Math.min(m, r - 1);
            if (hi == r - 1) {
                // row hi starts: its left neighbour is column 0
                u[base + hi] = DifferenceBatchAligner.boundaryStep(hi, freeLeft, open, extend);
                e[base + hi] = floor;
            }
            if (lo == 1) {
                // row 1's upper neighbour is row 0 at column r - 1
                v[base] = DifferenceBatchAligner.boundaryStep(r - 1, freeTop, open, extend);
                f[base] = floor;
            }
            int targetAt = LANES + n - r;
            for (int first = (hi - 1) / LANES * LANES + 1; first + LANES > lo; first -= LANES) {
                int at = base + first;
                ByteVector uLeft = ByteVector.fromArray(SPECIES, u, at);
                ByteVector vAbove = ByteVector.fromArray(SPECIES, v, at - 1);
                ByteVector fromLeft = ByteVector.fromArray(SPECIES, e, at).add(uLeft);
                ByteVector fromAbove = ByteVector.fromArray(SPECIES, f, at - 1).add(vAbove);
                ByteVector q = ByteVector.fromArray(SPECIES, queryCodes, at);
                ByteVector t = ByteVector.fromArray(SPECIES, targetReversed, targetAt + first);
                ByteVector s = byComparison ? mismatchV.blend(matchV, q.eq(t)) : q.add(t).selectFrom(tableV);
                ByteVector z = s.max(fromLeft).max(fromAbove);
                z.sub(vAbove).intoArray(u, at);
                z.sub(uLeft).intoArray(v, at);
                fromLeft.sub(z).max(floorV).intoArray(e, at);
                fromAbove.sub(z).max(floorV).intoArray(f, at);
            }
            if (r > n) {
                // row r - n has reached column n: its u is final (the block below may overwrite it from now on)
                column += u[base + r - n] - extend;
                bestInColumn = Math.max(bestInColumn, column);
            }
            if (trackRow && r > m) {
                row += v[base + m] - extend;
                bestInRow = Math.max(bestInRow, row);
            }
        }
        int score = column;
        if (mode.freeQuerySuffix()) {
            score = Math.max(score, bestInColumn);
        }
        if (trackRow) {
            score = Math.max(score, bestInRow);
        }
        return score;
    }
}
