package org.biospark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.biospark.align.AlignmentMode;
import org.biospark.align.Alphabet;
import org.biospark.geneset.RankingMetric;
import org.junit.jupiter.api.Test;

class ChoiceTest {
    @Test
    void aChoiceIsParsedByItsLabelIgnoringCaseAndHyphens() {
        assertEquals(RankingMetric.DIFF_OF_MEANS, Choice.parse(RankingMetric.class, "diff-of-means", "--metric"));
        assertEquals(RankingMetric.SIGNAL2NOISE, Choice.parse(RankingMetric.class, " Signal2Noise ", "--metric"));
        assertEquals(Alphabet.PROTEIN, Choice.parse(Alphabet.class, "PROTEIN", "--alphabet"));
    }

    @Test
    void aWrongValueIsAUsageErrorThatNamesTheChoices() {
        UsageException e = assertThrows(UsageException.class,
                () -> Choice.parse(Alphabet.class, "rna", "--alphabet"));
        assertEquals("--alphabet must be dna or protein, not 'rna'", e.getMessage());
        String metrics = Choice.labels(RankingMetric.class);
        assertEquals("signal2noise, ttest, diff_of_means, ratio_of_means or log2_ratio_of_means", metrics);
    }

    @Test
    void alignmentModesAreNamedAsTheCommandLineSpellsThem() {
        for (AlignmentMode mode : new AlignmentMode[] {AlignmentMode.GLOBAL, AlignmentMode.SEMI_GLOBAL,
            AlignmentMode.LOCAL}) {
            assertEquals(mode, AlignmentMode.named(mode.label()));
        }
        assertEquals(AlignmentMode.SEMI_GLOBAL, AlignmentMode.named("Semi-Global"));
        assertEquals("semiglobal(query-prefix,target-suffix)",
                AlignmentMode.semiGlobal(true, false, false, true).label());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlignmentMode.named("glocal"));
        assertTrue(e.getMessage().contains("global, semiglobal or local"), e.getMessage());
    }
}
