package org.biospark.align;

import static org.biospark.align.PropertyInputs.SCHEMES;
import static org.biospark.align.PropertyInputs.concat;
import static org.biospark.align.PropertyInputs.randomMode;
import static org.biospark.align.PropertyInputs.randomSequence;
import static org.biospark.align.PropertyInputs.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The kernels that score one long pair at a time, striped and anti-diagonal, against {@link ReferenceGotoh} and
 * the scalar kernel: lengths around the stripe count, long gaps, scores beyond 16 bits, and which pairs take which.
 */
class PairKernelPropertyTest {
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
                        ? concat(Arrays.copyOf(t, cut), Arrays.copyOfRange(t, cut + len, t.length))
                        : concat(t, Arrays.copyOfRange(t, cut, cut + len));
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
            byte[] gapped = concat(Arrays.copyOf(t, 1000), Arrays.copyOfRange(t, 1700, 3000));
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
                q = concat(Arrays.copyOf(t, cut), Arrays.copyOfRange(t, resume, t.length));
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
        byte[] q = concat(Arrays.copyOf(t, 2000), Arrays.copyOfRange(t, 2600, 5000));
        for (AlignmentMode mode : List.of(AlignmentMode.GLOBAL, AlignmentMode.SEMI_GLOBAL,
                AlignmentMode.semiGlobal(false, true, true, false))) {
            assertTrue(AntiDiagonalAligner.applies(q, t, dna, mode));
            assertEquals(ScalarAligner.score(q, t, dna, mode), new Aligner(dna, mode).score(q, t), mode::toString);
        }
        assertTrue(!AntiDiagonalAligner.applies(q, t, dna, AlignmentMode.LOCAL));
        assertTrue(!AntiDiagonalAligner.applies(Arrays.copyOf(q, 40), t, dna, AlignmentMode.GLOBAL),
                "too short for the anti-diagonals to fill registers");
        Scoring protein = Scoring.matrix("BLOSUM62", 11, 1);
        byte[] p = randomSequence(random, protein.matrix().size(), 3000, null);
        assertTrue(!AntiDiagonalAligner.applies(p, p, protein, AlignmentMode.GLOBAL), "20 residues need 400 lanes");
        byte[] iupac = randomSequence(random, Scoring.matrix("NUC.4.4", 10, 1).matrix().size(), 3000, null);
        assertTrue(!AntiDiagonalAligner.applies(iupac, iupac, Scoring.matrix("NUC.4.4", 10, 1),
                AlignmentMode.GLOBAL), "all of IUPAC");
    }
}
