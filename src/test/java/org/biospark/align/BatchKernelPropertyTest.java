package org.biospark.align;

import static org.biospark.align.PropertyInputs.SCHEMES;
import static org.biospark.align.PropertyInputs.concat;
import static org.biospark.align.PropertyInputs.randomMode;
import static org.biospark.align.PropertyInputs.randomSequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The kernels that score a batch of queries against one target in vector lanes (8-bit local, 16-bit, difference
 * and the exact 32-bit path) against {@link ReferenceGotoh}: random batches of mixed lengths, the edges of each
 * kernel's range, and saturated lanes rescored.
 */
class BatchKernelPropertyTest {
    @Test
    void vectorBatchesEqualTheReference() {
        assertTrue(VectorSupport.available(), "the tests run with jdk.incubator.vector; the vector kernel must be tested");
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 150; trial++) {
            Scoring scoring = SCHEMES.get(random.nextInt(SCHEMES.size()));
            AlignmentMode mode = randomMode(random);
            int size = scoring.matrix().size();
            byte[] t = randomSequence(random, size, random.nextInt(0, 70), null);
            int count = random.nextInt(1, 2 * VectorBatchAligner.lanes() + 5);
            int base = random.nextInt(0, 60);
            byte[][] queries = new byte[count][];
            for (int k = 0; k < count; k++) {
                int length = random.nextInt(4) == 0 ? random.nextInt(0, 70) : Math.max(0, base + random.nextInt(-3, 4));
                queries[k] = randomSequence(random, size, length, t);
            }
            int[] vector = new Aligner(scoring, mode, true).scores(queries, t);
            int[] scalar = new Aligner(scoring, mode, false).scores(queries, t);
            for (int k = 0; k < count; k++) {
                long expected = ReferenceGotoh.score(queries[k], t, scoring.matrix(), scoring.gaps().open(),
                        scoring.gaps().extend(), mode);
                final int query = k;
                assertEquals(expected, vector[k], () -> "vector, " + scoring + " " + mode + " query " + query
                        + " of length " + queries[query].length + ", target " + t.length);
                assertEquals(expected, scalar[k], () -> "scalar, query " + query);
            }
        }
    }

    @Test
    void scoresBeyondSixteenBitsAreExact() {
        // 3,000 identical residues scoring 11 each: 33,000 does not fit in 16 bits. With gap costs 11/1 the
        // difference kernel takes it; with 60/1 (beyond its byte range) the exact 32-bit path.
        for (Scoring scoring : List.of(Scoring.matrix("BLOSUM62", 11, 1), Scoring.matrix("BLOSUM62", 60, 1))) {
            byte[] w = scoring.matrix().encode("W".repeat(3000));
            assertTrue(!VectorBatchAligner.fits(scoring, w.length, w.length));
            assertEquals(scoring.gaps().open() == 11, DifferenceBatchAligner.applies(scoring, AlignmentMode.GLOBAL));
            int[] scores = new Aligner(scoring, AlignmentMode.GLOBAL, true).scores(new byte[][] {w, w}, w);
            assertEquals(33_000, scores[0]);
            assertEquals(33_000, scores[1]);
            // A long global alignment whose gap costs run below -30,000.
            byte[] a = scoring.matrix().encode("A".repeat(20));
            byte[] longTarget = scoring.matrix().encode("W".repeat(20_000));
            int[] gapped = new Aligner(scoring, AlignmentMode.GLOBAL, true).scores(new byte[][] {a}, longTarget);
            assertEquals(ScalarAligner.score(a, longTarget, scoring, AlignmentMode.GLOBAL), gapped[0]);
            assertTrue(gapped[0] < -19_000);
        }
    }

    @Test
    void differenceBatchesEqualTheReferenceAtTheEdgesOfTheirRange() {
        // Schemes on the line of DifferenceBatchAligner.applies (3 open + max - extend = 128, max + open + extend =
        // 127, min = -128, extend = open), scored against the reference on random and related sequences.
        List<Scoring> edges = List.of(
                new Scoring(ScoreMatrix.dna(5, -4), new GapPenalty(41, 0)),
                new Scoring(ScoreMatrix.dna(41, -128), new GapPenalty(43, 43)),
                new Scoring(ScoreMatrix.dna(1, -2), new GapPenalty(43, 3)),
                new Scoring(ScoreMatrix.protein(20, -128), new GapPenalty(36, 0)),
                Scoring.matrix("PAM250", 8, 8));
        for (Scoring scoring : edges) {
            assertTrue(DifferenceBatchAligner.applies(scoring, AlignmentMode.GLOBAL), scoring::toString);
        }
        assertTrue(!DifferenceBatchAligner.applies(new Scoring(ScoreMatrix.dna(5, -4), new GapPenalty(42, 0)),
                AlignmentMode.GLOBAL));
        assertTrue(!DifferenceBatchAligner.applies(new Scoring(ScoreMatrix.dna(41, -129), new GapPenalty(43, 43)),
                AlignmentMode.GLOBAL));
        assertTrue(!DifferenceBatchAligner.applies(Scoring.dna(1, -2, 5, 2), AlignmentMode.LOCAL));
        SplittableRandom random = new SplittableRandom(41);
        int lanes = DifferenceBatchAligner.lanes();
        for (int trial = 0; trial < 120; trial++) {
            Scoring scoring = edges.get(trial % edges.size());
            AlignmentMode mode = randomMode(random);
            if (mode.local()) {
                mode = AlignmentMode.GLOBAL;
            }
            int size = scoring.matrix().size();
            byte[] t = randomSequence(random, size, random.nextInt(1, 300), null);
            int count = random.nextInt(1, lanes + 1);
            byte[][] queries = new byte[count][];
            for (int k = 0; k < count; k++) {
                queries[k] = randomSequence(random, size, random.nextInt(1, 300), t);
                if (random.nextInt(5) == 0) {
                    // a long gap in an otherwise identical copy: e and f run far
                    int cut = random.nextInt(t.length);
                    int resume = Math.min(t.length, cut + random.nextInt(1, 100));
                    queries[k] = concat(Arrays.copyOf(t, cut), Arrays.copyOfRange(t, resume, t.length));
                    if (queries[k].length == 0) {
                        queries[k] = new byte[] {1};
                    }
                }
            }
            Arrays.sort(queries, Comparator.comparingInt(q -> q.length));
            int[] scores = new int[count];
            DifferenceBatchAligner.scoreBatch(queries, 0, count, DifferenceBatchAligner.profile(queries, 0, count,
                    scoring, QueryProfiles.used(scoring.matrix(), t)), t, scoring, mode, scores);
            for (int k = 0; k < count; k++) {
                long expected = ReferenceGotoh.score(queries[k], t, scoring.matrix(), scoring.gaps().open(),
                        scoring.gaps().extend(), mode);
                final int query = k;
                final AlignmentMode m = mode;
                assertEquals(expected, scores[k], () -> scoring + " " + m + " query " + query + " of length "
                        + queries[query].length + ", target " + t.length);
            }
        }
    }

    @Test
    void sixteenBitBatchesEqualTheReference() {
        // Global and semi-global batches go to the difference kernel whenever it applies, so the 16-bit kernel, used
        // for larger gap costs and for rescoring saturated local lanes, is checked here directly.
        SplittableRandom random = new SplittableRandom(43);
        for (int trial = 0; trial < 150; trial++) {
            Scoring scoring = SCHEMES.get(random.nextInt(SCHEMES.size()));
            AlignmentMode mode = randomMode(random);
            int size = scoring.matrix().size();
            byte[] t = randomSequence(random, size, random.nextInt(1, 80), null);
            int count = random.nextInt(1, VectorBatchAligner.lanes() + 1);
            byte[][] queries = new byte[count][];
            for (int k = 0; k < count; k++) {
                queries[k] = randomSequence(random, size, random.nextInt(1, 80), t);
            }
            Arrays.sort(queries, Comparator.comparingInt(q -> q.length));
            assertTrue(VectorBatchAligner.fits(scoring, queries[count - 1].length, t.length));
            int[] scores = new int[count];
            VectorBatchAligner.scoreBatch(queries, 0, count, VectorBatchAligner.profile(queries, 0, count,
                    scoring.matrix(), QueryProfiles.used(scoring.matrix(), t)), t, scoring, mode, scores);
            for (int k = 0; k < count; k++) {
                long expected = ReferenceGotoh.score(queries[k], t, scoring.matrix(), scoring.gaps().open(),
                        scoring.gaps().extend(), mode);
                final int query = k;
                assertEquals(expected, scores[k], () -> "16-bit, " + scoring + " " + mode + " query " + query);
            }
        }
    }

    @Test
    void localScoresSaturateInBytesAndAreRecomputed() {
        Scoring scoring = Scoring.dna(1, -2, 5, 2);
        ScoreMatrix m = scoring.matrix();
        assertTrue(ByteLocalAligner.applies(scoring, AlignmentMode.LOCAL));
        byte[] target = m.encode("ACGT".repeat(100));
        byte[] low = m.encode("TTTTTTTTTTACGTACGTGGGGG");         // a small local score: exact in bytes
        byte[] high = m.encode("ACGT".repeat(50));                 // best local score 200: saturates
        int[] raw = new int[2];
        ByteLocalAligner.scoreBatch(new byte[][] {low, high}, 0, 2, target, scoring, raw);
        assertEquals(ScalarAligner.score(low, target, scoring, AlignmentMode.LOCAL), raw[0]);
        assertEquals(ByteLocalAligner.SATURATED, raw[1]);
        int[] scores = new Aligner(scoring, AlignmentMode.LOCAL, true).scores(new byte[][] {low, high}, target);
        assertEquals(raw[0], scores[0]);
        assertTrue(scores[0] > 0 && scores[0] < 20);
        assertEquals(200, scores[1]); // 50 x ACGT matched: past 127 - 1 in bytes
    }

    @Test
    void theRangeProofIsTightEnoughForTheWorkloads() {
        assertTrue(VectorBatchAligner.fits(Scoring.dna(1, -2, 5, 2), 150, 1500), "150 bp reads vs 1.5 kb");
        assertTrue(VectorBatchAligner.fits(Scoring.dna(1, -2, 5, 2), 1500, 1500), "1.5 kb vs 1.5 kb");
        assertTrue(VectorBatchAligner.fits(Scoring.matrix("BLOSUM62", 11, 1), 400, 1000), "proteins");
    }
}
