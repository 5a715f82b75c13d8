package org.biospark.align;

/**
 * An optimal alignment with its path, in bounded memory: {@code m * n} cells for read-sized pairs, {@code sqrt(m) * n}
 * beyond them.
 *
 * <p>A pair of up to {@link #ALL_ROWS_CELLS} cells (reads against a gene, say) keeps every row of H, E and F, in
 * rows its thread reuses, and the walk back reads them. A larger pair keeps the H and F rows at every k-th row (k
 * about sqrt(m)); the walk back from the end cell then recomputes one block of k rows at a time from its
 * checkpoint, so a 30 kb x 30 kb pair needs about 125 MB and twice the time of a score. Ties are broken the same
 * way every time: a diagonal step before a gap in the query (D) before a gap in the target (I); among end cells of
 * equal score, the bottom-right cell, then the last column from the top, then the last row from the left (local:
 * the first cell in row order).
 */
public final class Traceback {
    private static final int NEG = ScalarAligner.NEG;
    private static final byte STATE_H = 0;
    private static final byte STATE_E = 1; // target residue against a gap: D
    private static final byte STATE_F = 2; // query residue against a gap: I
    /** Largest pair, (m + 1) x (n + 1) cells, whose rows are all kept: 24 MB of rows per thread at most. */
    static final long ALL_ROWS_CELLS = 1L << 21;
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
        StringBuilder ops = new StringBuilder(); // reversed, one char per column
        int matches = 0;
        int positives = 0;
        int i = endI;
        int j = endJ;
        byte state = STATE_H;
        boolean stopped = false;
        while (!stopped && i > 0 && j > 0) {
            int r0 = rows != null ? 0 : ((i - 1) / k) * k;
            int[][][] blk = rows != null ? rows : block(r0, i);
            int[][] h = blk[0];
            int[][] e = blk[1];
            int[][] f = blk[2];
            while (i > r0 && j > 0) {
                int r = i - r0;
                if (state == STATE_H) {
                    if (mode.local() && h[r][j] == 0) {
                        stopped = true; // a local alignment starts after its last zero
                        break;
                    }
                    int pair = scores[q[i - 1] * size + t[j - 1]];
                    if (h[r][j] == h[r - 1][j - 1] + pair) {
                        boolean same = q[i - 1] == t[j - 1];
                        ops.append(same ? '=' : 'X');
                        matches += same ? 1 : 0;
                        positives += pair > 0 ? 1 : 0;
                        i--;
                        j--;
                    } else {
                        state = h[r][j] == e[r][j] ? STATE_E : STATE_F;
                    }
                } else if (state == STATE_E) {
                    ops.append('D');
                    state = e[r][j] == h[r][j - 1] - open ? STATE_H : STATE_E;
                    j--;
                } else {
                    ops.append('I');
                    state = f[r][j] == h[r - 1][j] - open ? STATE_H : STATE_F;
                    i--;
                }
            }
        }
        int startI = i;
        int startJ = j;
        if (!mode.local()) {
            // On the first row or column: the rest is an end gap, counted unless that prefix is free.
            if (i > 0 && !mode.freeQueryPrefix()) {
                ops.append("I".repeat(i));
                startI = 0;
            }
            if (j > 0 && !mode.freeTargetPrefix()) {
                ops.append("D".repeat(j));
                startJ = 0;
            }
        }
        ops.reverse();
        int gaps = 0;
        for (int c = 0; c < ops.length(); c++) {
            gaps += ops.charAt(c) == 'I' || ops.charAt(c) == 'D' ? 1 : 0;
        }
        return new Alignment(score, startI + 1, endI, startJ + 1, endJ, runLength(ops), matches, positives, gaps,
                ops.length());
    }

    private static String runLength(CharSequence ops) {
        StringBuilder cigar = new StringBuilder();
        for (int c = 0; c < ops.length(); ) {
            int run = c;
            while (run < ops.length() && ops.charAt(run) == ops.charAt(c)) {
                run++;
            }
            cigar.append(run - c).append(ops.charAt(c));
            c = run;
        }
        return cigar.toString();
    }
}
