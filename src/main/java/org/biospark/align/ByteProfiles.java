package org.biospark.align;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Query profiles in 8-bit lanes, one query per lane ({@link DifferenceBatchAligner}, {@link ByteLocalAligner}):
 * for residue a, byte {@code i * lanes + l} is the score of a against residue i of query {@code first + l}, plus
 * {@code shift}; rows past a query's end and lanes past {@code count} hold {@code shift} (a score of 0). Only the
 * residue codes marked in {@code used} get a row.
 *
 * <p>Built for every batch, so built fast: the batch's residues are transposed once (row i, lane l; past a query's
 * end the code {@code size}), then each used residue's row is one table lookup per register (the table of its
 * scores against every code), or one per byte when the table is larger than a register. Written lane by lane from
 * the queries it was 5-8% of the time on 150-bp reads.
 */
final class ByteProfiles {
    private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private ByteProfiles() {
    }

    /** Whether the matrix's table (every code and the past-the-end code) fits one register. */
    static boolean fitsOneRegister(ScoreMatrix matrix) {
        return matrix.size() < LANES;
    }

    static byte[][] batch(byte[][] queries, int first, int count, ScoreMatrix matrix, boolean[] used, int shift,
                          boolean inOneRegister) {
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
        byte[] table = new byte[Math.max(LANES, size + 1)];
        for (int a = 0; a < size; a++) {
            if (!used[a]) {
                continue;
            }
            for (int c = 0; c < size; c++) {
                table[c] = (byte) (scores[c * size + a] + shift);
            }
            table[size] = (byte) shift;
            byte[] row = new byte[rows * LANES];
            if (inOneRegister) {
                ByteVector lookup = ByteVector.fromArray(SPECIES, table, 0);
                for (int offset = 0; offset < row.length; offset += LANES) {
                    ByteVector.fromArray(SPECIES, residues, offset).selectFrom(lookup).intoArray(row, offset);
                }
            } else {
                for (int x = 0; x < row.length; x++) {
                    row[x] = table[residues[x]];
                }
            }
            profile[a] = row;
        }
        return profile;
    }
}
