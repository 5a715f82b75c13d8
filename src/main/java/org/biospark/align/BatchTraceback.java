package org.biospark.align;

import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Optimal alignments with their paths for up to {@link #lanes()} queries against one target at once: the forward
 * pass of {@link VectorBatchAligner} (one query per 16-bit lane, the target streamed through column by column)
 * that also records, for every cell and lane, the five facts the walk back asks ({@link PathWalk.Cells}) as bits of
 * a short (the facts' own values). The walk then reads the bits instead of recomputing H, E and F, so the paths are
 * those of the scalar {@link Traceback}: the same values compared the same way, and the same end cells (local: the first cell of the
 * highest score in row order; otherwise the bottom-right cell, then the last column from the top, then the last
 * row from the left).
 *
 * <p>Used only where {@link #applies} holds: the values fit 16 bits, and the batch's bits (2 bytes per cell per
 * lane, in a buffer its thread reuses) stay within {@link #MAX_LANE_CELLS}.
 */
final class BatchTraceback {
    private static final VectorSpecies<Short> SPECIES = VectorBatchAligner.SPECIES;
    private static final int LANES = SPECIES.length();
    /** Largest batch: longest query x target x lanes, 2 bytes each: 16 MB of direction bits per thread. */
    static final long MAX_LANE_CELLS = 1L << 23;
    private static final short NEG = -30_000;
    private static final ThreadLocal<short[]> BITS = ThreadLocal.withInitial(() -> new short[0]);

    private BatchTraceback() {
    }

    static int lanes() {
        return LANES;
    }

    /** Whether a batch whose longest query has {@code maxQueryLength} residues can take this kernel. */
    static boolean applies(Scoring scoring, int maxQueryLength, int targetLength) {
        return VectorSupport.available() && maxQueryLength <= Short.MAX_VALUE // rows are counted in a short
                && VectorBatchAligner.fits(scoring, maxQueryLength, targetLength)
                && (long) maxQueryLength * targetLength * LANES <= MAX_LANE_CELLS;
    }

    /**
     * Aligns {@code count} (at most {@link #lanes()}) non-empty queries starting at {@code first} against a non-empty
     * {@code target}, into {@code out[first ..]}; the caller has checked {@link #applies} for the longest of them.
     */
    static void align(byte[][] queries, int first, int count, byte[] target, Scoring scoring, AlignmentMode mode,
                      Alignment[] out) {
        int rows = 0;
        for (int l = 0; l < count; l++) {
            rows = Math.max(rows, queries[first + l].length);
        }
        int n = target.length;
        int open = scoring.gaps().open();
        int extend = scoring.gaps().extend();
        boolean local = mode.local();
        boolean freeTop = local || mode.freeTargetPrefix();
        short[][] profile = VectorBatchAligner.profile(queries, first, count, scoring.matrix(),
                QueryProfiles.used(scoring.matrix(), target));

        int stride = rows * LANES; // one column of every lane
        short[] h = new short[stride];
        short[] e = new short[stride];
        for (int i = 0; i < rows; i++) {
            short left = (short) ScalarAligner.boundary(i + 1, local || mode.freeQueryPrefix(), open, extend);
            for (int l = 0; l < LANES; l++) {
                h[i * LANES + l] = left;
                e[i * LANES + l] = NEG;
            }
        }
        short[] bits = threadBits((long) stride * n);
        // Local: a padded row (past a lane's query) may repeat a real cell's value; it must never be an end cell.
        short[] cap = local ? padCap(queries, first, count, rows) : null;
        int[] best = new int[LANES];
        int[] bestRow = new int[LANES];
        int[] bestColumn = new int[LANES];
        short[] columnBest = new short[LANES];
        short[] columnRow = new short[LANES];
        short[] lastRow = !local && mode.freeTargetSuffix() ? new short[n * LANES] : null;

        for (int j = 0; j < n; j++) {
            short diagonal = (short) ScalarAligner.boundary(j, freeTop, open, extend);
            short up = (short) ScalarAligner.boundary(j + 1, freeTop, open, extend);
            column(h, e, profile[target[j]], bits, j * stride, stride, diagonal, up, (short) open, (short) extend,
                    cap, columnBest, columnRow);
            if (local) {
                for (int l = 0; l < count; l++) {
                    if (columnBest[l] > best[l] || (columnBest[l] == best[l] && columnRow[l] < bestRow[l])) {
                        best[l] = columnBest[l];
                        bestRow[l] = columnRow[l];
                        bestColumn[l] = j + 1;
                    }
                }
            } else if (lastRow != null) {
                for (int l = 0; l < count; l++) {
                    lastRow[j * LANES + l] = h[(queries[first + l].length - 1) * LANES + l];
                }
            }
        }

        int[] scores = scoring.matrix().flatScores();
        int size = scoring.matrix().size();
        for (int l = 0; l < count; l++) {
            byte[] query = queries[first + l];
            int m = query.length;
            int score;
            int endI;
            int endJ;
            if (local) {
                score = best[l];
                endI = bestRow[l];
                endJ = bestColumn[l];
            } else {
                score = h[(m - 1) * LANES + l];
                endI = m;
                endJ = n;
                if (mode.freeQuerySuffix()) {
                    int columnMax = ScalarAligner.boundary(n, freeTop, open, extend);
                    int columnI = 0;
                    for (int i = 1; i <= m; i++) {
                        if (h[(i - 1) * LANES + l] > columnMax) {
                            columnMax = h[(i - 1) * LANES + l];
                            columnI = i;
                        }
                    }
                    if (columnMax > score) {
                        score = columnMax;
                        endI = columnI;
                    }
                }
                if (lastRow != null) {
                    for (int j = 0; j <= n; j++) {
                        int v = j == 0 ? ScalarAligner.boundary(m, mode.freeQueryPrefix(), open, extend)
                                : lastRow[(j - 1) * LANES + l];
                        if (v > score) {
                            score = v;
                            endI = m;
                            endJ = j;
                        }
                    }
                }
            }
            out[first + l] = PathWalk.walk(new LaneCells(bits, rows, l), score, endI, endJ, query, target, scores,
                    size, mode);
        }
    }

    /**
     * One target column for every row: H and E of the column to the left in {@code h} and {@code e} become this
     * column's; each cell's direction bits go to {@code bits[base + row * LANES + lane]}. With {@code cap} (local),
     * the column's highest capped cell and its first row go to {@code columnBest} and {@code columnRow}.
     */
    private static void column(short[] h, short[] e, short[] profileColumn, short[] bits, int base, int stride,
                               short diagonalTop, short upTop, short open, short extend, short[] cap,
                               short[] columnBest, short[] columnRow) {
        ShortVector openV = ShortVector.broadcast(SPECIES, open);
        ShortVector extendV = ShortVector.broadcast(SPECIES, extend);
        ShortVector zero = ShortVector.zero(SPECIES);
        ShortVector one = ShortVector.broadcast(SPECIES, (short) 1);
        ShortVector diagonalBit = ShortVector.broadcast(SPECIES, (short) PathWalk.DIAGONAL);
        ShortVector fromEBit = ShortVector.broadcast(SPECIES, (short) PathWalk.FROM_TARGET_GAP);
        ShortVector eOpensBit = ShortVector.broadcast(SPECIES, (short) PathWalk.TARGET_GAP_OPENS);
        ShortVector fOpensBit = ShortVector.broadcast(SPECIES, (short) PathWalk.QUERY_GAP_OPENS);
        ShortVector diagonal = ShortVector.broadcast(SPECIES, diagonalTop);
        ShortVector up = ShortVector.broadcast(SPECIES, upTop);
        ShortVector f = ShortVector.broadcast(SPECIES, NEG);
        boolean local = cap != null;
        ShortVector zeroBit = ShortVector.broadcast(SPECIES, (short) PathWalk.ZERO);
        ShortVector topCell = zero;
        ShortVector topRow = zero;
        ShortVector row = zero;
        for (int offset = 0; offset < stride; offset += LANES) {
            ShortVector left = ShortVector.fromArray(SPECIES, h, offset);
            ShortVector leftOpen = left.sub(openV);
            ShortVector eV = leftOpen.max(ShortVector.fromArray(SPECIES, e, offset).sub(extendV));
            ShortVector upOpen = up.sub(openV);
            f = upOpen.max(f.sub(extendV));
            ShortVector step = diagonal.add(ShortVector.fromArray(SPECIES, profileColumn, offset));
            ShortVector cell = step.max(eV.max(f));
            if (local) { // one loop for both modes: C2 unswitches it on local, so the branch costs nothing per cell
                cell = cell.max(zero);
            }
            ShortVector b = zero.blend(diagonalBit, cell.eq(step))
                    .lanewise(VectorOperators.OR, fromEBit, cell.eq(eV))
                    .lanewise(VectorOperators.OR, eOpensBit, eV.eq(leftOpen))
                    .lanewise(VectorOperators.OR, fOpensBit, f.eq(upOpen));
            if (local) {
                b = b.lanewise(VectorOperators.OR, zeroBit, cell.eq(zero));
            }
            b.intoArray(bits, base + offset);
            cell.intoArray(h, offset);
            eV.intoArray(e, offset);
            if (local) {
                row = row.add(one);
                ShortVector capped = cell.min(ShortVector.fromArray(SPECIES, cap, offset));
                VectorMask<Short> higher = capped.compare(VectorOperators.GT, topCell);
                topCell = topCell.max(capped);
                topRow = topRow.blend(row, higher);
            }
            diagonal = left;
            up = cell;
        }
        if (!local) {
            return;
        }
        topCell.intoArray(columnBest, 0);
        topRow.intoArray(columnRow, 0);
    }

    /** Per row and lane: no cap on a lane's own rows, minus infinity past its query (and in lanes past count). */
    private static short[] padCap(byte[][] queries, int first, int count, int rows) {
        short[] cap = new short[rows * LANES];
        java.util.Arrays.fill(cap, NEG);
        for (int l = 0; l < count; l++) {
            for (int i = 0; i < queries[first + l].length; i++) {
                cap[i * LANES + l] = Short.MAX_VALUE;
            }
        }
        return cap;
    }

    private static short[] threadBits(long length) {
        short[] bits = BITS.get();
        if (bits.length < length) {
            bits = new short[(int) length];
            BITS.set(bits);
        }
        return bits;
    }

    /** One lane's direction bits, as the walk asks them. */
    private record LaneCells(short[] bits, int rows, int lane) implements PathWalk.Cells {
        @Override
        public boolean has(int fact, int i, int j) {
            return (bits[((j - 1) * rows + (i - 1)) * LANES + lane] & fact) != 0;
        }
    }
}
