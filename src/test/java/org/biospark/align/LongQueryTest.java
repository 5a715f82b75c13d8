package org.biospark.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.biospark.testing.Processes;
import org.biospark.testing.SmallHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query far longer than its targets (a contig against short references): scored without batch memory that grows
 * with its length, with the scalar kernel's scores, and aligned in a small heap.
 */
class LongQueryTest {
    @TempDir
    Path tmp;

    private static byte[] random(SplittableRandom random, int length, int alphabet) {
        byte[] s = new byte[length];
        for (int i = 0; i < length; i++) {
            s[i] = (byte) random.nextInt(alphabet);
        }
        return s;
    }

    @Test
    void aQueryLongerThanABatchHoldsIsScoredOnItsOwnWithTheScalarKernelsScores() {
        SplittableRandom random = new SplittableRandom(7);
        for (Scoring scoring : List.of(Scoring.dna(1, -2, 5, 2), Scoring.dna(2, -3, 5, 2),
                new Scoring(ScoreMatrix.named("BLOSUM62"), new GapPenalty(11, 1)))) {
            int alphabet = scoring.matrix().nucleotide() ? 4 : 20;
            for (AlignmentMode mode : List.of(AlignmentMode.GLOBAL, AlignmentMode.SEMI_GLOBAL, AlignmentMode.LOCAL)) {
                Aligner aligner = new Aligner(scoring, mode);
                byte[] target = random(random, 64, alphabet);
                byte[] other = random(random, 80, alphabet);
                byte[] longQuery = random(random, aligner.maxBatchRows() + 1_000, alphabet);
                byte[][] queries = {random(random, 50, alphabet), longQuery, random(random, 70, alphabet)};
                int[] scores = aligner.scores(queries, target);
                int[][] both = aligner.scores(queries, List.of(target, other));
                for (int q = 0; q < queries.length; q++) {
                    int expected = ScalarAligner.score(queries[q], target, scoring, mode);
                    String what = scoring.matrix().name() + " " + mode.label() + " query " + q;
                    assertEquals(expected, scores[q], what);
                    assertEquals(expected, both[0][q], what);
                    assertEquals(ScalarAligner.score(queries[q], other, scoring, mode), both[1][q], what);
                }
                // the long one against the short one, and the other way round: a single pair either way
                assertEquals(ScalarAligner.score(longQuery, target, scoring, mode), aligner.score(longQuery, target));
                assertEquals(ScalarAligner.score(target, longQuery, scoring, mode), aligner.score(target, longQuery));
            }
        }
    }

    @Test
    void tenMegabasesAlignInAHeapOfAHundredMegabytes() throws IOException, InterruptedException {
        int length = 10_000_000;
        Path fasta = tmp.resolve("contig.fa");
        SplittableRandom random = new SplittableRandom(10);
        try (Writer out = Files.newBufferedWriter(fasta, StandardCharsets.US_ASCII)) {
            out.write(">contig\n");
            char[] line = new char[length];
            for (int i = 0; i < length; i++) {
                line[i] = "ACGT".charAt(random.nextInt(4));
            }
            out.write(line); // one line: the reader's worst case
            out.write('\n');
        }
        Processes.Outcome check = SmallHeap.run("128m", LongQueryMemoryCheck.class, "long-query-memory-check.log",
                fasta.toString(), Integer.toString(length));
        assertEquals(0, check.exitCode(), check.stdout());
        assertTrue(check.stdout().contains("local score"), check.stdout());
    }
}
