package org.biospark.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.biojava.nbio.alignment.Alignments;
import org.biojava.nbio.alignment.Alignments.PairwiseSequenceAlignerType;
import org.biojava.nbio.alignment.SimpleGapPenalty;
import org.biojava.nbio.core.alignment.matrices.SubstitutionMatrixHelper;
import org.biojava.nbio.core.sequence.DNASequence;
import org.biojava.nbio.core.sequence.ProteinSequence;
import org.biojava.nbio.core.sequence.compound.AminoAcidCompound;
import org.biojava.nbio.core.sequence.compound.NucleotideCompound;
import org.junit.jupiter.api.Test;

/** BioJava's aligners give our scores once the gap convention is converted (BioJava: open + k * extend). */
class BioJavaCrossCheckTest {
    private static String random(SplittableRandom random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void proteinBlosum62GlobalAndLocal() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        Scoring scoring = Scoring.matrix("BLOSUM62", 11, 1);
        for (int trial = 0; trial < 20; trial++) {
            String q = random(random, "ARNDCQEGHILKMFPSTWYV", random.nextInt(5, 120));
            String t = random(random, "ARNDCQEGHILKMFPSTWYV", random.nextInt(5, 120));
            for (PairwiseSequenceAlignerType type : PairwiseSequenceAlignerType.values()) {
                if (type != PairwiseSequenceAlignerType.GLOBAL && type != PairwiseSequenceAlignerType.LOCAL) {
                    continue;
                }
                SimpleGapPenalty gaps = new SimpleGapPenalty(scoring.gaps().bioJavaOpen(), scoring.gaps().extend());
                double theirs = Alignments.getPairwiseAligner(new ProteinSequence(q), new ProteinSequence(t), type, gaps,
                        SubstitutionMatrixHelper.<AminoAcidCompound>getBlosum62()).getScore();
                AlignmentMode mode = type == PairwiseSequenceAlignerType.LOCAL ? AlignmentMode.LOCAL : AlignmentMode.GLOBAL;
                Aligner ours = new Aligner(scoring, mode);
                assertEquals((long) theirs, ours.score(ours.encode(q), ours.encode(t)), type + " " + q + " " + t);
            }
        }
    }

    @Test
    void dnaNuc44Global() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        Scoring scoring = Scoring.matrix("NUC.4.4", 10, 1);
        for (int trial = 0; trial < 20; trial++) {
            String q = random(random, "ACGT", random.nextInt(5, 200));
            String t = random(random, "ACGT", random.nextInt(5, 200));
            SimpleGapPenalty gaps = new SimpleGapPenalty(scoring.gaps().bioJavaOpen(), scoring.gaps().extend());
            double theirs = Alignments.getPairwiseAligner(new DNASequence(q), new DNASequence(t),
                    PairwiseSequenceAlignerType.GLOBAL, gaps, SubstitutionMatrixHelper.<NucleotideCompound>getNuc4_4())
                    .getScore();
            Aligner ours = new Aligner(scoring, AlignmentMode.GLOBAL);
            assertEquals((long) theirs, ours.score(ours.encode(q), ours.encode(t)), q + " " + t);
        }
    }
}
