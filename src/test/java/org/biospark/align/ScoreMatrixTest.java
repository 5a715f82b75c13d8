package org.biospark.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.biojava.nbio.core.alignment.matrices.SubstitutionMatrixHelper;
import org.biojava.nbio.core.alignment.template.SubstitutionMatrix;
import org.biojava.nbio.core.sequence.compound.AmbiguityDNACompoundSet;
import org.biojava.nbio.core.sequence.compound.AminoAcidCompoundSet;
import org.biojava.nbio.core.sequence.template.Compound;
import org.biojava.nbio.core.sequence.template.CompoundSet;
import org.junit.jupiter.api.Test;

class ScoreMatrixTest {
    /** Every pair of {@code residues} scores the same in our matrix and in BioJava's matrix object. */
    private static <C extends Compound> void assertSameAsBioJava(ScoreMatrix ours, SubstitutionMatrix<C> theirs,
                                                                 CompoundSet<C> compounds, String residues) {
        for (char a : residues.toCharArray()) {
            for (char b : residues.toCharArray()) {
                int expected = theirs.getValue(compounds.getCompoundForString(String.valueOf(a)),
                        compounds.getCompoundForString(String.valueOf(b)));
                assertEquals(expected, ours.score(ours.encode(String.valueOf(a))[0], ours.encode(String.valueOf(b))[0]),
                        a + " vs " + b);
            }
        }
    }

    @Test
    void blosum62EqualsBioJavasOwnMatrixObject() {
        ScoreMatrix ours = ScoreMatrix.named("BLOSUM62");
        assertSameAsBioJava(ours, SubstitutionMatrixHelper.getBlosum62(),
                AminoAcidCompoundSet.getAminoAcidCompoundSet(), "ARNDCQEGHILKMFPSTWYVBZX");
        assertEquals(11, ours.score(ours.encode("W")[0], ours.encode("W")[0]));
        assertEquals(-4, ours.min());
        assertTrue(ours.symmetric());
    }

    @Test
    void nuc44EqualsBioJavaAndReadsRnaAsDna() {
        ScoreMatrix ours = ScoreMatrix.named("EDNAFULL");
        assertEquals("NUC.4.4", ours.name());
        assertSameAsBioJava(ours, SubstitutionMatrixHelper.getNuc4_4(), AmbiguityDNACompoundSet.getDNACompoundSet(),
                "ATGCSWRYKMBVHDN");
        assertArrayEquals(ours.encode("ACGT"), ours.encode("acgu"), "case-insensitive, U read as T");
    }

    @Test
    void everyKnownNameLoads() {
        for (String name : ScoreMatrix.knownNames()) {
            ScoreMatrix matrix = ScoreMatrix.named(name);
            assertTrue(matrix.size() >= 4, name);
            assertTrue(matrix.max() > 0 && matrix.min() < 0, name);
        }
        assertEquals("BLOSUM62", ScoreMatrix.named("blosum-62").name());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ScoreMatrix.named("BLOSUM63"));
        assertTrue(unknown.getMessage().contains("BLOSUM62"), unknown.getMessage());
    }

    @Test
    void invalidResiduesAreNamedWithTheirPosition() {
        InvalidResidueException e = assertThrows(InvalidResidueException.class,
                () -> ScoreMatrix.dna(1, -2).encode("ACGTRN"));
        assertEquals('R', e.residue());
        assertEquals(5, e.position());
        assertTrue(e.getMessage().contains("'R' at position 5"), e.getMessage());
        assertThrows(InvalidResidueException.class, () -> ScoreMatrix.named("BLOSUM62").encode("MKV1"));
        assertThrows(InvalidResidueException.class, () -> ScoreMatrix.named("NUC.4.4").encode("ACGé"));
        // check() finds the same residue as encode(), without the copy
        InvalidResidueException checked = assertThrows(InvalidResidueException.class,
                () -> ScoreMatrix.dna(1, -2).check("acgtRN"));
        assertEquals(e.getMessage(), checked.getMessage());
        assertThrows(InvalidResidueException.class, () -> ScoreMatrix.named("NUC.4.4").check("ACGé"));
        ScoreMatrix.named("BLOSUM62").check("mkvW");
        ScoreMatrix.dna(1, -2).check("ACGUN");
    }

    @Test
    void dnaMatchMismatchScoresNAsAMismatchEvenAgainstItself() {
        ScoreMatrix dna = ScoreMatrix.dna(1, -2);
        byte[] s = dna.encode("ANn");
        assertEquals(1, dna.score(s[0], s[0]));
        assertEquals(-2, dna.score(s[1], s[2]));
        assertEquals(-2, dna.score(s[0], s[1]));
    }

    @Test
    void gapPenaltiesConvertToAndFromBioJava() {
        GapPenalty gaps = new GapPenalty(5, 2);
        assertEquals(5 + 2 * 3, gaps.cost(4));
        assertEquals(0, gaps.cost(0));
        assertEquals(3, gaps.bioJavaOpen());
        assertEquals(gaps, GapPenalty.fromBioJava(3, 2));
        assertThrows(IllegalArgumentException.class, () -> new GapPenalty(1, 2));
        assertThrows(IllegalArgumentException.class, () -> new GapPenalty(5, -1));
    }
}
