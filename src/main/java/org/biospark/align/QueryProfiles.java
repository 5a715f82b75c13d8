package org.biospark.align;

/**
 * Query profiles, the score of every residue against every query position laid out as the vector kernels read
 * them, built once in ints and narrowed to each kernel's lane width (every score the kernels accept fits).
 */
final class QueryProfiles {
    private QueryProfiles() {
    }

    /**
     * One query per lane ({@link VectorBatchAligner}; the 8-bit kernels take {@link ByteProfiles}): for residue a, element
     * {@code i * lanes + l} of row a is the score of a against residue i of query {@code first + l}; rows past a
     * query's end and lanes past {@code count} are 0. The rows: the batch's longest query. Only the residue codes
     * marked in {@code used} (those the targets hold) get a row; the others are null.
     */
    static int[][] batch(byte[][] queries, int first, int count, int lanes, ScoreMatrix matrix, boolean[] used) {
        int rows = 0;
        for (int l = 0; l < count; l++) {
            rows = Math.max(rows, queries[first + l].length);
        }
        int size = matrix.size();
        int[] scores = matrix.flatScores();
        int[][] profile = new int[size][];
        for (int a = 0; a < size; a++) {
            if (used[a]) {
                profile[a] = new int[rows * lanes];
            }
        }
        for (int l = 0; l < count; l++) {
            byte[] query = queries[first + l];
            for (int i = 0; i < query.length; i++) {
                int row = query[i] * size;
                for (int a = 0; a < size; a++) {
                    if (profile[a] != null) {
                        profile[a][i * lanes + l] = scores[row + a];
                    }
                }
            }
        }
        return profile;
    }

    /** The residue codes that occur in any of the targets. */
    static boolean[] used(ScoreMatrix matrix, byte[]... targets) {
        boolean[] used = new boolean[matrix.size()];
        for (byte[] target : targets) {
            for (byte residue : target) {
                used[residue] = true;
            }
        }
        return used;
    }

    /**
     * One query striped across the lanes ({@link StripedAligner}): for residue a, element
     * {@code (a * segLen + s) * lanes + l} is the score of query position {@code l * segLen + s} against a, 0 past
     * the query's end.
     */
    static int[] striped(byte[] query, int segLen, int lanes, ScoreMatrix matrix) {
        int size = matrix.size();
        int[] scores = matrix.flatScores();
        int[] profile = new int[size * segLen * lanes];
        for (int a = 0; a < size; a++) {
            for (int s = 0; s < segLen; s++) {
                for (int l = 0; l < lanes; l++) {
                    int row = l * segLen + s;
                    profile[(a * segLen + s) * lanes + l] = row < query.length ? scores[query[row] * size + a] : 0;
                }
            }
        }
        return profile;
    }

    static short[] toShorts(int[] values) {
        if (values == null) {
            return null;
        }
        short[] narrow = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            narrow[i] = (short) values[i];
        }
        return narrow;
    }
}
