package org.biospark.align;

/**
 * A small, obviously correct reference for the kernels' scores: Gotoh's three full matrices, filled cell by cell
 * exactly as the textbook writes them, with the answer taken over every allowed end cell. Slow and O(m n) memory;
 * for tests only.
 */
final class ReferenceGotoh {
    private static final long NEG = Long.MIN_VALUE / 4;

    private ReferenceGotoh() {
    }

    static long score(byte[] q, byte[] t, ScoreMatrix matrix, int open, int extend, AlignmentMode mode) {
        int m = q.length;
        int n = t.length;
        long[][] h = new long[m + 1][n + 1];
        long[][] e = new long[m + 1][n + 1]; // ends with target residue t[j-1] against a gap
        long[][] f = new long[m + 1][n + 1]; // ends with query residue q[i-1] against a gap
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                e[i][j] = NEG;
                f[i][j] = NEG;
                if (i == 0 && j == 0) {
                    h[i][j] = 0;
                } else if (i == 0) {
                    e[i][j] = mode.local() || mode.freeTargetPrefix() ? 0 : -(open + (long) (j - 1) * extend);
                    h[i][j] = e[i][j];
                } else if (j == 0) {
                    f[i][j] = mode.local() || mode.freeQueryPrefix() ? 0 : -(open + (long) (i - 1) * extend);
                    h[i][j] = f[i][j];
                } else {
                    e[i][j] = Math.max(h[i][j - 1] - open, e[i][j - 1] - extend);
                    f[i][j] = Math.max(h[i - 1][j] - open, f[i - 1][j] - extend);
                    long diagonal = h[i - 1][j - 1] + matrix.score(q[i - 1], t[j - 1]);
                    h[i][j] = Math.max(diagonal, Math.max(e[i][j], f[i][j]));
                    if (mode.local()) {
                        h[i][j] = Math.max(h[i][j], 0);
                    }
                }
            }
        }
        long best = h[m][n];
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                boolean end = mode.local()
                        || (i == m && mode.freeTargetSuffix())
                        || (j == n && mode.freeQuerySuffix());
                if (end) {
                    best = Math.max(best, h[i][j]);
                }
            }
        }
        return best;
    }
}
