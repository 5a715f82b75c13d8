package org.biospark.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The scalar and the vector kernel against {@link ReferenceGotoh}, on random sequences, alphabets, schemes and
 * modes, including empty sequences, batches of mixed lengths and batches that do not fill the lanes.
 */
class AlignerPropertyTest {
    private static final List<Scoring> SCHEMES = List.of(
            Scoring.dna(1, -2, 5, 2),
            Scoring.dna(2, -3, 3, 3),            // linear gaps
            Scoring.dna(5, -4, 10, 1),
            Scoring.matrix("NUC.4.4", 10, 1),
            Scoring.matrix("BLOSUM62", 11, 1),
            Scoring.matrix("BLOSUM50", 10, 2),
            Scoring.matrix("PAM250", 8, 8),
            new Scoring(ScoreMatrix.protein(3, -1), new GapPenalty(4, 0)));

    /** Any mode: global, local, semi-global with all ends free, or a random set of free ends. */
    static AlignmentMode randomMode(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> AlignmentMode.GLOBAL;
            case 1 -> AlignmentMode.LOCAL;
            case 2 -> AlignmentMode.SEMI_GLOBAL;
            default -> AlignmentMode.semiGlobal(random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                    random.nextBoolean());
        };
    }

    /** Random residues; with probability 1/2 a mutated copy of {@code template} instead, so scores run high. */
    private static byte[] randomSequence(SplittableRandom random, int size, int length, byte[] template) {
        byte[] s = new byte[length];
        for (int i = 0; i < length; i++) {
            s[i] = (byte) random.nextInt(size);
        }
        if (template != null && template.length > 0 && random.nextBoolean()) {
            for (int i = 0; i < length; i++) {
                s[i] = random.nextInt(10) == 0 ? (byte) random.nextInt(size) : template[(i + 3) % template.length];
            }
        }
        return s;
    }

    @Test
    void scalarEqualsTheReference() {
        SplittableRandom random = new SplittableRandom(20261122);
        for (int trial = 0; trial < 3000; trial++) {
            Scoring scoring = SCHEMES.get(random.nextInt(SCHEMES.size()));
            AlignmentMode mode = randomMode(random);
            int size = scoring.matrix().size();
            byte[] t = randomSequence(random, size, random.nextInt(0, 40), null);
            byte[] q = randomSequence(random, size, random.nextInt(0, 40), t);
            long expected = ReferenceGotoh.score(q, t, scoring.matrix(), scoring.gaps().open(), scoring.gaps().extend(), mode);
            assertEquals(expected, ScalarAligner.score(q, t, scoring, mode),
                    () -> "trial with " + scoring + " " + mode + " q=" + q.length + " t=" + t.length);
        }
    }

    @Test
    void anAlignerSaysWhichKernelItRuns() {
        Scoring scoring = SCHEMES.get(0);
        assertEquals(VectorSupport.available(), new Aligner(scoring, AlignmentMode.GLOBAL).vector());
        assertTrue(new Aligner(scoring, AlignmentMode.LOCAL, true).vector(), "the tests run with jdk.incubator.vector");
        assertFalse(new Aligner(scoring, AlignmentMode.LOCAL, false).vector());
    }

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
    void manyQueriesAgainstManyTargetsEqualTheReference() {
        SplittableRandom random = new SplittableRandom(13);
        for (int trial = 0; trial < 60; trial++) {
            Scoring scoring = SCHEMES.get(random.nextInt(SCHEMES.size()));
            AlignmentMode mode = randomMode(random);
            int size = scoring.matrix().size();
            List<byte[]> targets = new java.util.ArrayList<>();
            for (int t = random.nextInt(2, 7); t > 0; t--) {
                targets.add(randomSequence(random, size, random.nextInt(4) == 0 ? 0 : random.nextInt(1, 90), null));
            }
            byte[][] queries = new byte[random.nextInt(1, 3 * VectorBatchAligner.lanes())][];
            for (int q = 0; q < queries.length; q++) {
                queries[q] = randomSequence(random, size, random.nextInt(6) == 0 ? 0 : random.nextInt(1, 90),
                        targets.get(random.nextInt(targets.size())));
            }
            int[][] scores = new Aligner(scoring, mode, true).scores(queries, targets);
            for (int t = 0; t < targets.size(); t++) {
                for (int q = 0; q < queries.length; q++) {
                    long expected = ReferenceGotoh.score(queries[q], targets.get(t), scoring.matrix(),
                            scoring.gaps().open(), scoring.gaps().extend(), mode);
                    final int target = t;
                    final int query = q;
                    assertEquals(expected, scores[t][q], () -> scoring + " " + mode + " target " + target + " query "
                            + query);
                }
            }
        }
    }

    @Test
    void oneQueryAgainstManyTargetsEqualsTheReference() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 150; trial++) {
            Scoring scoring = SCHEMES.get(random.nextInt(SCHEMES.size()));
            AlignmentMode mode = randomMode(random);
            int size = scoring.matrix().size();
            byte[] query = randomSequence(random, size, random.nextInt(1, 60), null);
            byte[][] targets = new byte[random.nextInt(1, 80)][];
            for (int t = 0; t < targets.length; t++) {
                targets[t] = randomSequence(random, size, random.nextInt(0, 70), query);
            }
            int[] scores = new Aligner(scoring, mode, true).scoresAgainst(query, targets);
            for (int t = 0; t < targets.length; t++) {
                long expected = ReferenceGotoh.score(query, targets[t], scoring.matrix(), scoring.gaps().open(),
                        scoring.gaps().extend(), mode);
                final int target = t;
                assertEquals(expected, scores[t], () -> scoring + " " + mode + " target " + target);
            }
        }
    }

    @Test
    void stripedKernelEqualsTheReference() {
        assertTrue(VectorSupport.available(), "the tests run with jdk.incubator.vector; the striped kernel must be tested");
        SplittableRandom random = new SplittableRandom(31);
        int lanes = StripedAligner.lanes();
        for (int trial = 0; trial < 2000; trial++) {
            Scoring scoring = SCHEMES.get(random.nextInt(SCHEMES.size()));
            AlignmentMode mode = randomMode(random);
            int size = scoring.matrix().size();
            // Lengths around the stripe count and its multiples: every lane padded, some padded, none.
            int queryLength = random.nextInt(3) == 0 ? random.nextInt(1, 2 * lanes + 3) : random.nextInt(1, 400);
            byte[] t = randomSequence(random, size, random.nextInt(1, 400), null);
            byte[] q = randomSequence(random, size, queryLength, t);
            if (random.nextInt(4) == 0) {
                // A long gap: the query is the target with a stretch cut out or repeated, so F runs across stripes.
                int cut = random.nextInt(t.length);
                int len = random.nextInt(0, t.length - cut + 1);
                q = random.nextBoolean()
                        ? concat(java.util.Arrays.copyOf(t, cut), java.util.Arrays.copyOfRange(t, cut + len, t.length))
                        : concat(t, java.util.Arrays.copyOfRange(t, cut, cut + len));
                if (q.length == 0) {
                    q = new byte[] {0};
                }
            }
            long expected = ReferenceGotoh.score(q, t, scoring.matrix(), scoring.gaps().open(), scoring.gaps().extend(),
                    mode);
            final byte[] query = q;
            assertEquals(expected, StripedAligner.score(q, t, scoring, mode),
                    () -> "striped, " + scoring + " " + mode + " q=" + query.length + " t=" + t.length);
            assertEquals(expected, StripedAligner.score32(q, t, scoring, mode),
                    () -> "striped 32-bit, " + scoring + " " + mode + " q=" + query.length + " t=" + t.length);
        }
    }

    @Test
    void stripedKernelEqualsTheScalarOnLongPairs() {
        SplittableRandom random = new SplittableRandom(5);
        for (Scoring scoring : List.of(Scoring.dna(1, -2, 5, 2), Scoring.matrix("BLOSUM62", 11, 1))) {
            int size = scoring.matrix().size();
            byte[] t = randomSequence(random, size, 3000, null);
            byte[] related = randomSequence(random, size, 2600, t);
            byte[] gapped = concat(java.util.Arrays.copyOf(t, 1000), java.util.Arrays.copyOfRange(t, 1700, 3000));
            for (byte[] q : List.of(related, gapped, randomSequence(random, size, 2900, null))) {
                for (AlignmentMode mode : List.of(AlignmentMode.GLOBAL, AlignmentMode.LOCAL, AlignmentMode.SEMI_GLOBAL,
                        AlignmentMode.semiGlobal(false, true, true, false))) {
                    assertEquals(ScalarAligner.score(q, t, scoring, mode), StripedAligner.score(q, t, scoring, mode),
                            () -> scoring + " " + mode + " q=" + q.length);
                    assertEquals(ScalarAligner.score(q, t, scoring, mode), StripedAligner.score32(q, t, scoring, mode),
                            () -> "32-bit " + scoring + " " + mode + " q=" + q.length);
                    assertEquals(ScalarAligner.score(q, t, scoring, mode), new Aligner(scoring, mode).score(q, t));
                }
            }
        }
    }

    @Test
    void antiDiagonalKernelEqualsTheReference() {
        // Pairs over at most sqrt(lanes) residues (the kernel's one-vector score table), any subset of the matrix's
        // codes (NUC.4.4's IUPAC codes too), lengths from 1 to a few registers' worth of anti-diagonal, every
        // non-local mode, related sequences and long gaps, and the schemes on the edge of the byte range.
        List<Scoring> schemes = List.of(Scoring.dna(1, -2, 5, 2), Scoring.dna(2, -3, 3, 3), Scoring.dna(5, -4, 10, 1),
                Scoring.matrix("NUC.4.4", 10, 1), new Scoring(ScoreMatrix.dna(5, -4), new GapPenalty(41, 0)),
                new Scoring(ScoreMatrix.dna(41, -128), new GapPenalty(43, 43)),
                new Scoring(ScoreMatrix.dna(1, -2), new GapPenalty(43, 3)));
        int k = (int) Math.sqrt(AntiDiagonalAligner.lanes());
        SplittableRandom random = new SplittableRandom(53);
        for (int trial = 0; trial < 1500; trial++) {
            Scoring scoring = schemes.get(random.nextInt(schemes.size()));
            AlignmentMode mode = randomMode(random);
            if (mode.local()) {
                mode = AlignmentMode.GLOBAL;
            }
            int size = scoring.matrix().size();
            byte[] codes = new byte[random.nextInt(1, Math.min(k, size) + 1)];
            for (int c = 0; c < codes.length; c++) {
                codes[c] = (byte) random.nextInt(size);
            }
            int longest = random.nextInt(3) == 0 ? 40 : 700;
            byte[] t = within(codes, randomSequence(random, size, random.nextInt(1, longest), null));
            byte[] q = within(codes, randomSequence(random, size, random.nextInt(1, longest), t));
            if (random.nextInt(4) == 0) {
                int cut = random.nextInt(t.length);
                int resume = Math.min(t.length, cut + random.nextInt(1, 300));
                q = concat(java.util.Arrays.copyOf(t, cut), java.util.Arrays.copyOfRange(t, resume, t.length));
                if (q.length == 0) {
                    q = new byte[] {codes[0]};
                }
            }
            long expected = ReferenceGotoh.score(q, t, scoring.matrix(), scoring.gaps().open(), scoring.gaps().extend(),
                    mode);
            final byte[] query = q;
            final AlignmentMode m = mode;
            assertEquals(expected, AntiDiagonalAligner.score(q, t, scoring, mode),
                    () -> scoring + " " + m + " q=" + query.length + " t=" + t.length);
        }
    }

    @Test
    void longDnaPairsTakeTheAntiDiagonalKernelAndProteinTheStripedOne() {
        SplittableRandom random = new SplittableRandom(59);
        Scoring dna = Scoring.dna(1, -2, 5, 2);
        byte[] t = randomSequence(random, 5, 5000, null);
        byte[] q = concat(java.util.Arrays.copyOf(t, 2000), java.util.Arrays.copyOfRange(t, 2600, 5000));
        for (AlignmentMode mode : List.of(AlignmentMode.GLOBAL, AlignmentMode.SEMI_GLOBAL,
                AlignmentMode.semiGlobal(false, true, true, false))) {
            assertTrue(AntiDiagonalAligner.applies(q, t, dna, mode));
            assertEquals(ScalarAligner.score(q, t, dna, mode), new Aligner(dna, mode).score(q, t), mode::toString);
        }
        assertTrue(!AntiDiagonalAligner.applies(q, t, dna, AlignmentMode.LOCAL));
        assertTrue(!AntiDiagonalAligner.applies(java.util.Arrays.copyOf(q, 40), t, dna, AlignmentMode.GLOBAL),
                "too short for the anti-diagonals to fill registers");
        Scoring protein = Scoring.matrix("BLOSUM62", 11, 1);
        byte[] p = randomSequence(random, protein.matrix().size(), 3000, null);
        assertTrue(!AntiDiagonalAligner.applies(p, p, protein, AlignmentMode.GLOBAL), "20 residues need 400 lanes");
        byte[] iupac = randomSequence(random, Scoring.matrix("NUC.4.4", 10, 1).matrix().size(), 3000, null);
        assertTrue(!AntiDiagonalAligner.applies(iupac, iupac, Scoring.matrix("NUC.4.4", 10, 1),
                AlignmentMode.GLOBAL), "all of IUPAC");
    }

    /** {@code s} with every residue mapped onto one of {@code codes}. */
    private static byte[] within(byte[] codes, byte[] s) {
        byte[] mapped = new byte[s.length];
        for (int i = 0; i < s.length; i++) {
            mapped[i] = codes[Math.floorMod(s[i], codes.length)];
        }
        return mapped;
    }

    @Test
    void stripedLocalScoresBeyondSixteenBitsAreRecomputed() {
        // 3,000 W against themselves: 33,000 passes the 16-bit range; a copy with a 200-residue gap in the middle.
        Scoring scoring = Scoring.matrix("BLOSUM62", 11, 1);
        byte[] w = scoring.matrix().encode("W".repeat(3000));
        assertTrue(StripedShortAligner.applies(scoring, AlignmentMode.LOCAL, w.length, w.length));
        assertEquals(StripedShortAligner.SATURATED, StripedShortAligner.score(w, w, scoring, AlignmentMode.LOCAL));
        assertEquals(33_000, StripedAligner.score(w, w, scoring, AlignmentMode.LOCAL));
        byte[] gapped = scoring.matrix().encode("W".repeat(1400) + "A".repeat(200) + "W".repeat(1400));
        assertEquals(ScalarAligner.score(gapped, w, scoring, AlignmentMode.LOCAL),
                new Aligner(scoring, AlignmentMode.LOCAL).score(gapped, w));
        // Just below the line: exact in 16 bits.
        byte[] shorter = scoring.matrix().encode("W".repeat(2900));
        assertEquals(31_900, StripedShortAligner.score(shorter, shorter, scoring, AlignmentMode.LOCAL));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
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
                    queries[k] = concat(java.util.Arrays.copyOf(t, cut), java.util.Arrays.copyOfRange(t, resume, t.length));
                    if (queries[k].length == 0) {
                        queries[k] = new byte[] {1};
                    }
                }
            }
            java.util.Arrays.sort(queries, java.util.Comparator.comparingInt(q -> q.length));
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
            java.util.Arrays.sort(queries, java.util.Comparator.comparingInt(q -> q.length));
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
