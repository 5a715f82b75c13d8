package org.biospark.spark.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.biospark.align.Aligner;
import org.biospark.align.AlignmentMode;
import org.biospark.align.Scoring;
import org.junit.jupiter.api.Test;

class KernelWarmUpTest {
    @Test
    void warmsUpOnShortAndLongReferencesWithTheScoresOfTheScalarKernel() {
        Scoring dna = Scoring.dna(1, -2, 5, 2);
        for (AlignmentMode mode : new AlignmentMode[] {AlignmentMode.GLOBAL, AlignmentMode.LOCAL}) {
            for (String reference : new String[] {"A", "ACGTTGCA", "ACGT".repeat(200)}) {
                Aligner vector = new Aligner(dna, mode);
                Aligner scalar = new Aligner(dna, mode, false);
                byte[] encoded = vector.encode(reference);
                // no time limit here: with one, a slow (or busy) machine stops the scalar kernel after fewer rounds
                for (boolean traceback : new boolean[] {false, true}) {
                    assertEquals(KernelWarmUp.run(scalar, encoded, Long.MAX_VALUE, traceback),
                            KernelWarmUp.run(vector, encoded, Long.MAX_VALUE, traceback),
                            mode + " " + reference.length() + " traceback " + traceback);
                }
            }
        }
    }
}
