package org.biospark.align;

/**
 * Exact optimal alignment scores by Gotoh's algorithm in 32-bit integers and linear memory: the reference path,
 * the fallback when the Vector API is absent, and the path for pairs whose scores do not fit 16 bits.
 *
 * <p>Rows follow the query, columns the target. H is the best score of an alignment ending in a cell, E of one
 * ending in a gap in the query (a target residue against a gap), F of one ending in a gap in the target.
 */
public final class ScalarAligner {
    /** Minus infinity that survives subtracting gap costs without wrapping. */
    static final int NEG = Integer.MIN_VALUE / 4;

    private ScalarAligner() {
    }

    /** The optimal score of {@code query} against {@code target} (both encoded with {@code scoring}'s matrix). */
    public static int score(byte[] query, byte[] target, Scoring scoring, AlignmentMode mode) {
        ScoreMatrix matrix = scoring.matrix();
        int size = matrix.size();
        int open = scoring.gaps().open();
        int extend = scoring.gaps().extend();
        int m = query.length;
        int n = target.length;
        boolean local = mode.local();

        int[] h = new int[n + 1];
        int[] f = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            h[j] = boundary(j, local || mode.freeTargetPrefix(), open, extend);
            f[j] = NEG;
        }
        int best = local ? 0 : NEG;
        if (mode.freeQuerySuffix()) {
            best = Math.max(best, h[n]);
        }
        int[] scores = matrix.flatScores();
        for (int i = 1; i <= m; i++) {
            int rowOffset = query[i - 1] * size;
            int diagonal = h[0];
            h[0] = boundary(i, local || mode.freeQueryPrefix(), open, extend);
            int e = NEG;
            for (int j = 1; j <= n; j++) {
                int up = h[j];
                int fj = Math.max(up - open, f[j] - extend);
                f[j] = fj;
                e = Math.max(h[j - 1] - open, e - extend);
                int cell = Math.max(diagonal + scores[rowOffset + target[j - 1]], Math.max(e, fj));
                if (local) {
                    cell = Math.max(cell, 0);
                    best = Math.max(best, cell);
                }
                diagonal = up;
                h[j] = cell;
            }
            if (mode.freeQuerySuffix()) {
                best = Math.max(best, h[n]);
            }
        }
        if (local) {
            return best;
        }
        best = Math.max(best, h[n]);
        if (mode.freeTargetSuffix()) {
            for (int j = 0; j <= n; j++) {
                best = Math.max(best, h[j]);
            }
        }
        return best;
    }

    /** H on the first row or column: 0 where that prefix is free, else the cost of a gap of {@code length}. */
    static int boundary(int length, boolean free, int open, int extend) {
        return free || length == 0 ? 0 : -(open + (length - 1) * extend);
    }
}
