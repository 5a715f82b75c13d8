package org.biospark.align;

import java.io.Serializable;

/**
 * A complete scoring scheme: substitution scores and gap costs.
 *
 * @param matrix substitution scores, and the alphabet sequences are encoded in
 * @param gaps   gap costs: a gap of length k costs {@code open + (k - 1) * extend}
 */
public record Scoring(ScoreMatrix matrix, GapPenalty gaps) implements Serializable {
    public Scoring {
        if (matrix == null || gaps == null) {
            throw new IllegalArgumentException("a scoring scheme needs a matrix and gap penalties");
        }
    }

    /** DNA with match/mismatch scores and affine gaps. */
    public static Scoring dna(int match, int mismatch, int gapOpen, int gapExtend) {
        return new Scoring(ScoreMatrix.dna(match, mismatch), new GapPenalty(gapOpen, gapExtend));
    }

    /** A named matrix with affine gaps. */
    public static Scoring matrix(String name, int gapOpen, int gapExtend) {
        return new Scoring(ScoreMatrix.named(name), new GapPenalty(gapOpen, gapExtend));
    }
}
