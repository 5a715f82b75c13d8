package org.biospark.align;

import jdk.incubator.vector.ByteVector;

/**
 * Query profiles in 8-bit lanes, one query per lane ({@link DifferenceBatchAligner}, {@link ByteLocalAligner}):
 * for residue a, byte {@code i * lanes + l} is the score of a against residue i of query {@code first + l}, plus
 * {@code shift}; rows past a query's end and lanes past {@code count} hold {@code shift} (a score of 0). Only the
 * residue codes marked in {@code used} get a row.
 *
 * <p>Built for every batch, so built fast: the batch's residues are transposed once (row i, lane l; past a query's
 * end the code {@code size}), then each used residue's row is a lookup per byte in the table of that residue's
 * scores against every code. Written lane by lane from the queries, it was 5-8% of the time on 150-bp reads (and
 * the local kernel's, built in ints over every code, more). A lookup per register ({@code selectFrom}) was faster
 * only where the JIT inlines its index check: with the launcher's inlining limits it was slower.
 */
final class ByteProfiles {
    private static final int LANES = ByteVector.SPECIES_PREFERRED.length();

    private ByteProfiles() {
    }

    static byte[][] batch(byte[][] queries, int first, int count, ScoreMatrix matrix, boolean[] used, int shift) {
        int size = matrix.size();
        int[] scores = matrix.flatScores();
        int rows = 0;
        for (int l = 0; l < count; l++) {
            rows = Math.max(rows, queries[first + l].length);
        }
        byte[] residues = new byte[rows * LANES];
        java.util.Arrays.fill(residues, (byte) size);
        for (int l = 0; l < count; l++) {
            byte[] query = queries[first + l];
            for (int i = 0; i < query.length; i++) {
                residues[i * LANES + l] = query[i];
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
            byte[] row = new byte[rows * LANES];
            for (int x = 0; x < row.length; x++) {
                row[x] = table[residues[x]];
            }
            profile[a] = row;
        }
        return profile;
    }
}
