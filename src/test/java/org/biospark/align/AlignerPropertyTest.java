package org.biospark.align;

import static org.biospark.align.PropertyInputs.SCHEMES;
import static org.biospark.align.PropertyInputs.randomMode;
import static org.biospark.align.PropertyInputs.randomSequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The scalar kernel and the aligner's batch API against {@link ReferenceGotoh}, on random sequences, alphabets,
 * schemes and modes, including empty sequences and batches that do not fill the lanes.
 * {@link BatchKernelPropertyTest} and {@link PairKernelPropertyTest} check the vector kernels one by one.
 */
class AlignerPropertyTest {
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
    void manyQueriesAgainstManyTargetsEqualTheReference() {
        SplittableRandom random = new SplittableRandom(13);
        for (int trial = 0; trial < 60; trial++) {
            Scoring scoring = SCHEMES.get(random.nextInt(SCHEMES.size()));
            AlignmentMode mode = randomMode(random);
            int size = scoring.matrix().size();
            List<byte[]> targets = new ArrayList<>();
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
}
