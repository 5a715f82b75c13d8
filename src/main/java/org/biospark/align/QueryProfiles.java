package org.biospark.align;

/**
 * Query profiles, the score of every residue against every query position laid out as the vector kernels read
 * them: in ints narrowed to each kernel's lane width (every score the kernels accept fits), or straight into
 * bytes for the 8-bit kernels ({@link #bytes}), whose profile is built for every batch.
 */
final class QueryProfiles {
    private QueryProfiles() {
    }

    /**
     * One query per lane ({@link VectorBatchAligner}; the 8-bit kernels take {@link #bytes}): for residue a, element
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

    /**
     * One query per 8-bit lane ({@link DifferenceBatchAligner}, {@link ByteLocalAligner}): as {@link #batch}, in
     * bytes, every score plus {@code shift}; rows past a query's end and lanes past {@code count} hold {@code shift}
     * (a score of 0). Built for every batch, so built fast: the batch's residues are transposed once (row i, lane
     * l; past a query's end the code {@code size}), then each used residue's row is a lookup per byte in the table
     * of that residue's scores against every code. Transposing first makes the strided pass over the queries once,
     * not once per residue row. A vector lookup per register ({@code selectFrom}) is not used: it pays only where
     * the JIT inlines its index check, which the launcher's inlining limits prevent.
     */
    static byte[][] bytes(byte[][] queries, int first, int count, int lanes, ScoreMatrix matrix, boolean[] used,
                          int shift) {
        int size = matrix.size();
        int[] scores = matrix.flatScores();
        int rows = 0;
        for (int l = 0; l < count; l++) {
            rows = Math.max(rows, queries[first + l].length);
        }
        byte[] residues = new byte[rows * lanes];
        java.util.Arrays.fill(residues, (byte) size);
        for (int l = 0; l < count; l++) {
            byte[] query = queries[first + l];
            for (int i = 0; i < query.length; i++) {
                residues[i * lanes + l] = query[i];
            }
        }
        byte[][] profile = new byte[size][];
        byte[] table = new byte[size + 1];
        for (int a = 0; a < size; a++) {
            if (!used[a]) {
                continue;
            }
            for (int c = 0; c < size; c++) {
                table[c] = (byte) (scores[c * size + a] + shift);
            }
            table[size] = (byte) shift;
            byte[] row = new byte[rows * lanes];
            for (int x = 0; x < row.length; x++) {
                row[x] = table[residues[x]];
            }
            profile[a] = row;
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
