package org.biospark.align;

import java.io.Serializable;

/**
 * An optimal alignment: its score, where it lies on both sequences, and its path.
 *
 * @param score        the optimal score
 * @param queryStart   first aligned query residue, 1-based (queryEnd + 1 when no query residue is aligned)
 * @param queryEnd     last aligned query residue, 1-based
 * @param targetStart  first aligned target residue, 1-based
 * @param targetEnd    last aligned target residue, 1-based
 * @param cigar        the path, run-length encoded: {@code =} identical pair, {@code X} different pair,
 *                     {@code I} query residue against a gap, {@code D} target residue against a gap
 * @param matches      columns with identical residues
 * @param positives    columns whose pair scores above zero
 * @param gaps         columns with a gap
 * @param length       columns in all
 */
public record Alignment(int score, int queryStart, int queryEnd, int targetStart, int targetEnd, String cigar,
                        int matches, int positives, int gaps, int length) implements Serializable {

    /** Identical columns over all columns (0 for an empty alignment). */
    public double identity() {
        return length == 0 ? 0.0 : (double) matches / length;
    }

    /** Positively scoring columns over all columns (0 for an empty alignment). */
    public double similarity() {
        return length == 0 ? 0.0 : (double) positives / length;
    }
}
