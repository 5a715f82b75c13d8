package org.biospark.align;

/**
 * An optimal alignment with its path, in bounded memory: {@code m * n} cells for read-sized pairs, {@code sqrt(m) * n}
 * beyond them.
 *
 * <p>A pair of up to {@link #ALL_ROWS_CELLS} cells (reads against a gene, say) keeps every row of H, E and F, in
 * rows its thread reuses, and the walk back reads them. A larger pair keeps the H and F rows at every k-th row (k
 * about sqrt(m)); the walk back from the end cell then recomputes one block of k rows at a time from its
 * checkpoint, so memory grows as sqrt(m) * n and each cell is computed at most twice. Ties are broken the same
 * way every time: a diagonal step before a gap in the query (D) before a gap in the target (I); among end cells of
 * equal score, the bottom-right cell, then the last column from the top, then the last row from the left (local:
 * the first cell in row order).
 *
 * <p>Many queries against one target ({@link #alignAll}) go through the vector kernel {@link BatchTraceback} where
 * it applies (many queries per register instead of one pair at a time), with the same paths.
 */
public final class Traceback {
    private static final int NEG = ScalarAligner.NEG;
    /** Largest pair, (m + 1) x (n + 1) cells, whose rows are all kept: 24 MB of rows per thread at most. */
    static final long ALL_ROWS_CELLS = 1L << 21;
    /** Fewest queries that take the vector kernel together; fewer go one by one. */
    static final int MIN_BATCH = 4;
    /** The rows of H, E and F a thread keeps for the pairs whose rows are all kept. */
    private static final ThreadLocal<int[][][]> ROWS = ThreadLocal.withInitial(() -> new int[3][0][]);

    private final byte[] q;
    private final byte[] t;
    private final int[] scores;
    private final int size;
    private final int open;
    private final int extend;
    private final AlignmentMode mode;
    private final int m;
    private final int n;
    private final int k;
    private final int[][] checkpointH;
    private final int[][] checkpointF;
    /** Every row of H, E and F ({@code [0]}, {@code [1]}, {@code [2]}; rows 0 to m), or null: checkpoints. */
    private final int[][][] rows;

    private Traceback(byte[] query, byte[] target, Scoring scoring, AlignmentMode mode, boolean allRows) {
        this.q = query;
        this.t = target;
        this.scores = scoring.matrix().flatScores();
        this.size = scoring.matrix().size();
        this.open = scoring.gaps().open();
        this.extend = scoring.gaps().extend();
        this.mode = mode;
        this.m = query.length;
        this.n = target.length;
        this.k = Math.max(1, (int) Math.ceil(Math.sqrt(m)));
        this.checkpointH = allRows ? null : new int[m / k + 1][];
        this.checkpointF = allRows ? null : new int[m / k + 1][];
        this.rows = allRows ? threadRows(m + 1, n + 1) : null;
    }

    /** The optimal alignment of the encoded {@code query} and {@code target}. */
    public static Alignment align(byte[] query, byte[] target, Scoring scoring, AlignmentMode mode) {
        return align(query, target, scoring, mode,
                (long) (query.length + 1) * (target.length + 1) <= ALL_ROWS_CELLS);
    }

    /**
     * The optimal alignments of each of {@code queries} against {@code target}, in their order. Neighbouring queries
     * share the vector kernel's batches ({@link BatchTraceback}: at least {@link #MIN_BATCH} of them, values within
     * 16 bits, the batch's direction bits within its bound), so queries sorted by length go fastest; the others go
     * one by one as {@link #align(byte[], byte[], Scoring, AlignmentMode)} does. The paths are the same either way.
     */
    public static Alignment[] alignAll(byte[][] queries, byte[] target, Scoring scoring, AlignmentMode mode) {
        Alignment[] out = new Alignment[queries.length];
        int lanes = VectorSupport.available() ? BatchTraceback.lanes() : 1;
        int first = 0;
        while (first < queries.length) {
            int count = Math.min(lanes, queries.length - first);
            int longest = 0;
            int shortest = Integer.MAX_VALUE;
            for (int q = first; q < first + count; q++) {
                longest = Math.max(longest, queries[q].length);
                shortest = Math.min(shortest, queries[q].length);
            }
            if (count >= MIN_BATCH && shortest > 0 && target.length > 0
                    && BatchTraceback.applies(scoring, longest, target.length)) {
                BatchTraceback.align(queries, first, count, target, scoring, mode, out);
                first += count;
            } else {
                out[first] = align(queries[first], target, scoring, mode);
                first++;
            }
        }
        return out;
    }

    /** The same, with every row kept or with checkpoints, as asked (the tests compare the two). */
    static Alignment align(byte[] query, byte[] target, Scoring scoring, AlignmentMode mode, boolean allRows) {
        return new Traceback(query, target, scoring, mode, allRows).run();
    }

    /** This thread's rows of H, E and F: at least {@code count} of each, each at least {@code length} long. */
    private static int[][][] threadRows(int count, int length) {
        int[][][] kept = ROWS.get();
        if (kept[0].length < count || (count > 0 && kept[0][0].length < length)) {
            int rowCount = Math.max(count, kept[0].length);
            int rowLength = Math.max(length, kept[0].length > 0 ? kept[0][0].length : 0);
            if ((long) rowCount * rowLength > ALL_ROWS_CELLS) { // a tall pair, then a wide one: just this one
                rowCount = count;
                rowLength = length;
            }
            kept = new int[3][rowCount][rowLength];
            ROWS.set(kept);
        }
        return kept;
    }

    private Alignment run() {
        int[] end = forward();
        return walkBack(end[0], end[1], end[2]);
    }

    private int topBoundary(int j) {
        return ScalarAligner.boundary(j, mode.local() || mode.freeTargetPrefix(), open, extend);
    }

    private int leftBoundary(int i) {
        return ScalarAligner.boundary(i, mode.local() || mode.freeQueryPrefix(), open, extend);
    }

    /** Fills row {@code i} (H, E, F) from row {@code i - 1}. */
    private void fillRow(int i, int[] hAbove, int[] fAbove, int[] h, int[] e, int[] f) {
        int rowOffset = q[i - 1] * size;
        h[0] = leftBoundary(i);
        e[0] = NEG;
        f[0] = NEG;
        for (int j = 1; j <= n; j++) {
            f[j] = Math.max(hAbove[j] - open, fAbove[j] - extend);
            e[j] = Math.max(h[j - 1] - open, e[j - 1] - extend);
            int cell = Math.max(hAbove[j - 1] + scores[rowOffset + t[j - 1]], Math.max(e[j], f[j]));
            h[j] = mode.local() ? Math.max(cell, 0) : cell;
        }
    }

    /** Score pass with checkpoints; returns {score, i, j} of the chosen end cell. */
    private int[] forward() {
        int[] h = rows != null ? rows[0][0] : new int[n + 1];
        int[] f = rows != null ? rows[2][0] : new int[n + 1];
        int[] e = rows != null ? null : new int[n + 1]; // with every row kept, each row has its own
        for (int j = 0; j <= n; j++) {
            h[j] = topBoundary(j);
            f[j] = NEG;
        }
        if (rows == null) {
            checkpointH[0] = h.clone();
            checkpointF[0] = f.clone();
        }
        int bestScore = mode.local() ? 0 : Integer.MIN_VALUE;
        int bestI = 0;
        int bestJ = 0;
        int columnBest = Integer.MIN_VALUE; // last column, top first
        int columnI = 0;
        if (mode.freeQuerySuffix() && !mode.local()) {
            columnBest = h[n];
        }
        int[] hNext = rows != null ? null : new int[n + 1];
        int[] fNext = rows != null ? null : new int[n + 1];
        for (int i = 1; i <= m; i++) {
            if (rows != null) {
                // every row kept: the next row is the next of this thread's rows, nothing to swap or copy
                hNext = rows[0][i];
                e = rows[1][i];
                fNext = rows[2][i];
            }
            fillRow(i, h, f, hNext, e, fNext);
            int[] swap = h;
            h = hNext;
            hNext = swap;
            swap = f;
            f = fNext;
            fNext = swap;
            if (rows == null && i % k == 0) {
                checkpointH[i / k] = h.clone();
                checkpointF[i / k] = f.clone();
            }
            if (mode.local()) {
                for (int j = 1; j <= n; j++) {
                    if (h[j] > bestScore) {
                        bestScore = h[j];
                        bestI = i;
                        bestJ = j;
                    }
                }
            } else if (mode.freeQuerySuffix() && h[n] > columnBest) {
                columnBest = h[n];
                columnI = i;
            }
        }
        if (mode.local()) {
            return new int[] {bestScore, bestI, bestJ};
        }
        int[] result = {h[n], m, n};
        if (mode.freeQuerySuffix() && columnBest > result[0]) {
            result = new int[] {columnBest, columnI, n};
        }
        if (mode.freeTargetSuffix()) {
            for (int j = 0; j <= n; j++) {
                if (h[j] > result[0]) {
                    result = new int[] {h[j], m, j};
                }
            }
        }
        return result;
    }

    /** Rows r0 .. r1 of H, E, F recomputed from the checkpoint at r0 (a multiple of k). */
    private int[][][] block(int r0, int r1) {
        int rows = r1 - r0 + 1;
        int[][] h = new int[rows][];
        int[][] e = new int[rows][];
        int[][] f = new int[rows][];
        h[0] = checkpointH[r0 / k];
        f[0] = checkpointF[r0 / k];
        e[0] = null; // never read: the walk leaves a block at its first row
        for (int r = 1; r < rows; r++) {
            h[r] = new int[n + 1];
            e[r] = new int[n + 1];
            f[r] = new int[n + 1];
            fillRow(r0 + r, h[r - 1], f[r - 1], h[r], e[r], f[r]);
        }
        return new int[][][] {h, e, f};
    }

    private Alignment walkBack(int score, int endI, int endJ) {
        return PathWalk.walk(new RowCells(), score, endI, endJ, q, t, scores, size, mode);
    }

    /** The walk's view of the rows: all of them, or the block of rows from a checkpoint to the walk's row. */
    private final class RowCells implements PathWalk.Cells {
        private int[][] h = rows == null ? null : rows[0];
        private int[][] e = rows == null ? null : rows[1];
        private int[][] f = rows == null ? null : rows[2];
        private int r0;
        private int r1 = rows == null ? -1 : m;

        /** Row {@code i} and the one above it at hand; returns i's index in the block. */
        private int at(int i) {
            if (i <= r0 || i > r1) { // only with checkpoints: every row kept spans 1 .. m
                r0 = ((i - 1) / k) * k;
                r1 = i;
                int[][][] blk = block(r0, r1);
                h = blk[0];
                e = blk[1];
                f = blk[2];
            }
            return i - r0;
        }

        @Override
        public boolean has(int fact, int i, int j) {
            int r = at(i); // before a row is read: the block may change
            return switch (fact) {
                case PathWalk.ZERO -> h[r][j] == 0;
                case PathWalk.DIAGONAL -> h[r][j] == h[r - 1][j - 1] + scores[q[i - 1] * size + t[j - 1]];
                case PathWalk.FROM_TARGET_GAP -> h[r][j] == e[r][j];
                case PathWalk.TARGET_GAP_OPENS -> e[r][j] == h[r][j - 1] - open;
                case PathWalk.QUERY_GAP_OPENS -> f[r][j] == h[r - 1][j] - open;
                default -> throw new IllegalArgumentException("no such fact: " + fact);
            };
        }
    }
}
