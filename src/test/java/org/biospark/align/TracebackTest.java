package org.biospark.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.biospark.testing.Processes;
import org.biospark.testing.SmallHeap;
import org.junit.jupiter.api.Test;

class TracebackTest {
    private static final Pattern RUN = Pattern.compile("(\\d+)([=XID])");

    /** Walks the CIGAR over the sequences and adds up what the path scores; checks the counts on the way. */
    static long rescore(Alignment a, byte[] q, byte[] t, Scoring scoring) {
        int i = a.queryStart() - 1;
        int j = a.targetStart() - 1;
        long score = 0;
        int matches = 0;
        int columns = 0;
        int gaps = 0;
        Matcher run = RUN.matcher(a.cigar());
        int consumed = 0;
        while (run.find()) {
            assertEquals(consumed, run.start(), "malformed CIGAR " + a.cigar());
            consumed = run.end();
            int length = Integer.parseInt(run.group(1));
            char op = run.group(2).charAt(0);
            columns += length;
            switch (op) {
                case '=', 'X' -> {
                    for (int c = 0; c < length; c++, i++, j++) {
                        score += scoring.matrix().score(q[i], t[j]);
                        assertEquals(op == '=', q[i] == t[j], "operation " + op + " on a pair that says otherwise");
                        matches += q[i] == t[j] ? 1 : 0;
                    }
                }
                case 'I' -> {
                    score -= scoring.gaps().cost(length);
                    i += length;
                    gaps += length;
                }
                default -> {
                    score -= scoring.gaps().cost(length);
                    j += length;
                    gaps += length;
                }
            }
        }
        assertEquals(a.cigar().length(), consumed, "malformed CIGAR " + a.cigar());
        assertEquals(a.queryEnd(), i, "query end");
        assertEquals(a.targetEnd(), j, "target end");
        assertEquals(a.matches(), matches, "matches");
        assertEquals(a.length(), columns, "length");
        assertEquals(a.gaps(), gaps, "gaps");
        return score;
    }

    @Test
    void thePathScoresTheOptimum() {
        List<Scoring> schemes = List.of(Scoring.dna(1, -2, 5, 2), Scoring.dna(2, -3, 3, 3),
                Scoring.matrix("BLOSUM62", 11, 1), Scoring.matrix("NUC.4.4", 10, 1));
        SplittableRandom random = new SplittableRandom(99);
        for (int trial = 0; trial < 2000; trial++) {
            Scoring scoring = schemes.get(random.nextInt(schemes.size()));
            AlignmentMode mode = PropertyInputs.randomMode(random);
            int size = Math.min(4, scoring.matrix().size());
            byte[] t = new byte[random.nextInt(0, 50)];
            for (int x = 0; x < t.length; x++) {
                t[x] = (byte) random.nextInt(size);
            }
            byte[] q = new byte[random.nextInt(0, 50)];
            for (int x = 0; x < q.length; x++) {
                q[x] = random.nextInt(4) == 0 || t.length == 0 ? (byte) random.nextInt(size) : t[(x + 2) % t.length];
            }
            Alignment a = Traceback.align(q, t, scoring, mode);
            // every row kept, or rows recomputed from checkpoints: the same path
            assertEquals(Traceback.align(q, t, scoring, mode, false), Traceback.align(q, t, scoring, mode, true));
            long expected = ReferenceGotoh.score(q, t, scoring.matrix(), scoring.gaps().open(), scoring.gaps().extend(), mode);
            String context = scoring + " " + mode + " " + a;
            assertEquals(expected, a.score(), context);
            assertEquals(expected, rescore(a, q, t, scoring), context);
            if (mode.equals(AlignmentMode.GLOBAL)) {
                assertEquals(1, a.queryStart(), context);
                assertEquals(q.length, a.queryEnd(), context);
                assertEquals(1, a.targetStart(), context);
                assertEquals(t.length, a.targetEnd(), context);
            }
        }
    }

    /**
     * Batches of queries against one target (the vector kernel when it is there, see {@link BatchTraceback}) give
     * every query the path it gets alone: lengths within a batch differ (padded rows), related copies make ties,
     * and every mode and scheme is drawn, with batches of 1 to 40 queries (several batches, a partial last one).
     */
    @Test
    void batchesGiveEachQueryItsOwnPath() {
        List<Scoring> schemes = List.of(Scoring.dna(1, -2, 5, 2), Scoring.dna(2, -3, 3, 3), Scoring.dna(1, -1, 1, 1),
                Scoring.matrix("BLOSUM62", 11, 1), Scoring.matrix("NUC.4.4", 10, 1),
                new Scoring(ScoreMatrix.protein(3, -1), new GapPenalty(4, 0)));
        SplittableRandom random = new SplittableRandom(7);
        int batched = 0;
        for (int trial = 0; trial < 300; trial++) {
            Scoring scoring = schemes.get(random.nextInt(schemes.size()));
            AlignmentMode mode = PropertyInputs.randomMode(random);
            int size = Math.min(random.nextBoolean() ? 4 : 20, scoring.matrix().size());
            byte[] t = randomResidues(random, random.nextInt(1, 120), size);
            byte[][] queries = new byte[random.nextInt(1, 41)][];
            int base = random.nextInt(1, 90);
            for (int q = 0; q < queries.length; q++) {
                queries[q] = new byte[Math.max(1, base + random.nextInt(-5, 6))];
                int shift = random.nextInt(t.length);
                for (int x = 0; x < queries[q].length; x++) {
                    queries[q][x] = random.nextInt(5) == 0 ? (byte) random.nextInt(size) : t[(x + shift) % t.length];
                }
            }
            java.util.Arrays.sort(queries, java.util.Comparator.comparingInt(q -> q.length));
            Alignment[] all = Traceback.alignAll(queries, t, scoring, mode);
            for (int q = 0; q < queries.length; q++) {
                assertEquals(Traceback.align(queries[q], t, scoring, mode), all[q],
                        scoring + " " + mode + " query " + q + " of " + queries.length);
            }
            batched += queries.length >= Traceback.MIN_BATCH ? 1 : 0;
        }
        assertTrue(batched > 200, "too few trials took batches: " + batched);
    }

    private static byte[] randomResidues(SplittableRandom random, int length, int size) {
        byte[] residues = new byte[length];
        for (int x = 0; x < length; x++) {
            residues[x] = (byte) random.nextInt(size);
        }
        return residues;
    }

    @Test
    void aKnownAlignment() {
        Scoring scoring = Scoring.dna(1, -2, 5, 2);
        Aligner aligner = new Aligner(scoring, AlignmentMode.GLOBAL);
        Alignment a = Traceback.align(aligner.encode("ACGTTTACGT"), aligner.encode("ACGTACGT"), scoring,
                AlignmentMode.GLOBAL);
        assertEquals(8 - 7, a.score()); // 8 matches, one gap of 2 (5 + 2)
        // Two placements of the gap are optimal; walking back diagonal-first puts it as early as it can go.
        assertEquals("3=2I5=", a.cigar());
        assertEquals(10, a.length());
        assertEquals(0.8, a.identity(), 1e-12);

        Alignment local = Traceback.align(aligner.encode("TTTTGATTACATTTT"), aligner.encode("CCGATTACACC"), scoring,
                AlignmentMode.LOCAL);
        assertEquals(7, local.score());
        assertEquals("7=", local.cigar());
        assertEquals(5, local.queryStart());
        assertEquals(11, local.queryEnd());
        assertEquals(3, local.targetStart());
        assertEquals(9, local.targetEnd());
    }

    @Test
    void thirtyKilobasesEachFitInAGigabyte() throws Exception {
        Processes.Outcome check = SmallHeap.run("1g", TracebackMemoryCheck.class, "traceback-memory-check.log");
        assertEquals(0, check.exitCode(), check.stdout());
    }
}
