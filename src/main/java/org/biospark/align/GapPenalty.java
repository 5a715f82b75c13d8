package org.biospark.align;

import java.io.Serializable;

/**
 * Affine gap costs, as parasail, EMBOSS and scikit-bio count them: a gap of length k costs
 * {@code open + (k - 1) * extend}. Linear gaps have {@code open == extend}.
 *
 * <p>BioJava charges {@code open' + k * extend'} instead; convert with {@link #fromBioJava} and
 * {@link #bioJavaOpen()} at the boundary.
 *
 * @param open   cost of the first position of a gap, at least {@code extend}
 * @param extend cost of each further position, at least 0
 */
public record GapPenalty(int open, int extend) implements Serializable {
    public GapPenalty {
        if (extend < 0 || open < extend) {
            throw new IllegalArgumentException("gap penalties need open >= extend >= 0, got open " + open
                    + " and extend " + extend);
        }
        if (open > 10_000) {
            throw new IllegalArgumentException("gap open penalty " + open + " is out of range (at most 10000)");
        }
    }

    /** From BioJava's convention, where a gap of length k costs {@code open + k * extend}. */
    public static GapPenalty fromBioJava(int bioJavaOpen, int bioJavaExtend) {
        return new GapPenalty(bioJavaOpen + bioJavaExtend, bioJavaExtend);
    }

    /** The open penalty to give BioJava for the same costs. */
    public int bioJavaOpen() {
        return open - extend;
    }

    /** Cost of a gap of {@code length} positions (0 for none). */
    public int cost(int length) {
        return length <= 0 ? 0 : open + (length - 1) * extend;
    }
}
