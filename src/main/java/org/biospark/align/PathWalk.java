package org.biospark.align;

/**
 * The walk back from an end cell to the start of an optimal path, and the {@link Alignment} it makes. Both
 * traceback kernels use it: the scalar one ({@link Traceback}) answers its questions from rows of H, E and F, the
 * vector one ({@link BatchTraceback}) from the direction bits it recorded. Ties are broken the same way in both: a
 * diagonal step before a gap in the query (D) before a gap in the target (I).
 */
final class PathWalk {
    private static final byte STATE_H = 0;
    private static final byte STATE_E = 1; // target residue against a gap: D
    private static final byte STATE_F = 2; // query residue against a gap: I

    /** H(i, j) = H(i - 1, j - 1) + s(query i, target j). */
    static final int DIAGONAL = 1;
    /** H(i, j) = E(i, j), E being the state of a target residue against a gap. */
    static final int FROM_TARGET_GAP = 2;
    /** E(i, j) = H(i, j - 1) - open. */
    static final int TARGET_GAP_OPENS = 4;
    /** F(i, j) = H(i - 1, j) - open, F being the state of a query residue against a gap. */
    static final int QUERY_GAP_OPENS = 8;
    /** H(i, j) is 0 (asked in local mode only: a local alignment starts after its last zero). */
    static final int ZERO = 16;

    /** What the walk asks at cell (i, j), 1 <= i <= m and 1 <= j <= n: whether one of the facts above holds. */
    interface Cells {
        boolean has(int fact, int i, int j);
    }

    private PathWalk() {
    }

    /** The alignment ending at (endI, endJ) with {@code score}, walked back over {@code cells}. */
    static Alignment walk(Cells cells, int score, int endI, int endJ, byte[] q, byte[] t, int[] scores, int size,
                          AlignmentMode mode) {
        StringBuilder ops = new StringBuilder(); // reversed, one char per column
        int matches = 0;
        int positives = 0;
        int i = endI;
        int j = endJ;
        byte state = STATE_H;
        while (i > 0 && j > 0) {
            if (state == STATE_H) {
                if (mode.local() && cells.has(ZERO, i, j)) {
                    break;
                }
                if (cells.has(DIAGONAL, i, j)) {
                    boolean same = q[i - 1] == t[j - 1];
                    ops.append(same ? '=' : 'X');
                    matches += same ? 1 : 0;
                    positives += scores[q[i - 1] * size + t[j - 1]] > 0 ? 1 : 0;
                    i--;
                    j--;
                } else {
                    state = cells.has(FROM_TARGET_GAP, i, j) ? STATE_E : STATE_F;
                }
            } else if (state == STATE_E) {
                ops.append('D');
                state = cells.has(TARGET_GAP_OPENS, i, j) ? STATE_H : STATE_E;
                j--;
            } else {
                ops.append('I');
                state = cells.has(QUERY_GAP_OPENS, i, j) ? STATE_H : STATE_F;
                i--;
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
